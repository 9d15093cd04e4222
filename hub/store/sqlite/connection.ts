import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MigrateResult, Migration } from '../../../shared/store/migrate';
import { migrate } from '../../../shared/store/migrate';

export type HubDb = Database.Database;
export type HubMigration = Migration<HubDb>;

export const HUB_DB_FILE = 'hub.sqlite';

/** A store getter over a statement that reads one row: that row as the store's record, or undefined when none. */
export function readOne<P extends unknown[], R, T>(
  statement: Database.Statement<P, R>,
  toRecord: (row: R) => T,
): (...params: P) => Promise<T | undefined> {
  return async (...params) => {
    const row = statement.get(...params);
    return row === undefined ? undefined : toRecord(row);
  };
}

/**
 * Opens the hub database in `dataDir`. WAL lets the CLI (enroll-code, clients
 * revoke) write beside a running server; synchronous=FULL makes every commit
 * durable before the hub acknowledges it (an accepted submission is a promise).
 */
export function openHubDb(dataDir: string): HubDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, HUB_DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Brings the schema up to date, taking a `VACUUM INTO` copy in `<dataDir>/backups` before upgrading an existing
 * database.
 */
export function migrateHubDb(
  db: HubDb,
  dataDir: string,
  migrations: readonly HubMigration[],
  now: () => Date = () => new Date(),
): MigrateResult {
  return migrate(db, migrations, (from, to) => {
    const dir = path.join(dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `hub-before-schema-${to}-from-${from}-${stamp}.sqlite`);
    db.prepare('VACUUM INTO ?').run(file);
    return file;
  });
}
