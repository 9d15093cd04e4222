import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { createPartiesRepo } from '../repositories/parties-repo';
import { migration0014 } from './0014-party-short-names';

describe('migration 0014 party short names', () => {
  const open = databasesPerTest();

  it('gives the parties already here the initials of their short names, found by the picker’s search', () => {
    const db = open(migration0014.version - 1);
    db.exec(`INSERT INTO parties (id, overseas, roles, name_zh, name_en, initials, created_at, updated_at, seq)
      VALUES ('p1', 0, 'trade', '上海鲜果贸易有限公司', '', 'shxgmyyxgs', 't1', 't1', 1),
             ('p2', 0, 'trade', '鲜花速递有限公司', '', 'xhsdyxgs', 't1', 't1', 2)`);
    upgradeTo(db, migration0014);
    expect(db.prepare(`SELECT id, short_initials FROM parties ORDER BY id`).all()).toEqual([
      { id: 'p1', short_initials: 'xgmyyxgs' },
      { id: 'p2', short_initials: '' },
    ]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM parties WHERE short_initials >= 'xg' AND short_initials < 'xh'`)
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toContain('parties_short_initials');
    expect(
      createPartiesRepo(db)
        .search('xg', { limit: 10 })
        .map((p) => p.nameZh),
    ).toEqual(['上海鲜果贸易有限公司']);
  });
});
