import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../shared/store/migrate';
import { accepted, enrolledClient, item, nextStepDraft, record } from '../../../test-support/hub/store-fixtures';
import { createTestStore, describePostgres, testPgUrl, type TestStore } from '../../../test-support/hub/stores';
import { waitUntil } from '../../../test-support/hub/wait';
import { StoreUnavailableError } from '../types';
import { createPool, isTransient, transaction } from './connection';
import { SchemaBehindError } from '../types';
import { migratePostgres, pgSchemaVersion, type PgMigration } from './migrate';
import { pgMigrations } from './migrations';
import { ensureReceiptPartitions, monthStart, partitionName } from './partitions';
import { openPostgresStore } from './postgres-store';

// What only the PostgreSQL store has: SQL migrations under a lock, month partitions, a listener
// that survives its connection, and errors that say "the database is not answering".

describe('PostgreSQL store without a server', () => {
  it('counts connection losses, restarts and lost deadlocks as transient, and bad SQL or data as not', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    for (const code of ['57P01', '57P03', '08006', '08001', '40P01', '40001', '53300', '25006', 'ECONNREFUSED'])
      expect(isTransient(coded(code)), code).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(new Error('timeout exceeded when trying to connect'))).toBe(true);
    for (const code of ['23505', '42P01', '22P02', '42601']) expect(isTransient(coded(code)), code).toBe(false);
    expect(isTransient('nope')).toBe(false);
  });

  it('partitions by the month in China time', () => {
    // 2026-11-30 16:00 UTC is 1 December 00:00 in Beijing.
    expect(monthStart(Date.parse('2026-11-30T15:59:59Z'), 0)).toBe('2026-11-01');
    expect(monthStart(Date.parse('2026-11-30T16:00:00Z'), 0)).toBe('2026-12-01');
    expect(monthStart(Date.parse('2026-12-15T00:00:00Z'), 1)).toBe('2027-01-01');
    expect(partitionName('2027-01-01')).toBe('receipts_2027_01');
  });

  it('refuses to open when the server is not there, as unavailable (503 for the hub, a clear exit for the CLI)', async () => {
    await expect(
      openPostgresStore({
        url: 'postgres://swhub@127.0.0.1:9/none',
        schema: 'public',
        poolSize: 1,
        applicationName: 't',
      }),
    ).rejects.toThrow(StoreUnavailableError);
  });
});

describePostgres('PostgreSQL store on a server', () => {
  const url = testPgUrl ?? '';
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  function freshSchema(): { schema: string; pool: pg.Pool } {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const pool = createPool({ url, schema, poolSize: 3, applicationName: 'swhub test' }, () => undefined);
    cleanups.push(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    });
    return { schema, pool };
  }
  async function testStore(): Promise<TestStore> {
    const data = await createTestStore('postgres');
    cleanups.push(() => data.destroy());
    return data;
  }

  it('migrates a new schema once, even when several processes start together, and then not again', async () => {
    const { schema, pool } = freshSchema();
    const results = await Promise.all([migratePostgres(pool, schema), migratePostgres(pool, schema)]);
    const latest = pgMigrations.length;
    expect(results.map((r) => `${r.from}→${r.to}`).sort()).toEqual([`0→${latest}`, `${latest}→${latest}`]);
    expect(await pgSchemaVersion(pool, schema)).toBe(latest);
    expect(await migratePostgres(pool, schema)).toEqual({ from: latest, to: latest });
    const applied = await pool.query(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
    expect(applied.rows).toEqual(pgMigrations.map((m) => ({ version: m.version, name: m.name })));
    expect(applied.rows.slice(0, 5)).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'tax-bills' },
      { version: 3, name: 'attachments' },
      { version: 4, name: 'decmod' },
      { version: 5, name: 'submission-people' },
    ]);
  });

  it('migration 0005 keeps the submissions received before it, naming no preparer or reviewer', async () => {
    const { schema, pool } = freshSchema();
    await migratePostgres(pool, schema, pgMigrations.slice(0, 4));
    await pool.query(`INSERT INTO ${schema}.clients (id, name, enrolled_at) VALUES ('c', '报关行', now());
      INSERT INTO ${schema}.submissions (client_id, submission_id, payload_digest, state, hub_seq, client_seq_no,
        key_id, envelope, signature, received_at, entry_id)
      VALUES ('c', 's', 'd', 'accepted', 1, 'C1', 'k', '{}', 'sig', now(), '224820261000000001')`);
    expect(await migratePostgres(pool, schema, pgMigrations.slice(0, 5))).toEqual({ from: 4, to: 5 });
    const { rows } = await pool.query(`SELECT entry_id, preparer, reviewer FROM ${schema}.submissions`);
    expect(rows).toEqual([{ entry_id: '224820261000000001', preparer: null, reviewer: null }]);
  });

  it('applies an upgrade whole or not at all, and refuses a schema from a newer hub untouched', async () => {
    const { schema, pool } = freshSchema();
    await migratePostgres(pool, schema);
    const failing: PgMigration = {
      version: pgMigrations.length + 1,
      name: 'fails',
      sql: 'CREATE TABLE half_done (x int); SELECT 1/0;',
    };
    await expect(migratePostgres(pool, schema, [...pgMigrations, failing])).rejects.toThrow(/division by zero/);
    expect(await pgSchemaVersion(pool, schema)).toBe(pgMigrations.length);
    expect((await pool.query(`SELECT to_regclass('${schema}.half_done') AS t`)).rows[0]).toEqual({ t: null });
    await pool.query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES (99, 'future')`);
    await expect(migratePostgres(pool, schema)).rejects.toThrow(DatabaseTooNewError);
    await expect(openPostgresStore({ url, schema, poolSize: 1, applicationName: 't' })).rejects.toThrow(
      DatabaseTooNewError,
    );
  });

  it('refuses to serve a schema that was not migrated, naming the command that migrates it', async () => {
    const { schema } = freshSchema();
    const opening = openPostgresStore({ url, schema, poolSize: 1, applicationName: 't' });
    await expect(opening).rejects.toThrow(SchemaBehindError);
    await expect(opening).rejects.toThrow(/npm run hub -- migrate/);
  });

  it('keeps receipts in the partition of their submission’s month, and a month without one in the default', async () => {
    const data = await testStore();
    const schema = String((data.config.store as { schema: string }).schema);
    const now = Date.now();
    const names = (
      await data.sql(
        'SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid ' +
          "WHERE i.inhparent = 'receipts'::regclass ORDER BY 1",
      )
    ).map((r) => r.name);
    expect(names).toEqual(
      [0, 1, 2]
        .map((i) => partitionName(monthStart(now, i)))
        .concat('receipts_default')
        .sort(),
    );
    const { clientId } = await enrolledClient(data.store);
    await record(data.store, clientId, [item(accepted())]);
    // A submission from a month long gone, whose partition was never made.
    const old = item(accepted());
    await data.store.recordBatch({
      clientId,
      nonce: { clientId, nonce: randomBytes(12).toString('hex'), expiresAt: now + 60_000 },
      receivedAt: '2020-03-15T00:00:00.000Z',
      items: [old],
    });
    await data.store.issueDue(now, 10, nextStepDraft(now));
    const where = await data.sql(
      'SELECT r.submission_id, r.tableoid::regclass::text AS part FROM receipts r ORDER BY r.seq',
    );
    expect(where.find((r) => r.submission_id === old.submissionId)?.part).toBe('receipts_default');
    expect(where.find((r) => r.submission_id !== old.submissionId)?.part).toBe(partitionName(monthStart(now, 0)));
    // That month's partition cannot be made while the default holds its rows: reported, not failed.
    const pool = (data.store as unknown as { pool: pg.Pool }).pool;
    const march = Date.parse('2020-03-15T00:00:00Z');
    expect(await ensureReceiptPartitions(pool, schema, march, 0)).toEqual({ created: [], skipped: ['2020-03-01'] });
    expect(await ensureReceiptPartitions(pool, schema, Date.parse('2020-05-15T00:00:00Z'), 0)).toEqual({
      created: ['2020-05-01'],
      skipped: [],
    });
  });

  it('listens again after its connection is killed, and then tells every subscriber to look', async () => {
    const data = await testStore();
    const other = await data.reopen();
    cleanups.push(() => other.close());
    const got: (readonly string[] | null)[] = [];
    let work = 0;
    await other.subscribe({ receipts: (ids) => got.push(ids), work: () => (work += 1) });
    const schema = String((data.config.store as { schema: string }).schema);
    const killed = await data.sql(
      'SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1',
      [`swhub test ${schema} (listen)`],
    );
    expect(killed).toEqual([{ done: true }]);
    await waitUntil(() => got.includes(null) && work > 0, 'the listener to come back and say "look again"');
    const { clientId } = await enrolledClient(data.store);
    await record(data.store, clientId, [item(accepted())]);
    await data.store.issueDue(0, 10, nextStepDraft(0));
    await waitUntil(() => got.some((ids) => ids?.includes(clientId) ?? false), 'receipts after the reconnection');
  });

  it('lives on when the server ends a session between two statements of a transaction (the next is "unavailable")', async () => {
    const { pool } = freshSchema();
    const attempt = transaction(pool, async (client) => {
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const ended = new Promise((resolve) => client.once('end', resolve));
      // The server's goodbye (57P01) reaches a connection that has no statement running: pg emits it as an
      // 'error' event, which would end the process if nobody listened.
      await pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await ended;
      await client.query('SELECT 1');
    });
    await expect(attempt).rejects.toThrow(StoreUnavailableError);
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('serves again by itself after its connections are cut (any failure meanwhile is "unavailable")', async () => {
    const data = await testStore();
    const schema = String((data.config.store as { schema: string }).schema);
    await data.store.ping();
    await data.sql(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [`swhub test ${schema}`],
    );
    const failures: unknown[] = [];
    await waitUntil(async () => {
      try {
        await data.store.ping();
        return true;
      } catch (error) {
        failures.push(error);
        return false;
      }
    }, 'the store to answer again');
    expect(failures.every((f) => f instanceof StoreUnavailableError)).toBe(true);
    expect((await data.store.stats()).clients).toBe(0);
  });
});
