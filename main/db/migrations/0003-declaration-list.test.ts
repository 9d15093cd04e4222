import { describe, expect, it } from 'vitest';
import { databasesPerTest } from '../../../test-support/main/migration-db';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 0003 declaration list', () => {
  const open = databasesPerTest();

  const insert = (db: Db, id: string, status: string, deleted: string | null = null) =>
    db
      .prepare(
        `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at, deleted_at) VALUES (?, ?, 'I', 'draft', ?, '{}', 1, 't', 't', ?)`,
      )
      .run(id, `SW${id}`, status, deleted);
  const counts = (db: Db) =>
    Object.fromEntries(
      (
        db.prepare(`SELECT status, n FROM declaration_counts WHERE n > 0`).all() as Array<{ status: string; n: number }>
      ).map((r) => [r.status, r.n]),
    );

  it('upgrades a version-2 database, counting the declarations it already has by status', () => {
    const db = open(2);
    insert(db, 'a', 'draft');
    insert(db, 'b', 'draft');
    insert(db, 'c', 'released');
    insert(db, 'd', 'draft', '2026-01-01');
    const result = migrate(db, migrations.slice(0, 3));
    expect(result).toMatchObject({ from: 2, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(counts(db)).toEqual({ draft: 2, released: 1 });
  });

  it('keeps the per-status counts as declarations are added, change status, are deleted and removed', () => {
    const db = open(migrations.length);
    insert(db, 'a', 'draft');
    insert(db, 'b', 'draft');
    insert(db, 'x', 'draft', '2026-01-01');
    expect(counts(db)).toEqual({ draft: 2 });
    db.prepare(`UPDATE declarations SET status = 'queued' WHERE id = 'a'`).run();
    expect(counts(db)).toEqual({ draft: 1, queued: 1 });
    // Rewriting the same status (as every state update does) changes nothing.
    db.prepare(`UPDATE declarations SET status = 'queued', revision = 2 WHERE id = 'a'`).run();
    expect(counts(db)).toEqual({ draft: 1, queued: 1 });
    db.prepare(`UPDATE declarations SET deleted_at = 'now' WHERE id = 'b'`).run();
    expect(counts(db)).toEqual({ queued: 1 });
    db.prepare(`DELETE FROM declarations WHERE id IN ('a', 'x')`).run();
    expect(counts(db)).toEqual({});
  });

  it('uses an index for every searched identifier and list sort', () => {
    const db = open(migrations.length);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    for (const column of ['bill_no', 'contr_no', 'trade_name', 'entry_id', 'seq_no', 'created_at']) {
      expect(
        plan(`SELECT rowid FROM declarations WHERE ${column} >= 'A' AND ${column} < 'B' AND deleted_at IS NULL`),
      ).toContain(`USING INDEX declarations_`);
      expect(
        plan(`SELECT * FROM declarations WHERE deleted_at IS NULL ORDER BY ${column} DESC, rowid DESC LIMIT 50`),
      ).not.toContain('TEMP B-TREE');
    }
  });

  it('keeps template names unique and refuses an unknown direction', () => {
    const db = open(migrations.length);
    const add = db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, created_at, updated_at) VALUES (?, ?, ?, '{}', 0, 't', 't')`,
    );
    add.run('1', '上海鲜果进口', 'I');
    expect(() => add.run('2', '上海鲜果进口', 'I')).toThrow(/UNIQUE/);
    expect(() => add.run('3', '其他', 'X')).toThrow(/CHECK/);
  });
});
