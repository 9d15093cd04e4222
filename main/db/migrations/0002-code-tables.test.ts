import { describe, expect, it } from 'vitest';
import { databasesPerTest } from '../../../test-support/main/migration-db';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0002 code tables', () => {
  const open = databasesPerTest();

  it('upgrades a version-1 database, keeping its data, and adds the code-table store', () => {
    const db = open(1);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
    const result = migrate(db, migrations.slice(0, 2));
    expect(result).toMatchObject({ from: 1, to: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
    db.prepare(
      `INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at) VALUES ('units', '1', 'builtin', 0, 's', '[]', 1, 'x', 't')`,
    ).run();
    db.prepare(`INSERT INTO code_rows (tbl, code, name_zh, data) VALUES ('units', '035', '千克', '{}')`).run();
    expect(db.prepare(`SELECT name_zh FROM code_rows WHERE tbl = 'units' AND code = '035'`).pluck().get()).toBe('千克');
  });

  it('refuses rows of a table that is not registered, and an unknown origin', () => {
    const db = open(2);
    expect(() =>
      db.prepare(`INSERT INTO code_rows (tbl, code, name_zh, data) VALUES ('nope', '1', 'x', '{}')`).run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at) VALUES ('a', '1', 'web', 0, 's', '[]', 0, 'x', 't')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it("removes a table's rows with the table", () => {
    const db = open(2);
    db.prepare(
      `INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at) VALUES ('units', '1', 'builtin', 0, 's', '[]', 1, 'x', 't')`,
    ).run();
    db.prepare(`INSERT INTO code_rows (tbl, code, name_zh, data) VALUES ('units', '035', '千克', '{}')`).run();
    db.prepare(`DELETE FROM code_tables WHERE id = 'units'`).run();
    expect(db.prepare(`SELECT count(*) FROM code_rows`).pluck().get()).toBe(0);
  });
});
