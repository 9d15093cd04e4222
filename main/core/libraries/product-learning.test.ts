import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/protocol';
import { createProductsRepo } from '../../db/repositories/products-repo';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import type { Logger } from '../../logging/logger';
import { createReceiptApplier } from '../sync/receipts';
import { createProductLearning } from './product-learning';

describe('the product library learns from released declarations', () => {
  let f: CoreFixture;
  let applier: ReturnType<typeof createReceiptApplier>;
  let products: ReturnType<typeof createProductsRepo>;
  const warnings: string[] = [];
  beforeEach(() => {
    f = coreFixture();
    const logger: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error() {} };
    const ctx = { ...f.ctx, logger };
    products = createProductsRepo(f.db);
    const learning = createProductLearning(ctx, { declarations: f.repo, products });
    applier = createReceiptApplier(ctx, {
      declarations: f.repo,
      outbox: f.outbox,
      receipts: f.receipts,
      settings: f.settings,
      onApplied: learning.onApplied,
    });
  });
  afterEach(() => f.close());

  /** An export declaration (the country swap applies) with two lines; declared and sent. */
  function sentExport() {
    const record = f.declarations.create({ ieFlag: 'E' });
    f.declarations.update({
      id: record.id,
      baseRevision: 1,
      ops: [
        { op: 'set', path: 'head.TradeCode', value: '3101230456' },
        {
          op: 'insertRow',
          table: 'lines',
          row: {
            CodeTS: '0808100000',
            GName: '鲜苹果',
            GModel: '0|0|富士',
            GQty: '10',
            DeclPrice: '2.5',
            TradeCurr: 'USD',
            OriginCountry: 'USA',
            DestinationCountry: 'CHN',
          },
        },
        {
          op: 'insertRow',
          table: 'lines',
          row: { CodeTS: '0808301000', GName: '鸭梨', ExgNo: 'PEAR-01', DeclPrice: '1.2', DestinationCountry: 'CHN' },
        },
        { op: 'insertRow', table: 'lines', row: { GName: '无编号' } },
      ],
    });
    const row = f.repo.get(record.id);
    if (!row) throw new Error('missing');
    f.repo.setState({
      id: row.id,
      workflow: 'sent',
      status: 'submitted',
      channel: null,
      entryId: null,
      seqNo: null,
      rejection: null,
      revision: row.revision,
      updatedAt: row.updatedAt,
    });
    return row;
  }

  const receipt = (clientSeqNo: string, channel: string, receiptId: string, submissionId = 's-1'): Receipt => ({
    cursor: receiptId,
    receiptId,
    submissionId,
    clientSeqNo,
    channel,
    note: channel === 'P' ? '海关已放行' : '海关入库',
    noticeDate: '2026-11-22',
    seqNo: null,
    entryId: '220120261000000123',
    errors: [],
  });

  it('adds each goods line of a declaration customs released, marked learned, once however often the release arrives', () => {
    const row = sentExport();
    applier.apply([receipt(row.clientSeqNo, 'L', 'r1')], 'c1');
    expect(products.all()).toEqual([]);

    applier.apply([receipt(row.clientSeqNo, 'P', 'r2')], 'c2');
    const learned = products.all();
    expect(learned.map((p) => [p.fields.GName, p.customer, p.learned, p.learnedFrom, p.useCount])).toEqual([
      ['鲜苹果', '3101230456', true, '220120261000000123', 1],
      ['鸭梨', '3101230456', true, '220120261000000123', 1],
    ]);
    // Origin by meaning: on an export line it is written in DestinationCountry.
    expect(learned[0]?.fields).toMatchObject({
      OriginCountry: 'CHN',
      DeclPrice: '2.5',
      GModel: '0|0|富士',
    });
    expect(learned[0]?.fields).not.toHaveProperty('GQty');

    // The same release again (the e-port client delivers it too), under another receipt id: nothing more.
    applier.applyReceived([receipt(row.clientSeqNo, 'P', 'bridge-r2')], 'bridge');
    expect(products.all().map((p) => p.useCount)).toEqual([1, 1]);
  });

  it('updates a product the library holds already and marks it learned', () => {
    const at = '2026-11-01T00:00:00.000Z';
    products.insert(
      {
        id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
        customer: '3101230456',
        fields: { CodeTS: '0808301000', GName: '鸭梨', ExgNo: 'PEAR-01', DeclPrice: '1.0', GUnit: '035' },
        learned: false,
        learnedFrom: '',
        learnedAt: null,
        useCount: 4,
        createdAt: at,
        updatedAt: at,
      },
      'yl',
    );
    const row = sentExport();
    applier.apply([receipt(row.clientSeqNo, 'P', 'r1')], 'c1');
    const pear = products.byKey('3101230456\u0001x:PEAR-01');
    expect(pear).toMatchObject({ learned: true, useCount: 5, createdAt: at });
    expect(pear?.fields).toEqual({
      CodeTS: '0808301000',
      GName: '鸭梨',
      ExgNo: 'PEAR-01',
      DeclPrice: '1.2',
      GUnit: '035',
      OriginCountry: 'CHN',
    });
  });

  it('never holds receipts back: a failure to learn is logged and the release is applied', () => {
    const row = sentExport();
    f.db.exec(`DROP TABLE products`);
    applier.apply([receipt(row.clientSeqNo, 'P', 'r1')], 'c1');
    expect(f.repo.get(row.id)).toMatchObject({ channel: 'P', status: 'released' });
    expect(warnings).toEqual(['product library could not learn from a release']);
    expect(f.db.prepare(`SELECT count(*) AS n FROM product_learning`).get()).toEqual({ n: 0 });
  });
});
