import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SubmitResult } from '../../../shared/protocol';
import {
  accepted,
  enrolledClient,
  item,
  nextStepDraft,
  nonceFor,
  record,
  rejected,
  threeSteps,
} from '../../../test-support/hub/store-fixtures';
import type { TestStore } from '../../../test-support/hub/stores';
import { describeStores, eachEnrolledStore } from '../../../test-support/hub/stores';
import type { HubStore } from '../types';
import { NonceReplayedError } from '../types';

// The HubStore contract, part 2: recording batches — dedup forever by (client, submission id), one
// transaction per batch with its nonce, numbers allocated inside it — on each store.

describeStores('store contract: submission batches', (kind) => {
  let data: TestStore;
  let store: HubStore;
  let clientId: string;
  eachEnrolledStore(kind, (open) => ({ data, store, clientId } = open));

  it('accepts new submissions with increasing hub sequence numbers and 18-character numbers', async () => {
    const results = await record(store, clientId, [
      item(accepted()),
      item(accepted({ district: '2200' })),
      item(accepted({ plan: [{ channel: '7', delayMs: 0, note: '申报成功', errors: [] }] })),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    const seqs = results.map((r) => r.hubSeq ?? 0);
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);
    expect(seqs[2]).toBeGreaterThan(seqs[1] ?? Infinity);
    const rows = await data.sql('SELECT seq_no, entry_id FROM submissions ORDER BY hub_seq');
    expect(rows.map((r) => r.seq_no)).toEqual(['I20260000000000001', 'I20260000000000002', 'I20260000000000003']);
    // 海关编号 per customs district, only for a plan that reaches L.
    expect(rows.map((r) => r.entry_id)).toEqual(['224820261000000001', '220020261000000001', null]);
    const stats = await store.stats();
    expect([stats.submissions, stats.pending]).toEqual([3, 3]);
  });

  it('keeps the 统一编号 a 完整申报 brings from its 概要 and draws no 海关编号 for it (its receipts carry the 概要 one)', async () => {
    const [first] = await record(store, clientId, [item(accepted())]);
    const complete = { ...accepted(), keptSeqNo: 'I20260000000000001', entryIdPrefix: null };
    const [second] = await record(store, clientId, [item(complete), item(accepted())]);
    expect([first?.outcome, second?.outcome]).toEqual(['accepted', 'accepted']);
    const rows = await data.sql('SELECT seq_no, entry_id FROM submissions ORDER BY hub_seq');
    expect(rows.map((r) => [r.seq_no, r.entry_id])).toEqual([
      ['I20260000000000001', '224820261000000001'],
      ['I20260000000000001', null],
      // The next declaration's numbers follow the 概要's: none was drawn for the 完整.
      ['I20260000000000002', '224820261000000002'],
    ]);
  });

  it('finds the submission holding a 海关编号 for its client only, with whether its release (P) was issued', async () => {
    const summary = accepted();
    const [r] = await record(store, clientId, [item(summary)]);
    const entryId = '224820261000000001';
    const other = (await enrolledClient(store)).clientId;
    expect(await store.findByEntryId(other, entryId)).toBeUndefined();
    expect(await store.findByEntryId(clientId, '224820261000000009')).toBeUndefined();
    expect(await store.findByEntryId(clientId, entryId)).toEqual({
      submissionId: r?.submissionId,
      envelopeText: summary.envelopeText,
      released: false,
    });
    // 7 and L issued: not released yet; then P.
    for (let step = 0; step < 2; step++) await store.issueDue(Date.now(), 10, nextStepDraft(Date.now()));
    expect((await store.findByEntryId(clientId, entryId))?.released).toBe(false);
    await store.issueDue(Date.now(), 10, nextStepDraft(Date.now()));
    expect((await store.findByEntryId(clientId, entryId))?.released).toBe(true);
  });

  it('answers a resend from the store forever: duplicate, rejected again, or conflict for other content', async () => {
    const a = item(accepted());
    const r = item(rejected());
    const [first, second] = await record(store, clientId, [a, r]);
    expect(second).toEqual({
      submissionId: r.submissionId,
      outcome: 'rejected',
      hubSeq: null,
      errors: [{ path: 'head.TradeMode', code: 'required', message: '必填' }],
    });
    const again = await record(store, clientId, [
      { ...a, decision: null },
      { ...r, decision: null },
      { ...a, payloadDigest: 'e'.repeat(64), decision: null },
    ]);
    expect(again[0]).toEqual({ submissionId: a.submissionId, outcome: 'duplicate', hubSeq: first?.hubSeq, errors: [] });
    expect(again[1]).toEqual(second);
    expect(again[2]).toMatchObject({ outcome: 'conflict', hubSeq: null, errors: [{ code: 'conflict' }] });
    // Only the second batch's nonce was written.
    const stats = await store.stats();
    expect([stats.submissions, stats.pending, stats.nonces]).toEqual([2, 1, 2]);
    // Another client may use the same submission id: dedup is per client.
    const other = await enrolledClient(store);
    expect((await record(store, other.clientId, [{ ...a, decision: accepted() }]))[0]?.outcome).toBe('accepted');
  });

  it('answers the same id twice in one batch as a resend of the first', async () => {
    const a = item(accepted());
    const results = await record(store, clientId, [
      a,
      { ...a, decision: accepted() },
      { ...a, payloadDigest: 'f'.repeat(64) },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'duplicate', 'conflict']);
    expect(results[1]?.hubSeq).toBe(results[0]?.hubSeq);
    expect((await store.stats()).submissions).toBe(1);
  });

  it('writes nothing for a batch whose nonce was used (on this or another process), and keeps the id unused', async () => {
    const nonce = nonceFor(clientId);
    await store.consumeNonce(nonce);
    const before = await data.fingerprint();
    const a = item(accepted());
    await expect(record(store, clientId, [a], nonce)).rejects.toThrow(NonceReplayedError);
    const other = await data.reopen();
    try {
      await expect(record(other, clientId, [a], nonce)).rejects.toThrow(NonceReplayedError);
    } finally {
      await other.close();
    }
    expect(await data.fingerprint()).toBe(before);
    expect(await store.getSubmission(clientId, a.submissionId)).toBeUndefined();
    expect((await record(store, clientId, [a]))[0]?.outcome).toBe('accepted');
  });

  it('finds and reads back what was stored', async () => {
    const a = item(accepted());
    const r = item(rejected());
    const [ra] = await record(store, clientId, [a, r]);
    const found = await store.findSubmissions(clientId, [a.submissionId, r.submissionId, randomUUID()]);
    expect([...found.keys()].sort()).toEqual([a.submissionId, r.submissionId].sort());
    expect(found.get(a.submissionId)).toEqual({
      submissionId: a.submissionId,
      payloadDigest: a.payloadDigest,
      state: 'accepted',
      hubSeq: ra?.hubSeq,
      errors: [],
    });
    expect(found.get(r.submissionId)?.state).toBe('rejected');
    const state = await store.getSubmission(clientId, a.submissionId);
    expect(state).toMatchObject({ submissionId: a.submissionId, state: 'accepted', hubSeq: ra?.hubSeq, errors: [] });
    expect(Date.parse(state?.receivedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await store.getSubmission(clientId, randomUUID())).toBeUndefined();
    expect(await store.findSubmissions(clientId, [])).toEqual(new Map());
  });

  it('keeps who prepared and who reviewed each submission, reads them back, and a resend changes neither', async () => {
    const reviewed = item(accepted({ people: { preparer: '王芳', reviewer: '李明' } }));
    const unreviewed = item(accepted({ people: { preparer: '王芳', reviewer: null } }));
    const before = item(accepted());
    const refused = item({ ...rejected(), preparer: '张伟', reviewer: '李明' });
    await record(store, clientId, [reviewed, unreviewed, before, refused]);
    const people = async (i: typeof reviewed) => {
      const state = await store.getSubmission(clientId, i.submissionId);
      return [state?.preparer, state?.reviewer];
    };
    expect(await people(reviewed)).toEqual(['王芳', '李明']);
    expect(await people(unreviewed)).toEqual(['王芳', null]);
    expect(await people(before)).toEqual([null, null]);
    expect(await people(refused)).toEqual(['张伟', '李明']);
    const again = { ...reviewed, decision: { ...accepted(), preparer: '赵强', reviewer: '钱多' } };
    const [answer] = await record(store, clientId, [again]);
    expect(answer?.outcome).toBe('duplicate');
    expect(await people(reviewed)).toEqual(['王芳', '李明']);
  });

  it('stores a batch that several processes race to record with the same ids exactly once', async () => {
    const others = [await data.reopen(), await data.reopen()];
    try {
      const items = Array.from({ length: 20 }, () => item(accepted()));
      const stores = [store, ...others];
      // Each process receives the same batch (a client resending to another hub process) at once.
      const answers: SubmitResult[][] = await Promise.all(
        [...stores, ...stores].map((s) =>
          record(
            s,
            clientId,
            items.map((i) => ({ ...i })),
          ),
        ),
      );
      for (const [index, one] of items.entries()) {
        const outcomes = answers.map((a) => a[index]?.outcome);
        expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
        expect(new Set(answers.map((a) => a[index]?.hubSeq)).size).toBe(1);
        expect(await store.getSubmission(clientId, one.submissionId)).toBeDefined();
      }
      const stats = await store.stats();
      expect([stats.submissions, stats.pending]).toEqual([20, 20]);
    } finally {
      for (const o of others) await o.close();
    }
  });

  it('never hands out a number twice when processes record batches at the same time', async () => {
    const others = [await data.reopen(), await data.reopen()];
    try {
      const stores = [store, ...others];
      const batches = Array.from({ length: 12 }, (_, i) =>
        Array.from({ length: 10 }, () => item(accepted({ district: i % 2 === 0 ? '2248' : '2200' }))),
      );
      const answers = await Promise.all(batches.map((b, i) => record(stores[i % stores.length] ?? store, clientId, b)));
      const seqs = answers.flat().map((r) => r.hubSeq);
      expect(new Set(seqs).size).toBe(120);
      const rows = await data.sql('SELECT seq_no, entry_id FROM submissions');
      expect(new Set(rows.map((r) => r.seq_no)).size).toBe(120);
      expect(new Set(rows.map((r) => r.entry_id)).size).toBe(120);
      // Gap-free per prefix (the counters are taken in the batch's own transaction).
      const serials = rows.map((r) => Number(String(r.seq_no).slice(5))).sort((a, b) => a - b);
      expect(serials).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    } finally {
      for (const o of others) await o.close();
    }
  });

  it('queues an accepted submission for the processor with its plan, due at its first due time', async () => {
    const [r] = await record(store, clientId, [item(accepted({ firstDueAt: 5_000 }))]);
    expect(r?.outcome).toBe('accepted');
    expect(await store.nextDueAt()).toBe(5_000);
    expect(await store.dueWork(4_999, 10)).toEqual([]);
    const [work] = await store.dueWork(5_000, 10);
    expect(work).toMatchObject({ clientId, nextStep: 0, dueAt: 5_000, plan: threeSteps });
    expect(work?.seqNo).toMatch(/^I2026\d{13}$/);
    expect(work?.entryId).toMatch(/^224820261\d{9}$/);
  });
});
