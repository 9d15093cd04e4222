import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/catalog';
import { sampleSummaryDeclaration } from '../../../shared/validation/sample-declaration';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture, declareActionOf, keyedDraft } from '../../../test-support/main/core-fixture';
import { errorOf, rejectionOf } from '../../../test-support/main/app-error';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { sampleTaxInput, sampleTaxTables } from '../../../test-support/shared/tax-tables';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { createDeclareAction } from './declare';

/** A receipt carrying a 税费单, its receipt id written as the entry number to tell which bill is answered. */
const billReceipt = (declarationId: string, receiptId: string, submissionId: string | null, receivedAt: string) => ({
  receiptId,
  declarationId,
  submissionId,
  clientSeqNo: 'SW000000',
  channel: 'P',
  note: '',
  noticeDate: receivedAt,
  seqNo: null,
  entryId: receiptId,
  source: 'hub',
  raw: '{}',
  receivedAt,
  taxBill: JSON.stringify(estimateTaxes(sampleTaxInput(), sampleTaxTables('2026-12'))),
});

/** A declaration keyed with `head` and one goods line `line`, as the editor would store it. */
function keyed(f: CoreFixture, head: Row, line: Row): string {
  return keyedDraft(f, { head, lines: [line] });
}

describe('declaring a 概要申报 (DecHead/Type 5)', () => {
  let f: CoreFixture;
  let declare: ReturnType<typeof createDeclareAction>;
  beforeEach(() => {
    f = coreFixture();
    declare = declareActionOf(f);
  });
  afterEach(() => f.close());

  it('signs and queues it with the release data only: the 概要 stage, read from the declaration', async () => {
    const doc = sampleSummaryDeclaration();
    const id = keyed(f, doc.head, doc.lines[0] ?? {});
    expect(await declare(id)).toMatchObject({ id, workflow: 'queued' });
  });

  it('refuses it without a 概要 field, naming the field, and queues nothing', async () => {
    const doc = sampleSummaryDeclaration();
    const id = keyed(f, { ...doc.head, BillNo: '' }, doc.lines[0] ?? {});
    const error = await rejectionOf(() => declare(id));
    expect(error.reason).toBe('declarations.has-errors');
    expect(error.issues?.map((i) => `${i.code}@${i.path}`)).toEqual(['required@head.BillNo']);
    expect(f.outbox.forDeclaration(id)).toEqual([]);
  });

  it('checks the same data as a whole declaration once Type no longer says 5: the 完整 fields are asked', async () => {
    const doc = sampleSummaryDeclaration();
    const id = keyed(f, { ...doc.head, Type: '  6' }, doc.lines[0] ?? {});
    const error = await rejectionOf(() => declare(id));
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['head.TransMode', 'head.PackNo']));
  });

  it('opens a released 概要 as its 完整申报: the same 海关编号 and 统一编号 in the head, Type 6, a draft, not the 概要’s 税费单; only once', async () => {
    const doc = sampleSummaryDeclaration();
    const id = keyed(f, doc.head, doc.lines[0] ?? {});
    await declare(id);
    const lifecycle = createLifecycle(f.repo);
    const receipt = (channel: string) => {
      const row = f.repo.getState(id);
      if (!row) throw new Error('gone');
      const at = '2026-12-01T02:00:00.000Z';
      const numbers = { entryId: '222620261000000001', seqNo: 'I20260000000000001' };
      f.db.transaction(() =>
        lifecycle.apply(row, 'receipt', { at, actor: 'customs', changes: {}, channel, ...numbers }),
      )();
    };
    receipt('L');
    expect(errorOf(() => f.declarations.complete(id)).reason).toBe('declarations.transition-refused');
    receipt('P');
    expect(f.declarations.get(id).status).toBe('summary-released');
    const summarySubmission = f.outbox.forDeclaration(id)[0]?.submissionId ?? null;
    f.receipts.add(billReceipt(id, 'r-summary', summarySubmission, isoAt(f.clock)));
    expect(f.declarations.taxBill(id)?.entryId).toBe('r-summary');
    expect(f.declarations.complete(id)).toMatchObject({ id, workflow: 'draft' });
    const opened = f.declarations.get(id);
    expect(opened).toMatchObject({
      status: 'draft',
      twoStep: 'complete',
      channel: null,
      entryId: '222620261000000001',
    });
    expect(opened.doc.head).toMatchObject({ Type: '  6', EntryId: '222620261000000001', SeqNo: 'I20260000000000001' });
    expect(errorOf(() => f.declarations.complete(id)).reason).toBe('declarations.transition-refused');
    // The 完整 is owed under the 概要's 海关编号: its draft is not deleted, and the refusal says why.
    const refused = errorOf(() => f.declarations.delete([id]));
    expect(refused.reason).toBe('declarations.complete-not-deletable');
    expect(refused.params).toMatchObject({ entryId: '222620261000000001' });
    expect(f.declarations.get(id)).toMatchObject({ status: 'draft', twoStep: 'complete' });
    // The 概要's 税费单 stays in its history but is not the 完整's: the 完整 shows a bill only once one answers it.
    expect(f.declarations.taxBill(id)).toBeNull();
    f.clock.advance(60_000);
    f.receipts.add(billReceipt(id, 'r-late-summary', summarySubmission, isoAt(f.clock)));
    expect(f.declarations.taxBill(id)).toBeNull();
    f.receipts.add(billReceipt(id, 'r-complete', null, isoAt(f.clock)));
    expect(f.declarations.taxBill(id)?.entryId).toBe('r-complete');
    // Checked at the full stage now: the rest is asked before it is signed.
    const error = await rejectionOf(() => declare(id));
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['head.TransMode', 'head.PackNo']));
  });
});
