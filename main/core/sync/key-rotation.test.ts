import { afterEach, describe, expect, it } from 'vitest';
import type { SyncFixture } from '../../../test-support/main/sync-fixture';
import { syncFixture, waitFor } from '../../../test-support/main/sync-fixture';

// Key rotation against a real hub process: the new key is registered with a
// request signed by the current one before it is used, old submissions stay
// verifiable, and without the hub nothing changes.

describe('key rotation', { timeout: 120_000 }, () => {
  let f: SyncFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  const released = async (fx: SyncFixture, id: string) =>
    ['released', 'closed'].includes((await fx.call('declarations.get', { id })).status);

  it('rotates to an SM2 key registered at the hub; declarations signed before and after are both accepted', async () => {
    f = await syncFixture();
    const fx = f;
    const [before] = await fx.declareSamples(1);
    await waitFor(() => released(fx, before ?? ''), 'the first declaration released');
    const old = await fx.call('keys.status', {});
    const rotated = await fx.call('keys.rotate', { algorithm: 'sm2' });
    expect(rotated).toMatchObject({ algorithm: 'sm2', exists: true });
    expect(rotated.keyId).not.toBe(old.keyId);
    expect(fx.proxy.log.some((r) => r.method === 'POST' && r.path === '/v1/keys' && r.status === 200)).toBe(true);
    const [after] = await fx.declareSamples(1);
    await waitFor(() => released(fx, after ?? ''), 'the second declaration released');
    const keys = await fx.call('keys.list', {});
    expect(keys.map((k) => [k.algorithm, k.active])).toEqual([
      ['ed25519', false],
      ['sm2', true],
    ]);
    expect(fx.hubSubmissions().map((s) => s.state)).toEqual(['accepted', 'accepted']);
  });

  it('refuses to rotate while the hub cannot be reached, and keeps the current key', async () => {
    f = await syncFixture();
    const fx = f;
    const current = await fx.call('keys.status', {});
    await fx.proxy.down();
    const result = await fx.app.dispatch('keys.rotate', { algorithm: 'ed25519' });
    expect(result).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    expect((await fx.call('keys.status', {})).keyId).toBe(current.keyId);
    expect(await fx.call('keys.list', {})).toHaveLength(1);
  });
});
