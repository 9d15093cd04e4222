import fs from 'node:fs';
import path from 'node:path';
import type { Migration as SharedMigration, MigrateResult } from '../../shared/store/migrate';
import { migrate as runMigrations } from '../../shared/store/migrate';
import type { Db } from './connection';

export { DatabaseTooNewError, schemaVersion, latestVersion } from '../../shared/store/migrate';
export type Migration = SharedMigration<Db>;

/** Migrates the client database, taking a VACUUM INTO copy in `backupDir` before upgrading an existing one. */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  options: { backupDir?: string; now?: () => Date } = {},
): MigrateResult {
  const { backupDir } = options;
  return runMigrations(
    db,
    migrations,
    backupDir
      ? (from, to) => {
          fs.mkdirSync(backupDir, { recursive: true });
          const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
          const file = path.join(backupDir, `before-schema-${to}-from-${from}-${stamp}.sqlite`);
          db.prepare('VACUUM INTO ?').run(file);
          return file;
        }
      : undefined,
  );
}
