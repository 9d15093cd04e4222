import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, keyedDraft } from '../../../test-support/main/core-fixture';
import { errorOf } from '../../../test-support/main/app-error';
import { sampleTaxInput, sampleTaxTables } from '../../../test-support/shared/tax-tables';
import { estimateTaxes } from '../../../shared/taxes/estimate';

describe('declaration service', () => {
  let f: CoreFixture;
  beforeEach(() => {
    f = coreFixture();
  });
  afterEach(() => f.close());

  it('creates a draft with our ClientSeqNo and a first revision', () => {
    const record = f.declarations.create({ ieFlag: 'I' });
    expect(record.clientSeqNo).toMatch(/^SW\d{6}[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(record).toMatchObject({
      workflow: 'draft',
      status: 'draft',
      revision: 1,
      doc: { head: { IEFlag: 'I' }, lines: [] },
    });
    expect(f.repo.revisions(record.id)).toEqual([
      expect.objectContaining({ revision: 1, action: 'create', actor: 'tester' }),
    ]);
    expect(f.events).toContainEqual({ event: 'declarations.changed', payload: { ids: [record.id] } });
  });

  it('saves field edits and line operations as revisions with what changed', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const r2 = f.declarations.update({
      id,
      baseRevision: 1,
      ops: [
        { op: 'set', path: 'head.TradeName', value: '上海测试贸易有限公司' },
        { op: 'insertRow', table: 'lines' },
        { op: 'insertRow', table: 'lines' },
      ],
    });
    const r3 = f.declarations.update({
      id,
      baseRevision: r2.revision,
      ops: [
        { op: 'set', path: 'lines[1].GName', value: '鲜苹果' },
        { op: 'moveRow', table: 'lines', from: 1, to: 0 },
      ],
    });
    const record = f.declarations.get(id);
    expect(record.revision).toBe(r3.revision);
    expect(record.tradeName).toBe('上海测试贸易有限公司');
    expect(record.doc.lines).toEqual([{ GName: '鲜苹果' }, {}]);
    expect(record.lineCount).toBe(2);
    const last = f.repo.revisions(id).at(-1);
    expect(last?.changes).toEqual([
      { op: 'set', path: 'lines[1].GName', from: '', value: '鲜苹果' },
      { op: 'moveRow', table: 'lines', index: 1, to: 0 },
    ]);
  });

  it("names a plain edit's revision in its change event, but not an edit that reopens a rejected declaration", () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const r2 = f.declarations.update({
      id,
      baseRevision: 1,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6123456780' }],
    });
    expect(f.events.at(-1)).toEqual({ event: 'declarations.changed', payload: { ids: [id], revision: r2.revision } });
    f.db.prepare(`UPDATE declarations SET workflow = 'rejected', status = 'rejected' WHERE id = ?`).run(id);
    const r3 = f.declarations.update({
      id,
      baseRevision: r2.revision,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6123456781' }],
    });
    expect(f.declarations.get(id).workflow).toBe('draft');
    expect(r3).toEqual({ id, revision: r2.revision + 1, updatedAt: expect.any(String) });
    expect(f.events.at(-1)).toEqual({ event: 'declarations.changed', payload: { ids: [id] } });
  });

  it("clears the hub's finding on a field the broker edits, and on goods lines once lines are added, removed or moved", () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const r2 = f.declarations.update({
      id,
      baseRevision: 1,
      ops: [{ op: 'insertRow', table: 'lines', row: { GName: '苹果' } }],
    });
    const rejection = [
      { path: 'head.CustomMaster', code: 'not-in-table', message: '申报地海关 2299 不在关区代码表中' },
      { path: 'head.BillNo', code: 'required', message: '提运单号 必填' },
      { path: 'lines[0].GName', code: 'too-long', message: '商品名称 超长' },
    ];
    f.db
      .prepare(`UPDATE declarations SET workflow = 'rejected', status = 'rejected', rejection = ? WHERE id = ?`)
      .run(JSON.stringify(rejection), id);
    const r3 = f.declarations.update({
      id,
      baseRevision: r2.revision,
      ops: [{ op: 'set', path: 'head.CustomMaster', value: '2201' }],
    });
    expect(f.declarations.get(id).rejection?.map((r) => r.path)).toEqual(['head.BillNo', 'lines[0].GName']);
    // An edit elsewhere leaves the findings; the window that saved it is told the revision.
    const r4 = f.declarations.update({
      id,
      baseRevision: r3.revision,
      ops: [{ op: 'set', path: 'head.ContrNo', value: 'HT-1' }],
    });
    expect(f.declarations.get(id).rejection).toHaveLength(2);
    expect(f.events.at(-1)).toEqual({ event: 'declarations.changed', payload: { ids: [id], revision: r4.revision } });
    const r5 = f.declarations.update({
      id,
      baseRevision: r4.revision,
      ops: [{ op: 'insertRow', table: 'lines', index: 0 }],
    });
    expect(f.declarations.get(id).rejection?.map((r) => r.path)).toEqual(['head.BillNo']);
    expect(f.events.at(-1)).toEqual({ event: 'declarations.changed', payload: { ids: [id] } });
    f.declarations.update({
      id,
      baseRevision: r5.revision,
      ops: [{ op: 'set', path: 'head.BillNo', value: 'COSU6123456780' }],
    });
    expect(f.declarations.get(id)).toMatchObject({ rejection: null, workflow: 'draft' });
  });

  it('keeps the stored copy when a reopened file is read back from disk', () => {
    const id = keyedDraft(f, { ieFlag: 'E', head: { BillNo: 'COSU6123456780' }, lines: [{ CodeTS: '0808100000' }] });
    const fresh = f.repo.loadDoc(
      f.repo.get(id) ??
        (() => {
          throw new Error('missing');
        })(),
    );
    expect(fresh).toEqual({
      head: { IEFlag: 'E', BillNo: 'COSU6123456780' },
      lines: [{ CodeTS: '0808100000' }],
      tables: {},
    });
  });

  it('refuses an unknown field, naming it, and changes nothing', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const error = errorOf(() =>
      f.declarations.update({
        id,
        baseRevision: 1,
        ops: [
          { op: 'set', path: 'head.TradeName', value: 'x' },
          { op: 'set', path: 'head.NoSuchField', value: 'y' },
        ],
      }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.params.detail).toContain('NoSuchField');
    expect(f.declarations.get(id)).toMatchObject({ revision: 1, doc: { head: { IEFlag: 'I' } } });
  });

  it('refuses an edit made on a stale revision', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    f.declarations.update({ id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'A' }] });
    const error = errorOf(() =>
      f.declarations.update({ id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'B' }] }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(f.declarations.get(id).doc.head.BillNo).toBe('A');
  });

  it('refuses a row that does not exist and a 51st goods line', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    expect(
      errorOf(() =>
        f.declarations.update({ id, baseRevision: 1, ops: [{ op: 'set', path: 'lines[0].GName', value: 'x' }] }),
      ).params.detail,
    ).toMatch(/Row 1 of "lines" does not exist/);
    const fifty = Array.from({ length: 50 }, () => ({ op: 'insertRow' as const, table: 'lines' }));
    const { revision } = f.declarations.update({ id, baseRevision: 1, ops: fifty });
    const error = errorOf(() =>
      f.declarations.update({ id, baseRevision: revision, ops: [{ op: 'insertRow', table: 'lines' }] }),
    );
    expect(error.message).toMatch(/at most 50/);
    expect(f.declarations.get(id).lineCount).toBe(50);
  });

  it('finds declarations by the identifiers brokers search by, and sorts them', () => {
    const a = f.declarations.create({ ieFlag: 'I' });
    f.clock.advance(1000);
    const b = f.declarations.create({ ieFlag: 'I' });
    f.declarations.update({ id: a.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'MSKU1234' }] });
    f.declarations.update({
      id: b.id,
      baseRevision: 1,
      ops: [{ op: 'set', path: 'head.TradeName', value: '宁波进出口公司' }],
    });
    expect(
      f.declarations
        .list({ text: 'MSKU', sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 })
        .items.map((i) => i.id),
    ).toEqual([a.id]);
    expect(
      f.declarations
        .list({ text: '宁波', sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 })
        .items.map((i) => i.id),
    ).toEqual([b.id]);
    expect(
      f.declarations.list({ text: b.clientSeqNo, sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 }).total,
    ).toBe(1);
    const byCreated = f.declarations.list({ sort: 'createdAt', direction: 'asc', limit: 50, offset: 0 });
    expect(byCreated.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(
      f.declarations.list({ status: ['released'], sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 }).total,
    ).toBe(0);
  });

  it('deletes drafts only, and a refused batch deletes nothing', () => {
    const draft = f.declarations.create({ ieFlag: 'I' });
    const queued = f.declarations.create({ ieFlag: 'I' });
    f.db.prepare(`UPDATE declarations SET workflow = 'queued' WHERE id = ?`).run(queued.id);
    expect(errorOf(() => f.declarations.delete([draft.id, queued.id])).code).toBe('INVALID_STATE');
    expect(f.declarations.list({ sort: 'updatedAt', direction: 'desc', limit: 50, offset: 0 }).total).toBe(2);
    expect(f.declarations.delete([draft.id])).toEqual({ deleted: 1 });
    expect(errorOf(() => f.declarations.get(draft.id)).code).toBe('NOT_FOUND');
  });

  describe('the 税费单 kept with a receipt', () => {
    const receipt = (declarationId: string, receiptId: string, taxBill: string) => ({
      receiptId,
      declarationId,
      submissionId: null,
      clientSeqNo: 'SW000000',
      channel: 'P',
      note: '',
      noticeDate: '2026-12-06T10:00:00+08:00',
      seqNo: null,
      entryId: '310120261000000001',
      source: 'hub',
      raw: '{}',
      receivedAt: '2026-12-06T02:00:00.000Z',
      taxBill,
    });
    const bill = estimateTaxes(sampleTaxInput(), sampleTaxTables('2026-12'));

    it('is answered checked, with its receipt’s channel and dates', () => {
      const { id } = f.declarations.create({ ieFlag: 'I' });
      f.receipts.add(receipt(id, 'r1', JSON.stringify(bill)));
      expect(f.declarations.taxBill(id)).toEqual({
        bill,
        channel: 'P',
        noticeDate: '2026-12-06T10:00:00+08:00',
        entryId: '310120261000000001',
      });
    });

    it('is refused by name when it is not JSON or no longer reads as a bill, and never shown', () => {
      const broken = f.declarations.create({ ieFlag: 'I' });
      f.receipts.add(receipt(broken.id, 'r2', '{"date": "2026-12-06", "lines": ['));
      const notJson = errorOf(() => f.declarations.taxBill(broken.id));
      expect(notJson.reason).toBe('declarations.tax-bill-damaged');
      expect(notJson.params).toEqual({ seqNo: broken.clientSeqNo, detail: 'not JSON' });

      // A bill whose first line lost its duty figure and whose totals are gone: each damaged field named.
      const damaged = { ...bill, totals: undefined, lines: [{ ...bill.lines[0], duty: { amount: 12 } }] };
      const other = f.declarations.create({ ieFlag: 'I' });
      f.receipts.add(receipt(other.id, 'r3', JSON.stringify(damaged)));
      const error = errorOf(() => f.declarations.taxBill(other.id));
      expect(error.reason).toBe('declarations.tax-bill-damaged');
      expect(error.params.detail).toContain('lines.0.duty.amount');
      expect(error.params.detail).toContain('totals');
      // Reading it changed nothing: the receipt and its bill are still there as they came.
      expect(f.receipts.taxBillOf(other.id)?.bill).toBe(JSON.stringify(damaged));
    });
  });
});
