import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0012 } from './0012-declared-at';

describe('migration 0012 declared at', () => {
  const open = databasesPerTest();

  it('gives each declaration already here its last declare time (none after a withdrawal), and keeps it after', () => {
    const db = open(migration0012.version - 1);
    const insert = db.prepare(
      `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at)
       VALUES (?, ?, 'I', ?, ?, '{}', 3, 't0', 't0')`,
    );
    const revision = db.prepare(
      `INSERT INTO declaration_revisions (declaration_id, revision, at, actor, action, changes) VALUES (?, ?, ?, 'a', ?, '{}')`,
    );
    insert.run('d1', 'SW1', 'sent', 'released');
    revision.run('d1', 1, 't1', 'create');
    revision.run('d1', 2, 't2', 'declare');
    revision.run('d1', 3, 't3', 'receipt');
    insert.run('d2', 'SW2', 'draft', 'draft');
    revision.run('d2', 1, 't1', 'create');
    revision.run('d2', 2, 't2', 'declare');
    revision.run('d2', 3, 't3', 'withdraw');
    insert.run('d3', 'SW3', 'draft', 'draft');
    revision.run('d3', 1, 't1', 'create');

    upgradeTo(db, migration0012);
    const declaredAt = (id: string) =>
      (db.prepare(`SELECT declared_at FROM declarations WHERE id = ?`).get(id) as { declared_at: string | null })
        .declared_at;
    expect([declaredAt('d1'), declaredAt('d2'), declaredAt('d3')]).toEqual(['t2', null, null]);

    // From now on the audit trail keeps it.
    revision.run('d3', 2, 't4', 'declare');
    revision.run('d1', 4, 't5', 'edit');
    expect([declaredAt('d1'), declaredAt('d3')]).toEqual(['t2', 't4']);
    revision.run('d3', 3, 't6', 'withdraw');
    expect(declaredAt('d3')).toBeNull();
  });
});
