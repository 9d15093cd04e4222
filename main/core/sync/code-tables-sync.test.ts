import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncFixture } from '../../../test-support/main/sync-fixture';
import { syncFixture, waitFor } from '../../../test-support/main/sync-fixture';

// Code tables the hub operator imports reach every client with the next
// reconnection (real hub process; the official table copies are read from the
// handbook at run time, never copied into the repository).

describe('code tables served by the hub', { timeout: 120_000 }, () => {
  let f: SyncFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('installs a table the hub has a new version of, once', async () => {
    f = await syncFixture();
    const fx = f;
    const imported = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'hub/cli.ts',
        'code-tables',
        'import',
        '../shared/domain/code-tables/customs-districts.csv',
        '--data',
        fx.hubDir,
      ],
      { encoding: 'utf8' },
    );
    expect(imported.status, imported.stderr).toBe(0);
    // The client checks on reconnection: take the hub away and bring it back.
    await fx.proxy.down();
    await waitFor(async () => (await fx.call('sync.status', {})).state === 'offline', 'offline');
    await fx.proxy.up();
    await waitFor(
      async () => (await fx.call('codes.tables', {})).some((t) => t.id === 'customs-districts' && t.origin === 'hub'),
      'the table from the hub',
      60_000,
    );
    const row = await fx.call('codes.get', { table: 'customs-districts', code: '2248' });
    expect(row?.name_zh).toBe('洋山港区');
    const fetches = () => fx.proxy.log.filter((r) => r.path.startsWith('/v1/code-tables/customs-districts')).length;
    expect(fetches()).toBe(1);
    // Another reconnection does not fetch the same version again.
    await fx.proxy.down();
    await waitFor(async () => (await fx.call('sync.status', {})).state === 'offline', 'offline again');
    await fx.proxy.up();
    await waitFor(() => fx.proxy.log.filter((r) => r.path === '/v1/code-tables').length >= 2, 'a second check');
    expect(fetches()).toBe(1);
  });
});
