import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoHub, syncFixturePerTest, waitFor } from '../../../test-support/main/sync-fixture';

// A refusal from the hub is judged with the hub's code tables, which the desk may not have yet (the
// hub's operator imported a new table after the desk last looked: it looks on reconnection and every
// six hours). The desk takes the hub's tables as the refusal comes back, so its own checks, run again,
// agree with the hub. Real hub process. The desk's built-in 关区 table is the handbook's complete one;
// the hub's operator imports a newer official table in which 2201 is gone (the test's own edit of the
// handbook's copy), so the hub refuses what the desk's own tables accept.

describe('a refusal from the hub', { timeout: 120_000 }, () => {
  const start = syncFixturePerTest();

  it('brings the hub’s newer code tables to the desk, without waiting for a reconnection', async () => {
    const fx = await start();
    // The desk has looked at the hub's tables (it does once connected), before the hub has the new one.
    await waitFor(() => fx.proxy.log.some((r) => r.path === '/v1/code-tables'), 'the first look at the tables');
    const official = fs.readFileSync('../shared/domain/code-tables/customs-districts.csv', 'utf8').split('\n');
    const newer = path.join(fx.hubDir, 'customs-districts.csv');
    fs.writeFileSync(newer, official.filter((line) => !line.startsWith('2201,')).join('\n'));
    importIntoHub(fx.hubDir, newer);
    const fromHub = async () =>
      (await fx.call('codes.tables', {})).some((t) => t.id === 'customs-districts' && t.origin === 'hub');
    expect(await fromHub()).toBe(false);

    const id = await fx.draftSample({ CustomMaster: '2201' });
    await fx.call('declarations.declare', { id });
    await waitFor(async () => (await fx.call('declarations.get', { id })).workflow === 'rejected', 'the refusal');
    await waitFor(fromHub, 'the hub’s 关区 table on the desk', 20_000);
    expect((await fx.call('codes.get', { table: 'customs-districts', code: '2248' }))?.name_zh).toBe('洋山港区');
    expect(await fx.call('codes.get', { table: 'customs-districts', code: '2201' })).toBeNull();
    // Taken once, after the refusal: no reconnection happened since the first look.
    expect(fx.proxy.log.filter((r) => r.path.startsWith('/v1/code-tables/customs-districts'))).toHaveLength(1);
  });
});
