import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { pgServerMissing } from '../../e2e/fixtures/pg-cluster';
import { openPostgresStore, type PostgresHubStore } from '../../hub/store/postgres/postgres-store';
import { openSqliteStore, type SqliteHubStore } from '../../hub/store/sqlite/sqlite-store';
import type { HubStore } from '../../hub/store/types';
import { enrolledClient } from './store-fixtures';

// Every store the hub has, for tests that must hold on each (the store contract, the refusals,
// the HTTP flows). SQLite always runs. PostgreSQL runs against the server SWHUB_TEST_PG names
// (a database URL; .ci/run starts a throwaway cluster and sets it), each test store in a schema of
// its own that is dropped afterwards. Without SWHUB_TEST_PG the PostgreSQL cases are skipped and
// say so — except in CI (CI or SWHUB_REQUIRE_PG set), where its absence fails the run instead of passing it quietly.

export type StoreKind = 'sqlite' | 'postgres';

export const testPgUrl: string | undefined = process.env.SWHUB_TEST_PG || undefined;

if (!testPgUrl && (process.env.CI || process.env.SWHUB_REQUIRE_PG))
  throw new Error('SWHUB_TEST_PG is not set in CI: the PostgreSQL store tests would not run (.ci/run sets it)');

const pgMissing = 'PostgreSQL not run here: SWHUB_TEST_PG is not set (docs/hub-operations.md, "Running the tests")';
let warned = false;

/** The store kinds these tests cover, each with the reason it would not run here (null: it runs). */
export const storeKinds: readonly { kind: StoreKind; skip: string | null }[] = [
  { kind: 'sqlite', skip: null },
  { kind: 'postgres', skip: testPgUrl ? null : pgMissing },
];

/**
 * `describe` once per store: `describeStores('enrollment', (kind) => { it(…) })` declares the
 * cases for SQLite and again for PostgreSQL ("enrollment [sqlite]", "enrollment [postgres]").
 * Use it for any behaviour every store must share; open the store in the cases with
 * `createTestStore(kind)` or `startTestHub(…, { store: kind })`.
 */
export function describeStores(title: string, body: (kind: StoreKind) => void): void {
  for (const { kind, skip } of storeKinds) {
    if (skip && !warned) {
      warned = true;
      console.warn(`[hub tests] ${skip}`);
    }
    describe.skipIf(skip !== null)(skip ? `${title} [${kind} — ${skip}]` : `${title} [${kind}]`, () => body(kind));
  }
}

/** `describe` for what only PostgreSQL has (migrations by SQL, partitions, LISTEN); skipped saying why. */
export function describePostgres(title: string, body: () => void): void {
  const skip = storeKinds.find((k) => k.kind === 'postgres')?.skip ?? null;
  if (skip && !warned) {
    warned = true;
    console.warn(`[hub tests] ${skip}`);
  }
  describe.skipIf(skip !== null)(skip ? `${title} [${skip}]` : title, body);
}

/**
 * `describe` for tests that start and stop a PostgreSQL server of their own (startPgCluster): they
 * need the server binaries, not SWHUB_TEST_PG. Skipped saying why where they are not installed,
 * except in CI, where that fails.
 */
export function describePgServer(title: string, body: () => void): void {
  const missing = pgServerMissing();
  if (missing) console.warn(`[hub tests] ${missing}`);
  describe.skipIf(missing !== null)(missing ? `${title} [${missing}]` : title, body);
}

export interface TestStore {
  kind: StoreKind;
  store: HubStore;
  /** Config overrides that point a hub at this store. */
  config: Record<string, unknown>;
  /** The same as SWHUB_* variables, for hub and worker processes. */
  env: Record<string, string>;
  /** A digest of every row of every table: equal before and after means nothing was written. */
  fingerprint(): Promise<string>;
  /** Runs SQL on the store's database (PostgreSQL: in its schema), for tests that set up odd states. */
  sql(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Opens another store object on the same data, as another process would. */
  reopen(): Promise<HubStore>;
  /** Closes the store and removes its data. */
  destroy(): Promise<void>;
}

function digestRows(hash: ReturnType<typeof createHash>, table: string, rows: unknown[]): void {
  hash.update(table);
  for (const row of rows) hash.update(JSON.stringify(row));
}

function sqliteTestStore(): TestStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swhub-store-'));
  const store: SqliteHubStore = openSqliteStore(dir);
  return {
    kind: 'sqlite',
    store,
    config: { dataDir: dir },
    env: { SWHUB_DATA: dir },
    async fingerprint() {
      const hash = createHash('sha256');
      const tables = store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[];
      for (const table of tables)
        digestRows(hash, table, store.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all());
      return hash.digest('hex');
    },
    async sql(text, values = []) {
      const statement = store.db.prepare(text);
      if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
      statement.run(...values);
      return [];
    },
    async reopen() {
      return openSqliteStore(dir);
    },
    async destroy() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTestStore(): Promise<TestStore> {
  if (!testPgUrl) throw new Error(pgMissing);
  const url = testPgUrl;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const open = (migrate: boolean) =>
    openPostgresStore({ url, schema, poolSize: 4, applicationName: `swhub test ${schema}`, migrate });
  const store: PostgresHubStore = await open(true);
  const tables = async () =>
    (
      await store.pool.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
        [schema],
      )
    ).rows.map((r) => r.name);
  return {
    kind: 'postgres',
    store,
    config: { store: { url, schema, poolSize: 4 } },
    env: { SWHUB_STORE: url, SWHUB_STORE_SCHEMA: schema, SWHUB_STORE_POOL_SIZE: '4' },
    async fingerprint() {
      const hash = createHash('sha256');
      for (const table of await tables())
        digestRows(hash, table, (await store.pool.query(`SELECT * FROM ${table} t ORDER BY t::text`)).rows);
      return hash.digest('hex');
    },
    async sql(text, values = []) {
      return (await store.pool.query(text, values)).rows as Record<string, unknown>[];
    },
    async reopen() {
      return open(false);
    },
    async destroy() {
      await store.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A fresh, empty, migrated store of that kind. Call destroy() when done. */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  return kind === 'sqlite' ? sqliteTestStore() : postgresTestStore();
}

/** A fresh store of this kind before each case, handed to `opened`; destroyed after the case. */
export function eachStore(kind: StoreKind, opened: (open: { data: TestStore; store: HubStore }) => unknown): void {
  let data: TestStore | undefined;
  beforeEach(async () => {
    data = await createTestStore(kind);
    await opened({ data, store: data.store });
  });
  afterEach(async () => {
    await data?.destroy();
  });
}

/**
 * A fresh store of this kind before each case, with one client enrolled, handed to `opened`; destroyed after the case
 * (the store contract's cases each start so).
 */
export function eachEnrolledStore(
  kind: StoreKind,
  opened: (open: { data: TestStore; store: HubStore; clientId: string }) => unknown,
): void {
  eachStore(kind, async ({ data, store }) => {
    const { clientId } = await enrolledClient(store);
    await opened({ data, store, clientId });
  });
}
