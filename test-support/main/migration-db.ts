import path from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../main/db/connection';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
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
