import { createLocalEvents } from '../local-events';
import type { HubStore, StoreStats } from '../types';
import { StoreUnavailableError } from '../types';
import { hubMigrations } from '../migrations';
import { sqliteAttachments } from './attachments';
import { sqliteClients } from './clients';
import { sqliteCodeTables } from './code-tables';
import type { HubDb } from './connection';
import { migrateHubDb, openHubDb } from './connection';
import { sqliteModRequests } from './mod-requests';
import { sqliteSubmissions } from './submissions';

export interface SqliteHubStore extends HubStore {
  /** The connection, for tests and maintenance (integrity checks, backups). */
  readonly db: HubDb;
}

/** The default store: one SQLite file in the data directory, migrated on open. */
export function openSqliteStore(dataDir: string): SqliteHubStore {
  const db = openHubDb(dataDir);
  try {
    migrateHubDb(db, dataDir, hubMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const events = createLocalEvents();
  return {
    db,
    ...sqliteClients(db),
    ...sqliteSubmissions(db, events),
    ...sqliteCodeTables(db),
    ...sqliteAttachments(db),
    ...sqliteModRequests(db),
    async stats(): Promise<StoreStats> {
      return {
        clients: count('clients'),
        keys: count('client_keys'),
        enrollmentCodes: count('enrollment_codes'),
        nonces: count('nonces'),
        submissions: count('submissions'),
        receipts: count('receipts'),
        pending: count('processing'),
        codeTableVersions: count('code_table_versions'),
      };
    },
    subscribe: (handlers) => events.subscribe(handlers),
    async ping() {
      if (!db.open) throw new StoreUnavailableError('The hub database is closed');
      return { kind: 'sqlite', schemaVersion: Number(db.pragma('user_version', { simple: true })) };
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
