import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0020 } from './0020-mod-drafts';

describe('migration 0020 mod drafts', () => {
  const open = databasesPerTest();

  it('adds one modification draft per declaration, outside the declarations table, going with its declaration', () => {
    const db = open(migration0020.version - 1);
    db.exec(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, entry_id, head, revision, created_at, updated_at)
      VALUES ('d1', 'SW1', 'I', 'sent', 'released', '222620261000000001', '{}', 3, 't1', 't1')`);
    const counts = db.prepare(`SELECT status, n FROM declaration_counts ORDER BY status`).all();

    upgradeTo(db, migration0020);

    const insert = db.prepare(
      `INSERT INTO mod_drafts (declaration_id, base_revision, doc, created_at, updated_at) VALUES (?, 3, '{}', 't2', 't2')`,
    );
    insert.run('d1');
    expect(() => insert.run('d1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('nobody')).toThrow(/FOREIGN KEY/);
    // The draft is no declaration: the declarations and their counts by status are as they were.
    expect(db.prepare(`SELECT count(*) AS n FROM declarations`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT status, n FROM declaration_counts ORDER BY status`).all()).toEqual(counts);
    db.prepare(`DELETE FROM declarations WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM mod_drafts`).get()).toEqual({ n: 0 });
  });
});
