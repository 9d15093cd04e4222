import path from 'node:path';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/connection';
import type { Migration } from '../../db/migrate';
import { latestVersion, migrate } from '../../db/migrate';
import { backupDirOf, DATABASE_FILE } from '../backup/backup-files';
import type { Logger } from '../../logging/logger';
import { checkOpenedDatabase, checkSigningKeys, ensureWritableFolder } from './startup-checks';

/**
 * Opens the desk's database with every check that decides between working and a recovery
 * screen, in order: the folder can be written, the file is not from a newer version (refused
 * untouched), SQLite can read it and its quick check passes, it is migrated (after a backup),
 * and the signing keys it refers to are stored (whether the OS keychain still opens the active
 * one is asked right after, with its asynchronous API: App.ready). Each failure is a typed error
 * (./open-errors) and the connection is closed before it is thrown.
 *
 * Read-only (the recovery screen's "open read-only") skips all of it: it opens what is there,
 * changes nothing, and lets the user look at and export the data.
 */
export function openAppDatabase(input: {
  dataDir: string;
  logger: Logger;
  migrations: readonly Migration[];
  readOnly: boolean;
}): Db {
  const file = path.join(input.dataDir, DATABASE_FILE);
  if (input.readOnly) return openDatabase(file, { readonly: true, logger: input.logger });
  ensureWritableFolder(input.dataDir);
  const db = openDatabase(file, { logger: input.logger, refuseNewerThan: latestVersion(input.migrations) });
  try {
    checkOpenedDatabase(db, file);
    migrate(db, input.migrations, { backupDir: backupDirOf(input.dataDir) });
    checkSigningKeys(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
