import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { createProfilesRepo } from '../repositories/profiles-repo';
import { migration0016 } from './0016-review';

describe('migration 0016 review', () => {
  const open = databasesPerTest();

  it('gives the operators already here both roles and keeps declarations’ reviews beside them', () => {
    const db = open(migration0016.version - 1);
    db.prepare(
      `INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at)
       VALUES ('p1', '上海捷通报关有限公司', '3120980123', '91310115MA1H7AAA0F', '王芳', '8931000012345', 't1', 't1')`,
    ).run();
    db.prepare(
      `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at)
       VALUES ('d1', 'SW1', 'I', 'draft', 'draft', '{}', 1, 't1', 't1')`,
    ).run();
    upgradeTo(db, migration0016);
    expect(createProfilesRepo(db).get('p1')?.roles).toEqual(['preparer', 'reviewer']);

    const insert = db.prepare(
      `INSERT INTO declaration_reviews (declaration_id, state, digest, preparer_id, preparer, submitted_at)
       VALUES ('d1', ?, 'abc', 'p1', '王芳', 't2')`,
    );
    expect(() => insert.run('pending')).toThrow(/CHECK/);
    insert.run('submitted');
    expect(db.prepare(`SELECT state, remarks FROM declaration_reviews`).all()).toEqual([
      { state: 'submitted', remarks: '[]' },
    ]);
  });
});
