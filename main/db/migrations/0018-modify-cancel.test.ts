import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0018 } from './0018-modify-cancel';

const objectsOf = (db: ReturnType<ReturnType<typeof databasesPerTest>>) =>
  db
    .prepare(`SELECT type, name FROM sqlite_schema WHERE tbl_name = 'declarations' ORDER BY type, name`)
    .all() as Array<{ type: string; name: string }>;

describe('migration 0018 modify and cancel', () => {
  const open = databasesPerTest();

  it('widens the workflow to the 修撤单 states and keeps every declaration, its rows, history, outbox and receipts', () => {
    const db = open(migration0018.version - 1);
    db.exec(`
      INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, entry_id, head, revision, created_at, updated_at)
        VALUES ('d1', 'SW1', 'I', 'sent', 'released', '222620261000000001', '{"TradeMode":"0110"}', 3, 't1', 't1'),
               ('d2', 'SW2', 'E', 'draft', 'draft', NULL, '{}', 1, 't2', 't2');
      INSERT INTO declaration_rows (declaration_id, tbl, seq, data) VALUES ('d1', 'lines', 0, '{"GName":"苹果"}');
      INSERT INTO declaration_revisions (declaration_id, revision, at, actor, action, changes)
        VALUES ('d1', 1, 't0', 'op', 'create', '{}'), ('d1', 2, 't1', 'op', 'declare', '{}');
      INSERT INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, created_at, updated_at)
        VALUES ('s1', 'd1', 2, 'accepted', '{}', 'sig', 'k', 'dg', 't1', 't1');
      INSERT INTO receipts (receipt_id, declaration_id, client_seq_no, channel, note, notice_date, source, raw, received_at)
        VALUES ('r1', 'd1', 'SW1', 'P', '放行', '2026-12-01', 'hub', '{}', 't1');
    `);
    const before = objectsOf(db);
    const counts = db.prepare(`SELECT status, n FROM declaration_counts ORDER BY status`).all();
    const declaredAt = db.prepare(`SELECT declared_at FROM declarations WHERE id = 'd1'`).get();
    expect(() => db.prepare(`UPDATE declarations SET workflow = 'cancelled' WHERE id = 'd1'`).run()).toThrow(/CHECK/);

    upgradeTo(db, migration0018);

    expect(db.prepare(`SELECT id, workflow, entry_id FROM declarations ORDER BY id`).all()).toEqual([
      { id: 'd1', workflow: 'sent', entry_id: '222620261000000001' },
      { id: 'd2', workflow: 'draft', entry_id: null },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM declaration_rows`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM declaration_revisions`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT count(*) AS n FROM outbox`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM receipts`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT declared_at FROM declarations WHERE id = 'd1'`).get()).toEqual(declaredAt);
    expect(db.prepare(`SELECT status, n FROM declaration_counts ORDER BY status`).all()).toEqual(counts);
    // Every index and trigger the table had, under the same names; the other tables still reference it.
    expect(objectsOf(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE '%before_0018%'`).get()).toEqual({
      n: 0,
    });

    // The new states are allowed, anything else still refused, and the triggers still count statuses.
    db.prepare(`UPDATE declarations SET workflow = 'cancelled', status = 'cancelled' WHERE id = 'd1'`).run();
    expect(() => db.prepare(`UPDATE declarations SET workflow = 'gone' WHERE id = 'd2'`).run()).toThrow(/CHECK/);
    expect(db.prepare(`SELECT n FROM declaration_counts WHERE status = 'cancelled'`).get()).toEqual({ n: 1 });
    // A declaration's rows still cascade with it (the foreign keys name the rebuilt table).
    db.prepare(`DELETE FROM declarations WHERE id = 'd2'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM declaration_rows WHERE declaration_id = 'd1'`).get()).toEqual({
      n: 1,
    });

    db.exec(`
      INSERT INTO mod_requests (request_id, declaration_id, kind, state, revision, reason_case, note, head, changes,
        envelope, signature, key_id, digest, created_at, updated_at)
        VALUES ('m1', 'd1', 'modify', 'queued', 4, 6, '', '{}', '[]', '{}', 'sig', 'k', 'dg', 't3', 't3')`);
    expect(() =>
      db.exec(`
        INSERT INTO mod_requests (request_id, declaration_id, kind, state, revision, reason_case, note, head, changes,
          envelope, signature, key_id, digest, created_at, updated_at)
          VALUES ('m2', 'nobody', 'modify', 'queued', 1, 6, '', '{}', '[]', '{}', 'sig', 'k', 'dg', 't3', 't3')`),
    ).toThrow(/FOREIGN KEY/);
  });
});
