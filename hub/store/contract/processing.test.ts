import { expect, it } from 'vitest';
import type { Receipt } from '../../../shared/protocol';
import { receiptSchema } from '../../../shared/protocol';
import { draftsDue } from '../../processor/customs-processor';
import { taxBillFor, withTaxBill } from '../../processor/tax-bill';
import { samplePayload } from '../../../test-support/hub/fixtures';
import { memoryTaxTables } from '../../../test-support/shared/tax-tables';
import {
  accepted,
  enrolledClient,
  item,
  nextStepDraft,
  record,
  threeSteps,
} from '../../../test-support/hub/store-fixtures';
import type { TestStore } from '../../../test-support/hub/stores';
import { describeStores, eachEnrolledStore } from '../../../test-support/hub/stores';
import { waitUntil } from '../../../test-support/hub/wait';
import type { HubStore, ReceiptDraft } from '../types';

// The HubStore contract, part 3: the processor's queue and the receipts — claimed and issued in
// one transaction, each (submission, step) once, read by cursor in commit order — and the events
// that tell other processes about them, on each store.

describeStores('store contract: processing and receipts', (kind) => {
  let data: TestStore;
  let store: HubStore;
  let clientId: string;
  eachEnrolledStore(kind, (open) => ({ data, store, clientId } = open));

  async function readAll(s: HubStore, client: string, after = 0): Promise<Receipt[]> {
    const out: Receipt[] = [];
    let cursor = after;
    for (;;) {
      const page = await s.receiptsAfter(client, cursor, 7);
      if (page.length === 0) return out;
      out.push(...page);
      cursor = Number(page.at(-1)?.cursor);
    }
  }

  it('issues due steps in one unit of work, advances the queue, and never issues a step twice', async () => {
    const items = [item(accepted()), item(accepted())];
    await record(store, clientId, items);
    const now = 1_000;
    const first = await store.issueDue(now, 10, nextStepDraft(now));
    expect(first).toEqual({ claimed: 2, receipts: 2, clients: new Set([clientId]) });
    expect((await readAll(store, clientId)).map((r) => r.channel)).toEqual(['7', '7']);
    // The queue moved on: the same drafts again change nothing.
    const [work] = await store.dueWork(now, 1);
    expect(work?.nextStep).toBe(1);
    const stale: ReceiptDraft[] = (await store.dueWork(now, 10)).flatMap((w) =>
      nextStepDraft(now)({ ...w, nextStep: 0 }),
    );
    expect(await store.issueReceipts(stale)).toEqual(new Set());
    await store.issueDue(now, 10, nextStepDraft(now));
    await store.issueDue(now, 10, nextStepDraft(now));
    expect(await store.issueDue(now, 10, nextStepDraft(now))).toEqual({ claimed: 0, receipts: 0, clients: new Set() });
    const all = await readAll(store, clientId);
    for (const one of items)
      expect(all.filter((r) => r.submissionId === one.submissionId).map((r) => r.channel)).toEqual(['7', 'L', 'P']);
    expect(await store.nextDueAt()).toBeNull();
    expect((await store.stats()).pending).toBe(0);
  });

  it('claims only what is due, oldest first, and leaves later steps for their time', async () => {
    await record(store, clientId, [item(accepted({ firstDueAt: 2_000 }))]);
    await record(store, clientId, [item(accepted({ firstDueAt: 1_000 }))]);
    expect(await store.issueDue(999, 10, nextStepDraft(999))).toMatchObject({ claimed: 0 });
    const late = (now: number) => (w: Parameters<ReturnType<typeof nextStepDraft>>[0]) =>
      nextStepDraft(now)(w).map((d) => ({ ...d, nextDueAt: d.nextDueAt === null ? null : now + 10_000 }));
    expect(await store.issueDue(1_500, 10, late(1_500))).toMatchObject({ claimed: 1, receipts: 1 });
    expect(await store.nextDueAt()).toBe(2_000);
    expect(await store.issueDue(2_000, 1, late(2_000))).toMatchObject({ claimed: 1 });
    expect(await store.nextDueAt()).toBe(11_500);
  });

  it('keeps each client to its own receipts, pages them by cursor and carries every field', async () => {
    const other = await enrolledClient(store);
    const mine = item(accepted());
    await record(store, clientId, [mine]);
    await record(store, other.clientId, [item(accepted())]);
    const now = Date.parse('2026-12-06T08:00:00.000Z');
    while ((await store.issueDue(now, 10, (w) => draftsDue(w, now))).claimed > 0);
    const receipts = await readAll(store, clientId);
    expect(receipts.map((r) => r.channel)).toEqual(['7', 'L', 'P']);
    expect(receipts[1]).toMatchObject({
      submissionId: mine.submissionId,
      clientSeqNo: mine.decision?.clientSeqNo,
      note: '海关入库',
      noticeDate: '2026-12-06T08:00:00.000Z',
      errors: [],
    });
    expect(receipts[0]?.entryId).toBeNull();
    expect(receipts[1]?.entryId).toMatch(/^224820261/);
    expect(receipts[2]?.seqNo).toMatch(/^I2026/);
    const cursors = receipts.map((r) => Number(r.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    expect(await readAll(store, clientId, cursors[1])).toEqual(receipts.slice(2));
    expect(await readAll(store, other.clientId)).toHaveLength(3);
  });

  it('keeps the 税费单 a T 需交税费 receipt carries, as it was drafted, and none on the other receipts', async () => {
    const tables = memoryTaxTables(
      [{ code: '0808100000', mfn: '10%', vat: '9%' }],
      [{ currency: 'USD', month: '2026-12', rate: '7.1' }],
    );
    const now = Date.parse('2026-12-06T08:00:00.000Z');
    const bill = taxBillFor(samplePayload(), tables, now);
    const taxDue = { channel: 'T', delayMs: 0, note: '需交税费', errors: [] };
    const plan = withTaxBill([...threeSteps.slice(0, 2), taxDue, ...threeSteps.slice(2)], bill);
    const mine = item(accepted({ plan }));
    await record(store, clientId, [mine]);
    while ((await store.issueDue(now, 10, (w) => draftsDue(w, now))).claimed > 0);
    const receipts = await readAll(store, clientId);
    expect(receipts.map((r) => [r.channel, r.taxBill?.totals.duty.computed])).toEqual([
      ['7', undefined],
      ['L', undefined],
      ['T', '1065.00'],
      ['P', undefined],
    ]);
    expect(receipts[2]?.taxBill).toEqual(bill);
    // What the store gives back is what the wire carries: the receipt schema takes it as it is.
    expect(receiptSchema.parse(receipts[2])).toEqual(receipts[2]);
  });

  it('lets several workers share the queue: every step issued exactly once, in step order', async () => {
    const workers = [store, await data.reopen(), await data.reopen()];
    try {
      for (let b = 0; b < 6; b++)
        await record(
          store,
          clientId,
          Array.from({ length: 20 }, () => item(accepted())),
        );
      const now = 5_000;
      const work = async (s: HubStore) => {
        let claimed = 0;
        for (;;) {
          const result = await s.issueDue(now, 7, nextStepDraft(now));
          if (result.claimed === 0 && (await s.nextDueAt()) === null) return claimed;
          claimed += result.claimed;
        }
      };
      const claims = await Promise.all(workers.map(work));
      expect(claims.reduce((a, b) => a + b, 0)).toBe(360);
      const all = await readAll(store, clientId);
      expect(all).toHaveLength(360);
      expect(new Set(all.map((r) => r.receiptId)).size).toBe(360);
      const bySubmission = new Map<string, string[]>();
      for (const r of all) bySubmission.set(r.submissionId, [...(bySubmission.get(r.submissionId) ?? []), r.channel]);
      expect([...bySubmission.values()].every((c) => c.join() === '7,L,P')).toBe(true);
    } finally {
      for (const w of workers.slice(1)) await w.close();
    }
  });

  it('never lets a reader’s cursor pass a receipt committed later (readers and writers at once)', async () => {
    const writers = [store, await data.reopen(), await data.reopen()];
    const reader = await data.reopen();
    try {
      for (let b = 0; b < 5; b++)
        await record(
          store,
          clientId,
          Array.from({ length: 20 }, () => item(accepted())),
        );
      const now = 7_000;
      let writing = true;
      const seen: Receipt[] = [];
      let cursor = 0;
      const read = async () => {
        while (writing || seen.length < 300) {
          const page = await reader.receiptsAfter(clientId, cursor, 50);
          seen.push(...page);
          if (page.length > 0) cursor = Number(page.at(-1)?.cursor);
          else if (!writing) break;
        }
      };
      const reading = read();
      await Promise.all(
        writers.map(async (w) => {
          while ((await w.issueDue(now, 3, nextStepDraft(now))).claimed > 0 || (await w.nextDueAt()) !== null);
        }),
      );
      writing = false;
      await reading;
      // A cursor that passed a receipt committed later would have skipped it for good.
      expect(seen).toHaveLength(300);
      expect(new Set(seen.map((r) => r.receiptId)).size).toBe(300);
    } finally {
      for (const w of [...writers.slice(1), reader]) await w.close();
    }
  });

  it('tells subscribers about receipts and queued work committed by another process', async () => {
    const other = kind === 'sqlite' ? store : await data.reopen();
    const receiptsFor: (readonly string[] | null)[] = [];
    let work = 0;
    const stop = await other.subscribe({ receipts: (ids) => receiptsFor.push(ids), work: () => (work += 1) });
    try {
      await record(store, clientId, [item(accepted())]);
      await waitUntil(() => work > 0, 'the work event');
      await store.issueDue(0, 10, nextStepDraft(0));
      await waitUntil(() => receiptsFor.length > 0, 'the receipts event');
      expect(receiptsFor).toEqual([[clientId]]);
      // Stopped: it hears nothing more, while a subscriber still listening does.
      await stop();
      let heard = 0;
      const still = await other.subscribe({ receipts: () => (heard += 1), work: () => undefined });
      await store.issueDue(0, 10, nextStepDraft(0));
      await waitUntil(() => heard > 0, 'the second subscriber');
      await still();
      expect(receiptsFor).toHaveLength(1);
    } finally {
      if (other !== store) await other.close();
    }
  });
});
