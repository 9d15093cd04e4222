import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { migration0005 } from './0005-operator-profiles';

describe('migration 0005 operator profiles', () => {
  const open = databasesPerTest();

  it('upgrades a version-4 database with its declarations untouched, and holds one profile per IC card', () => {
    const db = open(4);
    db.prepare(
      `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at) VALUES ('a', 'SW1', 'I', 'draft', 'draft', '{}', 1, 't', 't')`,
    ).run();
    upgradeTo(db, migration0005);
    expect(db.prepare(`SELECT count(*) AS n FROM declarations`).get()).toEqual({ n: 1 });
    const insert = db.prepare(
      `INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at) VALUES (?, 'c', '3120980123', 'u', 'n', ?, 't', 't')`,
    );
    insert.run('p1', '8931000012345');
    expect(() => insert.run('p2', '8931000012345')).toThrow(/UNIQUE/);
  });
});
