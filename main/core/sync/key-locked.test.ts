import { afterEach, describe, expect, it } from 'vitest';
import type { SyncFixture } from '../../../test-support/main/sync-fixture';
import { syncFixture, waitFor } from '../../../test-support/main/sync-fixture';

// SW Desk restarted without its passphrase (no passphrase file): the key is stored but sealed. Sync must say
// why it waits — the key is locked — and go on by itself once the broker unlocks it (a real hub process).

describe('a signing key locked after a restart', { timeout: 180_000 }, () => {
  let f: SyncFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('makes sync say it waits for the key, and sending and receipts go on once it is unlocked', async () => {
    f = await syncFixture();
    const fx = f;
    const [first] = await fx.declareSamples(1);
    await waitFor(
      async () => (await fx.call('declarations.get', { id: first ?? '' })).status === 'released',
      'the first declaration released',
    );

    await fx.restartApp({ passphrase: null });
    await waitFor(
      async () => (await fx.call('sync.status', {})).lastError?.reason === 'sync.key-locked',
      'sync to say the key is locked',
    );
    const locked = await fx.call('sync.status', {});
    expect(locked.keyLocked).toBe(true);
    expect(await fx.call('keys.status', {})).toMatchObject({ exists: true, unlocked: false });
    // 同步 while locked sends nothing and still says why.
    expect((await fx.call('sync.now', {})).lastError?.reason).toBe('sync.key-locked');

    // Declaring asks for the passphrase to sign (an existing key: unlock, not create).
    const draft = await fx.draftSample();
    const refused = await fx.app.dispatch('declarations.declare', { id: draft });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PASSPHRASE_REQUIRED', reason: 'keys.passphrase-required-for', params: { action: 'sign' } },
    });

    await fx.call('keys.unlock', { passphrase: 'correct horse battery' });
    const unlocked = await fx.call('sync.status', {});
    expect(unlocked.keyLocked).toBe(false);
    expect(unlocked.lastError?.reason).not.toBe('sync.key-locked');
    await fx.call('declarations.declare', { id: draft });
    await waitFor(
      async () => (await fx.call('declarations.get', { id: draft })).status === 'released',
      'the declaration sent and released after unlocking',
    );
  });
});
