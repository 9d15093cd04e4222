import { afterEach, describe, expect, it } from 'vitest';
import type { CodeTableSummaryDto } from '../../../shared/api/code-schemas';
import { enrollCode } from '../../../e2e/fixtures/processes';
import { browserDesk } from '../../../test-support/main/desk-app';
import { createLogger } from '../../logging/logger';
import { tempDir } from '../../../test-support/main/temp-dir';
import { importIntoHub, syncFixturePerTest, waitFor } from '../../../test-support/main/sync-fixture';

// Code tables the hub operator imports reach every client when it connects, on 同步 and with the
// next reconnection, and every window hears of them (codes.changed) — real hub process; the
// official table copies are read from the handbook at run time.

/** A table of the handbook's copy of the official code tables. */
const official = (file: string) => `../shared/domain/code-tables/${file}`;

describe('code tables served by the hub', { timeout: 120_000 }, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  // Registered after the cleanups, so that it runs before them: the fixture closes first, as it always did.
  const start = syncFixturePerTest();

  it('brings the newer tables with 同步, and tells every window which tables changed', async () => {
    // This hub's operator takes 随附单据 files up to 1 MB only: the desk heard it on connecting, and keeps to it.
    const fx = await start({ hubEnv: { SWHUB_MAX_ATTACHMENT_BYTES: String(1024 * 1024) } });
    expect((await fx.call('settings.get', {})).attachments).toEqual({ maxFileMb: 4, hubMaxFileMb: 1, inForceMb: 1 });
    const events: unknown[] = [];
    cleanups.push(fx.app.subscribe((event, payload) => event === 'codes.changed' && events.push(payload)));
    importIntoHub(fx.hubDir, official('entry-exit-ports.csv'));
    await fx.call('sync.now', {});
    const table = (await fx.call('codes.tables', {})).find((t) => t.id === 'entry-exit-ports');
    expect(table).toMatchObject({ origin: 'hub', complete: true, rowCount: 997 });
    expect(events).toEqual([{ tables: ['entry-exit-ports'] }]);
    // Nothing new: 同步 fetches nothing and announces nothing.
    await fx.call('sync.now', {});
    expect(events).toHaveLength(1);
  });

  it('installs the hub’s tables as soon as a desk connects', async () => {
    const f = await start();
    importIntoHub(f.hubDir, official('entry-exit-ports.csv'));
    const temp = tempDir('swdesk-desk2-');
    // Failed twice at load 24 (the built-in table kept) and never since: what the desk logged says why next time.
    const logged: string[] = [];
    const { app } = browserDesk(
      temp.dir,
      'correct horse battery',
      createLogger((line) => logged.push(line), 'warn'),
    );
    cleanups.push(async () => {
      await app.close();
      temp.cleanup();
    });
    await app.connectHub(f.proxy.url, enrollCode(f.hubDir));
    const tables = await app.dispatch('codes.tables', {});
    const listed = (tables.ok ? tables.value : []) as CodeTableSummaryDto[];
    const status = await app.dispatch('sync.status', {});
    expect(
      listed.find((t) => t.id === 'entry-exit-ports'),
      `sync status ${JSON.stringify(status)}; logged ${logged.join('\n')}`,
    ).toMatchObject({ origin: 'hub' });
  });

  it('installs a table the hub has a new version of, once', async () => {
    const fx = await start();
    importIntoHub(fx.hubDir, official('customs-districts.csv'));
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
