import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { COUNT_CAP, createDeclarationListQuery } from '../repositories/declaration-list-query';
import { migration0013 } from './0013-status-declared';

describe('migration 0013 status and declared at', () => {
  const open = databasesPerTest();

  it('adds the (status, declared_at) index, and one status sorted by 申报日期 reads it without a sort step', () => {
    const db = open(migration0013.version - 1);
    upgradeTo(db, migration0013);

    // The list's own statements, recorded as it prepares them, so the plan checked is the one it runs.
    const prepared: string[] = [];
    const recording = Object.create(db, {
      prepare: { value: (sql: string) => (prepared.push(sql), db.prepare(sql)) },
    }) as typeof db;
    const list = createDeclarationListQuery(recording);
    const insert = db.prepare(
      `INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at, declared_at)
       VALUES (?, ?, 'I', 'sent', ?, '{}', 1, 't0', 't0', ?)`,
    );
    // More than the list counts exactly (COUNT_CAP), so it takes the path a busy desk takes.
    const statuses = ['released', 'accepted', 'released'];
    const n = COUNT_CAP * 2;
    db.transaction(() => {
      for (let i = 0; i < n; i += 1) {
        insert.run(`d${i}`, `SW${i}`, statuses[i % 3], `t${String(i).padStart(6, '0')}`);
      }
    })();
    const page = list({ status: ['released'], sort: 'declaredAt', direction: 'desc', limit: 3, offset: 0 });
    const newest = [n - 1, n - 2, n - 3, n - 4].filter((i) => i % 3 !== 1).slice(0, 3);
    expect(page.rows.map((r) => r.id)).toEqual(newest.map((i) => `d${i}`));

    const pageSql = prepared.find((sql) => sql.includes('ORDER BY declared_at'));
    expect(pageSql).toBeDefined();
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${pageSql ?? ''}`).all({ s0: 'released', limit: 10, offset: 0 }) as Array<{
        detail: string;
      }>
    )
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('declarations_status_declared');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
