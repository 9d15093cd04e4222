import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { browserDesk } from '../../../test-support/main/desk-app';
import { createEportClient } from '../../../test-support/main/eport-client';
import { tempDir } from '../../../test-support/main/temp-dir';

describe('the bridge as the app’s sync transport (through the contract)', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('bridge.configure makes it the transport: declare and 撤单申请 write to OutBox, sync.now applies the client’s answers; disabling goes back to the hub', async () => {
    const data = tempDir('swdesk-app-');
    const imp = tempDir('swdesk-imppath-');
    cleanups.push(data.cleanup, imp.cleanup);
    const { app, call } = browserDesk(data.dir, 'bridge wiring test');
    cleanups.push(() => app.close());

    const refused = await app.dispatch('bridge.configure', { enabled: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const configured = await call<{ transport: string; folders: unknown }>('bridge.configure', {
      enabled: true,
      impPath: imp.dir,
      createFolders: true,
      operType: 'C',
    });
    expect(configured).toMatchObject({
      transport: 'bridge',
      folders: { outBox: true, inBox: true, failBox: true, sentBox: true },
    });
    const client = createEportClient(imp.dir, { channels: ['L', 'P'] });

    const created = await call<{ id: string; revision: number }>('declarations.create', { ieFlag: 'I' });
    const doc = sampleDeclaration(1);
    const ops = [
      ...Object.entries(doc.head).map(([k, value]) => ({ op: 'set', path: `head.${k}`, value })),
      ...doc.lines.map(({ GNo: _g, ...row }) => ({ op: 'insertRow', table: 'lines', row })),
    ];
    await call('declarations.update', { id: created.id, baseRevision: created.revision, ops });
    await call('declarations.declare', { id: created.id });
    const status = await call<{ state: string; hubUrl: string | null; outbox: { sending: number } }>('sync.now', {});
    expect(status).toMatchObject({ state: 'online', hubUrl: null, outbox: { sending: 1 } });
    expect(fs.readdirSync(path.join(imp.dir, 'OutBox'))).toHaveLength(1);

    expect(client.step()).toHaveLength(1);
    await call('sync.now', {});
    expect(await call('declarations.get', { id: created.id })).toMatchObject({ status: 'released', workflow: 'sent' });
    expect(
      (await call<Array<{ source: string }>>('declarations.receipts', { id: created.id })).map((r) => r.source),
    ).toEqual(['bridge', 'bridge', 'bridge']);
    expect(await call('bridge.status', {})).toMatchObject({
      transport: 'bridge',
      files: { applied: 3, unmatched: 0, unreadable: 0 },
    });

    // A 撤单申请 goes the same way: into OutBox, answered from InBox, the declaration 已撤单.
    await call('declarations.requestCancellation', { id: created.id, reasonCase: 6, note: '' });
    await call('sync.now', {});
    expect(fs.readdirSync(path.join(imp.dir, 'OutBox'))).toEqual([expect.stringMatching(/^DecMod_/)]);
    expect(client.step()).toHaveLength(1);
    await call('sync.now', {});
    expect(await call('declarations.get', { id: created.id })).toMatchObject({ workflow: 'cancelled' });
    expect(await call('declarations.modRequests', { id: created.id })).toMatchObject([{ state: 'approved' }]);

    expect(await call('bridge.configure', { enabled: false })).toMatchObject({ transport: 'hub' });
    expect(await call('sync.status', {})).toMatchObject({ state: 'not-configured' });
  });
});
