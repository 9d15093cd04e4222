import { afterEach, describe, expect, it } from 'vitest';
import { pgServerMissing, startPgCluster, type PgCluster } from '../../../e2e/fixtures/pg-cluster';
import { migrateHubStore } from '../../../e2e/fixtures/processes';
import type { SyncFixture } from '../../../test-support/main/sync-fixture';
import { syncFixture, waitFor } from '../../../test-support/main/sync-fixture';

// A hub on PostgreSQL whose database is restarting answers 503 `unavailable` with Retry-After. The desk
// tells the broker that, in the UI language — not the generic "busy or failing" of any 5xx — keeps the
// declaration queued, and sends it once the database is back. A real hub process on a real PostgreSQL.

let f: SyncFixture | null = null;
let cluster: PgCluster | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
  await cluster?.destroy();
  cluster = null;
});

const missing = pgServerMissing();
describe.skipIf(missing !== null)(
  `the desk while the hub’s database is down (real hub process, real PostgreSQL)${missing ? ` [${missing}]` : ''}`,
  () => {
    it('says the hub’s database is not answering, keeps the declaration and sends it when it is back', async () => {
      cluster = await startPgCluster({ fsync: 'off' });
      const pg = cluster;
      migrateHubStore({ SWHUB_STORE: pg.url });
      f = await syncFixture({ hubEnv: { SWHUB_STORE: pg.url } });
      const fx = f;
      const [first] = await fx.declareSamples(1);
      await waitFor(
        async () => (await fx.call('declarations.get', { id: first ?? '' })).status !== 'queued',
        'the first declaration through the hub on PostgreSQL',
      );

      await pg.stop('fast');
      const [second] = await fx.declareSamples(1);
      await waitFor(async () => {
        const item = (await fx.call('outbox.list', {})).find((i) => i.declarationId === second);
        return item?.lastError != null;
      }, 'the declaration tried while the database is down');
      const item = (await fx.call('outbox.list', {})).find((i) => i.declarationId === second);
      expect(item?.lastError?.reason).toBe('hub.unavailable');
      // The renderer words it in the UI language (reasons.test walks each reason in zh-CN and en); this is the English.
      expect(item?.lastError?.message).toMatch(/^The hub’s database is not answering for now/);
      expect((await fx.call('declarations.get', { id: second ?? '' })).status).toBe('queued');

      await pg.start();
      await waitFor(
        async () => (await fx.call('declarations.get', { id: second ?? '' })).status !== 'queued',
        'the declaration sent once the database is back',
      );
      expect((await fx.call('outbox.list', {})).filter((i) => i.declarationId === second)).toEqual([
        expect.objectContaining({ state: 'accepted', lastError: null }),
      ]);
    }, 180_000);
  },
);
