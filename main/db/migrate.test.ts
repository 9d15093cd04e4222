import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/main/temp-dir';
import type { Db } from './connection';
import { openDatabase } from './connection';
import type { Migration } from './migrate';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';

describe('migrations', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function open(): { db: Db; dir: string } {
    const temp = tempDir();
    const db = openDatabase(path.join(temp.dir, 'swdesk.sqlite'));
    cleanups.push(() => {
      db.close();
      temp.cleanup();
    });
    return { db, dir: temp.dir };
  }

  const tables = (db: Db) =>
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>
    ).map((r) => r.name);

  it('brings a new database to the latest schema, with WAL and foreign keys on', () => {
    const { db } = open();
    const result = migrate(db, migrations);
    expect(result).toEqual({ from: 0, to: migrations.length, backupPath: null });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('0001 creates the declaration, revision, outbox, receipt, key and settings tables', () => {
    const { db } = open();
    migrate(db, migrations.slice(0, 1));
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'declarations',
        'declaration_rows',
        'declaration_revisions',
        'outbox',
        'receipts',
        'signing_keys',
        'settings',
      ]),
    );
  });

  it('keeps the schema the first eighteen migrations made to the letter (an applied migration never changes)', () => {
    const { db } = open();
    migrate(db, migrations.slice(0, 18));
    const schema = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
    // The digest of the schema text as those migrations wrote it before they shared sql-migration.ts: SQLite keeps
    // each CREATE as written, white space and all, so a script edited later would leave databases of two kinds.
    expect(createHash('sha256').update(JSON.stringify(schema)).digest('hex')).toBe(
      '5a5d06e9972e6531b87fa9adccdf5b97dfa2cf5605a3696cca734e2ad4154f97',
    );
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const { db } = open();
    migrate(db, migrations);
    db.pragma(`user_version = ${migrations.length + 5}`);
    expect(() => migrate(db, migrations)).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, migrations)).toThrow(/newer version/);
    expect(schemaVersion(db)).toBe(migrations.length + 5);
  });

  it('backs the database up with VACUUM INTO before upgrading it', () => {
    const { db, dir } = open();
    migrate(db, migrations);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', '"kept"')`).run();
    const next: Migration = {
      version: migrations.length + 1,
      name: 'probe',
      up: (d) => d.exec('CREATE TABLE probe (x INTEGER)'),
    };
    const result = migrate(db, [...migrations, next], { backupDir: path.join(dir, 'backups') });
    expect(result.backupPath).not.toBeNull();
    expect(fs.existsSync(result.backupPath ?? '')).toBe(true);
    const backup = openDatabase(result.backupPath ?? '', { readonly: true });
    expect(schemaVersion(backup)).toBe(migrations.length);
    expect(backup.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({ value: '"kept"' });
    backup.close();
  });

  it('rolls a failing upgrade back completely: schema and version stay as they were', () => {
    const { db } = open();
    migrate(db, migrations);
    const good: Migration = {
      version: migrations.length + 1,
      name: 'good',
      up: (d) => d.exec('CREATE TABLE added_then_rolled_back (x)'),
    };
    const bad: Migration = { version: migrations.length + 2, name: 'bad', up: (d) => d.exec('THIS IS NOT SQL') };
    expect(() => migrate(db, [...migrations, good, bad])).toThrow();
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tables(db)).not.toContain('added_then_rolled_back');
  });

  it('refuses a list with a gap in the numbering', () => {
    const { db } = open();
    const gap: Migration = { version: migrations.length + 2, name: 'gap', up: () => undefined };
    expect(() => migrate(db, [...migrations, gap])).toThrow(/without gaps/);
    expect(schemaVersion(db)).toBe(0);
  });
});
