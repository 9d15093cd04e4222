import type pg from 'pg';
import { DatabaseTooNewError } from '../../../shared/store/migrate';
import { classify } from './connection';
import { schemaPattern } from './schema-name';
import { pgMigrations } from './migrations';
import type { PgMigration } from './migrations/pg-migration';

export type { PgMigration } from './migrations/pg-migration';

function checkNumbering(migrations: readonly PgMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
}

/** The version the schema is at: 0 when the hub's tables are not there yet. */
export async function pgSchemaVersion(db: pg.Pool | pg.PoolClient, schema: string): Promise<number> {
  if (!schemaPattern.test(schema)) throw new Error(`Bad schema name "${schema}"`);
  try {
    const found = await db.query<{ present: boolean }>(
      "SELECT to_regclass($1 || '.schema_migrations') IS NOT NULL AS present",
      [schema],
    );
    if (!found.rows[0]?.present) return 0;
    const version = await db.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.schema_migrations`,
    );
    return version.rows[0]?.version ?? 0;
  } catch (error) {
    throw classify(error);
  }
}

/**
 * Brings the schema up to date: all pending migrations in one transaction (PostgreSQL's DDL is
 * transactional, so an upgrade completes or changes nothing), under an advisory lock so that
 * hub processes started together never migrate twice. A schema from a newer hub is refused
 * untouched. There is no copy taken first, as SQLite's VACUUM INTO: a PostgreSQL hub is backed up
 * by base backups and archived WAL (docs/hub-operations.md).
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<{ from: number; to: number }> {
  checkNumbering(migrations);
  if (!schemaPattern.test(schema)) throw new Error(`Bad schema name "${schema}"`);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw classify(error);
  }
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`swhub-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const from = await pgSchemaVersion(client, schema);
    const to = migrations.length;
    if (from > to) throw new DatabaseTooNewError(from, to);
    await client.query(`SET LOCAL search_path = ${schema}`);
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    return { from, to };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw classify(error);
  } finally {
    client.release();
  }
}
