import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { createProfileDefaultsRepo } from '../repositories/profile-defaults-repo';
import { migration0009 } from './0009-defaults-by-direction';

describe('migration 0009 defaults by direction', () => {
  const open = databasesPerTest();

  it('keeps the defaults stored before as the values for both directions, with none for one direction only', () => {
    const db = open(8);
    db.prepare(
      `INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at) VALUES ('op1', '捷通', '3120980123', '91310115MA1H7AAA0F', '王芳', '8900000000001', 't1', 't1')`,
    ).run();
    db.prepare(
      `INSERT INTO profile_defaults (profile_id, head, line, updated_at) VALUES ('op1', '{"TradeMode":"0110"}', '{"DutyMode":"1"}', 't1')`,
    ).run();
    upgradeTo(db, migration0009);
    const repo = createProfileDefaultsRepo(db);
    expect(repo.get('op1')).toEqual({
      head: { TradeMode: '0110' },
      line: { DutyMode: '1' },
      import: { head: {}, line: {} },
      export: { head: {}, line: {} },
    });
    repo.put('op1', 'E', { head: { IEPort: '2244' }, line: {} }, 't2');
    expect(repo.get('op1')).toEqual({
      head: { TradeMode: '0110' },
      line: { DutyMode: '1' },
      import: { head: {}, line: {} },
      export: { head: { IEPort: '2244' }, line: {} },
    });
  });
});
