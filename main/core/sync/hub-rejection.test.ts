import { describe, expect, it } from 'vitest';
import { importIntoHub, syncFixturePerTest, waitFor } from '../../../test-support/main/sync-fixture';

// The hub is the authority: with the full official 关区 table imported there,
// it refuses a code this desk cannot judge (its built-in table is partial).
// The refusal comes back with field paths, is shown on the declaration, and is
// never retried. Real hub process; the official table copy is read at run time.

describe('a submission the hub rejects', { timeout: 120_000 }, () => {
  const start = syncFixturePerTest();

  it('comes back with errors that point at fields, is not retried, and can be fixed and declared again', async () => {
    const fx = await start();
    importIntoHub(fx.hubDir, '../shared/domain/code-tables/entry-exit-ports.csv');

    // 入境口岸 ships as the 2018 table (partial): the desk cannot judge 999998, the hub's complete table can.
    const id = await fx.draftSample({ EntyPortCode: '999998' });
    await fx.call('declarations.declare', { id });

    await waitFor(async () => (await fx.call('declarations.get', { id })).workflow === 'rejected', 'the rejection');
    const rejected = await fx.call('declarations.get', { id });
    expect(rejected.status).toBe('rejected');
    expect(rejected.rejection?.map((e) => e.path)).toContain('head.EntyPortCode');
    expect(rejected.rejection?.find((e) => e.path === 'head.EntyPortCode')?.message).toMatch(/999998/);
    const [item] = await fx.call('outbox.list', { limit: 1 });
    expect(item).toMatchObject({ state: 'rejected', attempts: 1 });

    // Never retried: later passes leave it alone.
    await fx.call('sync.now', {});
    await fx.call('sync.now', {});
    expect(fx.proxy.log.filter((r) => r.method === 'POST' && r.path === '/v1/submissions')).toHaveLength(1);

    // Fixed (editable again) and declared again, it goes through.
    await fx.call('declarations.update', {
      id,
      baseRevision: rejected.revision,
      ops: [{ op: 'set', path: 'head.EntyPortCode', value: '470101' }],
    });
    await fx.call('declarations.declare', { id });
    await waitFor(
      async () => (await fx.call('declarations.get', { id })).status === 'released',
      'released after the fix',
    );
    expect(fx.hubSubmissions().map((s) => s.state)).toEqual(['rejected', 'accepted']);
  });
});
