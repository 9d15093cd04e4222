import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0021 } from './0021-extract-undos';

describe('migration 0021 extract undos', () => {
  const open = databasesPerTest();

  it('keeps one undo of accepted document lines per declaration, going with its declaration', () => {
    const db = open(migration0021.version - 1);
    db.exec(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, entry_id, head, revision, created_at, updated_at)
      VALUES ('d1', 'SW1', 'I', 'draft', 'draft', NULL, '{}', 3, 't1', 't1')`);

    upgradeTo(db, migration0021);

    const insert = db.prepare(
      `INSERT INTO extract_undos (declaration_id, revision, ops, lines, file_names, written_at) VALUES (?, 3, '[]', 2, 'invoice.pdf', 't2')`,
    );
    insert.run('d1');
    expect(() => insert.run('d1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('nobody')).toThrow(/FOREIGN KEY/);
    db.prepare(`DELETE FROM declarations WHERE id = 'd1'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM extract_undos`).get()).toEqual({ n: 0 });
  });
});
