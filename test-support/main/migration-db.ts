import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Db } from '../../main/db/connection';
import { openDatabase } from '../../main/db/connection';
import type { Migration } from '../../main/db/migrate';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { tempDir } from './temp-dir';

/**
 * For a migration test's describe block: opens a database file in a fresh folder with the first
 * `applied` migrations run (a database as the version before left it), closed and removed after the test.
 */
export function databasesPerTest(): (applied: number) => Db {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  return (applied) => {
    const temp = tempDir();
    const db = openDatabase(path.join(temp.dir, 'swdesk.sqlite'));
    cleanups.push(() => {
      db.close();
      temp.cleanup();
    });
    migrate(db, migrations.slice(0, applied));
    return db;
  };
}

/** Runs migrations up to `migration` on a database the version before left, and sees it move exactly one version. */
export function upgradeTo(db: Db, migration: Migration): void {
  expect(migrate(db, migrations.slice(0, migration.version))).toMatchObject({
    from: migration.version - 1,
    to: migration.version,
  });
  expect(schemaVersion(db)).toBe(migration.version);
}
