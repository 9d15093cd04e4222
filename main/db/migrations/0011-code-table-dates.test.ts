import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import type { Db } from '../connection';
import { migrate } from '../migrate';
import { upgradeTo } from '../../../test-support/main/migration-db';
import { migrations } from './index';
import { migration0011 } from './0011-code-table-dates';

describe('migration 0011 code-table dates', () => {
  const dbs: Db[] = [];
  afterEach(() => dbs.splice(0).forEach((db) => db.close()));

  it('gives every table a data date, unknown for the tables installed before, and drops the built-in copies', () => {
    const db = openDatabase(':memory:');
    dbs.push(db);
    migrate(db, migrations.slice(0, migration0011.version - 1));
    db.prepare(
      `INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at) VALUES ('units', 'v1', 'import', 1, 'units.csv', '[]', 0, 'x', '2026-11-01T00:00:00Z')`,
    ).run();
    db.prepare(
      `INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at) VALUES ('ports', 'facts-1', 'builtin', 0, 's', '[]', 1, 'x', 't')`,
    ).run();
    db.prepare(`INSERT INTO code_rows (tbl, code, name_zh, data) VALUES ('units', '035', '千克', '{}')`).run();
    db.prepare(`INSERT INTO code_rows (tbl, code, name_zh, data) VALUES ('ports', 'HKG000', '中国香港', '{}')`).run();
    upgradeTo(db, migration0011);
    expect(db.prepare(`SELECT as_of FROM code_tables WHERE id = 'units'`).pluck().get()).toBe('');
    expect(db.prepare(`SELECT id FROM code_tables`).pluck().all()).toEqual(['units']);
    expect(db.prepare(`SELECT tbl FROM code_rows`).pluck().all()).toEqual(['units']);
    db.prepare(`UPDATE code_tables SET as_of = '2026-08-01' WHERE id = 'units'`).run();
    expect(db.prepare(`SELECT as_of FROM code_tables WHERE id = 'units'`).pluck().get()).toBe('2026-08-01');
  });
});
