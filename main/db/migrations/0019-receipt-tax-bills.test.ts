import { describe, expect, it } from 'vitest';
import { databasesPerTest } from '../../../test-support/main/migration-db';
import { migrate, schemaVersion } from '../migrate';
import { createReceiptsRepo } from '../repositories/receipts-repo';
import { migration0019 } from './0019-receipt-tax-bills';
import { migrations } from './index';

describe('migration 0019 receipt tax bills', () => {
  const open = databasesPerTest();

  it('keeps each receipt, takes a 税费单 already in a raw receipt into its column, and leaves the others without', () => {
    const db = open(migration0019.version - 1);
    db.exec(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, head, revision, created_at, updated_at)
      VALUES ('d1', 'SW1', 'I', 'sent', 'released', '{}', 3, 't1', 't1'), ('d2', 'SW2', 'I', 'sent', 'released', '{}', 3, 't1', 't1')`);
    const bill = { date: '2026-12-07', month: '2026-12', lines: [], totals: {}, problems: [] };
    db.prepare(
      `INSERT INTO receipts (receipt_id, declaration_id, client_seq_no, channel, note, notice_date, source, raw, received_at)
       VALUES (?, 'd1', 'SW1', ?, ?, '2026-12-07', 'hub', ?, ?)`,
    ).run('r1', 'L', '入库', '{}', 't1');
    db.prepare(
      `INSERT INTO receipts (receipt_id, declaration_id, client_seq_no, channel, note, notice_date, source, raw, received_at)
       VALUES (?, 'd1', 'SW1', ?, ?, '2026-12-07', 'hub', ?, ?)`,
    ).run('r2', 'P', '放行', JSON.stringify({ channel: 'P', taxBill: bill }), 't2');
    db.prepare(
      `INSERT INTO receipts (receipt_id, declaration_id, client_seq_no, channel, note, notice_date, source, raw, received_at)
       VALUES (?, 'd2', 'SW2', ?, ?, '2026-12-07', 'file', ?, ?)`,
    ).run('r3', 'P', '放行', '<xml/>', 't3');

    expect(migrate(db, migrations.slice(0, migration0019.version))).toMatchObject({ from: 18, to: 19 });
    expect(schemaVersion(db)).toBe(19);
    expect(db.prepare('SELECT receipt_id, tax_bill FROM receipts ORDER BY receipt_id').all()).toEqual([
      { receipt_id: 'r1', tax_bill: null },
      { receipt_id: 'r2', tax_bill: JSON.stringify(bill) },
      { receipt_id: 'r3', tax_bill: null },
    ]);
    expect(
      createReceiptsRepo(db)
        .forDeclaration('d1')
        .map((r) => r.channel),
    ).toEqual(['L', 'P']);
  });
});
