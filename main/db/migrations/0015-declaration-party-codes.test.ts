import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/main/temp-dir';
import { openDatabase } from '../connection';
import { migrate } from '../migrate';
import { upgradeTo } from '../../../test-support/main/migration-db';
import { createKeyedPartyRepo } from '../repositories/keyed-party-repo';
import { migration0015 } from './0015-declaration-party-codes';
import { migrations } from './index';

describe('migration 0015 declaration party codes', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('indexes the party boxes’ codes of the declarations already here, which the keyed-party lookup reads', () => {
    const temp = tempDir();
    const db = openDatabase(path.join(temp.dir, 'swdesk.sqlite'));
    cleanups.push(() => {
      db.close();
      temp.cleanup();
    });
    migrate(db, migrations.slice(0, migration0015.version - 1));
    const insert = db.prepare(
      `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at)
       VALUES (?, ?, 'I', 'draft', 'draft', ?, 1, ?, ?)`,
    );
    const head = (fields: Record<string, string>) => JSON.stringify(fields);
    insert.run('d1', 'SW1', head({ OwnerName: '甲', OwnerCodeScc: '91310000132212345R' }), 't1', 't1');
    insert.run('d2', 'SW2', head({ TradeName: '乙', TradeCoScc: '91310000132212345R' }), 't2', 't2');
    upgradeTo(db, migration0015);

    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM declarations WHERE json_extract(head, '$.OwnerCodeScc') = 'x'
         AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toContain('declarations_party_ownercodescc');

    const repo = createKeyedPartyRepo(db);
    expect(repo.newest('uscc', '91310000132212345R', '')).toMatchObject({ declarationId: 'd2', slot: 'trade' });
    expect(repo.newest('uscc', '91310000132212345R', 'd2')).toMatchObject({ declarationId: 'd1', slot: 'owner' });
    expect(repo.newest('code', '91310000132212345R', '')).toBeUndefined();
  });
});
