import { describe, expect, it, vi } from 'vitest';
import type { Receipt, ReceiptsResponse, SubmissionState, SubmitResponse } from '../../shared/protocol';
import {
  buildEnvelope,
  receiptsResponseSchema,
  submissionStateSchema,
  submitResponseSchema,
} from '../../shared/protocol';
import { withTwoStepMode } from '../../shared/catalog';
import { sampleDeclaration, sampleSummaryDeclaration } from '../../shared/validation/sample-declaration';
import { sampleExportPayload, samplePayload } from '../../test-support/hub/fixtures';
import type { TestHub } from '../../test-support/hub/in-process';
import { eachEnrolledHub, startTestHub } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { makeEnvelope, signSubmission, sm2Key, submission } from '../../test-support/hub/test-client';

let t: TestHub;
let client: TestClient;

eachEnrolledHub((open) => ({ t, client } = open));

async function submit(c: TestClient, submissions: unknown[]): Promise<SubmitResponse> {
  const response = await t.call(c, 'POST', '/v1/submissions', { submissions });
  expect(response.statusCode, response.body).toBe(200);
  return submitResponseSchema.parse(response.json());
}

async function receipts(c: TestClient, after = '', wait = 0): Promise<ReceiptsResponse> {
  const response = await t.call(c, 'GET', `/v1/receipts?after=${encodeURIComponent(after)}&wait=${wait}`);
  expect(response.statusCode, response.body).toBe(200);
  return receiptsResponseSchema.parse(response.json());
}

/** Polls until the submissions have their last receipt (the processor runs with zero delays here). */
async function receiptsUntil(c: TestClient, count: number): Promise<Receipt[]> {
  const all: Receipt[] = [];
  let cursor = '';
  while (all.length < count) {
    const page = await receipts(c, cursor, 5);
    all.push(...page.receipts);
    cursor = page.cursor;
  }
  return all;
}

describe('POST /v1/submissions', () => {
  it('accepts a valid signed declaration and assigns increasing hub sequence numbers', async () => {
    const a = submission(client.key);
    const b = submission(client.key);
    const { results } = await submit(client, [a, b]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(results[0]?.submissionId).toBe(a.envelope.submissionId);
    expect(results[1]?.hubSeq).toBeGreaterThan(results[0]?.hubSeq ?? Infinity);
    expect(results.every((r) => r.errors.length === 0)).toBe(true);
  });

  it('answers a resend with duplicate and the original hub sequence, never a second submission', async () => {
    const item = submission(client.key);
    const first = await submit(client, [item]);
    const again = await submit(client, [item]);
    expect(again.results[0]).toEqual({
      submissionId: item.envelope.submissionId,
      outcome: 'duplicate',
      hubSeq: first.results[0]?.hubSeq,
      errors: [],
    });
    expect((await t.store.stats()).submissions).toBe(1);
  });

  it('treats the same id with another payload as a conflict and stores nothing new', async () => {
    const original = makeEnvelope(client.key);
    await submit(client, [signSubmission(client.key, original)]);
    const changed = buildEnvelope({
      submissionId: original.submissionId,
      clientSeqNo: original.clientSeqNo,
      createdAt: original.createdAt,
      keyId: client.key.keyId,
      payload: samplePayload((doc) => {
        doc.head.BillNo = 'OTHER';
      }),
    });
    const { results } = await submit(client, [signSubmission(client.key, changed)]);
    expect(results[0]).toMatchObject({ outcome: 'conflict', hubSeq: null });
    expect(results[0]?.errors[0]).toMatchObject({ path: 'envelope.payloadDigest', code: 'conflict' });
    const state = await t.call(client, 'GET', `/v1/submissions/${original.submissionId}`);
    expect(submissionStateSchema.parse(state.json()).payloadDigest).toBe(original.payloadDigest);
    expect((await t.store.stats()).submissions).toBe(1);
  });

  it('rejects a declaration the validation engine refuses, with field paths and zh-CN messages, and repeats the rejection on resend', async () => {
    const bad = submission(
      client.key,
      samplePayload((doc) => {
        doc.head.TradeMode = '';
        if (doc.lines[0]) doc.lines[0].DeclPrice = 'abc';
      }),
    );
    const first = await submit(client, [bad]);
    expect(first.results[0]?.outcome).toBe('rejected');
    const paths = first.results[0]?.errors.map((e) => e.path);
    expect(paths).toContain('head.TradeMode');
    expect(paths).toContain('lines[0].DeclPrice');
    expect(first.results[0]?.errors.find((e) => e.path === 'head.TradeMode')?.message).toMatch(/监管方式/);
    const again = await submit(client, [bad]);
    expect(again.results[0]).toEqual(first.results[0]);
    // A rejected submission is kept for dedup but owes no receipts.
    expect((await t.store.stats()).pending).toBe(0);
  });

  it('checks a 概要申报 (DecHead/Type 5) at the 概要 stage: accepted and released with the release data only', async () => {
    const summary = sampleSummaryDeclaration();
    const item = submission(client.key, { ieFlag: 'I', doc: summary });
    const { results } = await submit(client, [item]);
    expect(results[0]).toMatchObject({ outcome: 'accepted' });
    expect((await receiptsUntil(client, 3)).map((r) => r.channel)).toEqual(['7', 'L', 'P']);
    // Without its 提运单号 (optional on a whole declaration by the spec) the 概要 is refused, naming the field.
    const noBill = { ...summary, head: { ...summary.head, BillNo: '' } };
    const refused = await submit(client, [submission(client.key, { ieFlag: 'I', doc: noBill })]);
    expect(refused.results[0]?.outcome).toBe('rejected');
    expect(refused.results[0]?.errors).toEqual([
      { path: 'head.BillNo', code: 'required', message: '提运单号：必填，请填写' },
    ]);
  });

  it('takes the 完整申报 (Type 6) of a released 概要 under its 海关编号 and 统一编号, and concludes it (R, no second P)', async () => {
    const summary = sampleSummaryDeclaration();
    await submit(client, [submission(client.key, { ieFlag: 'I', doc: summary })]);
    const released = await receiptsUntil(client, 3);
    expect(released.map((r) => r.channel)).toEqual(['7', 'L', 'P']);
    const { entryId, seqNo } = released[2] ?? {};
    const full = sampleDeclaration();
    const complete = { ...full.head, Type: withTwoStepMode(full.head.Type, 'complete') };
    // A 完整 that does not say which 概要 it completes is refused, naming the field.
    const unnamed = await submit(client, [submission(client.key, { ieFlag: 'I', doc: { ...full, head: complete } })]);
    expect(unnamed.results[0]?.outcome).toBe('rejected');
    expect(unnamed.results[0]?.errors.map((e) => `${e.code}@${e.path}`)).toEqual([
      'complete-needs-entry-id@head.EntryId',
    ]);
    const doc = { ...full, head: { ...complete, EntryId: entryId ?? '', SeqNo: seqNo ?? '' } };
    expect((await submit(client, [submission(client.key, { ieFlag: 'I', doc })])).results[0]?.outcome).toBe('accepted');
    const all = await receiptsUntil(client, 7);
    // Billed once, on the 完整: its T 需交税费 before the conclusion (the 概要 had none).
    expect(all.slice(3).map((r) => [r.channel, r.entryId, r.seqNo])).toEqual([
      ['7', null, seqNo],
      ['L', entryId, seqNo],
      ['T', entryId, seqNo],
      ['R', entryId, seqNo],
    ]);
    // The numbers were kept, not drawn: the next declaration gets the serial after the 概要's.
    await submit(client, [submission(client.key, samplePayload())]);
    const next = (await receiptsUntil(client, 9))[8];
    expect(next?.entryId).toBe(
      `${(entryId ?? '').slice(0, 9)}${String(Number((entryId ?? '').slice(9)) + 1).padStart(9, '0')}`,
    );
  });

  it('refuses a 完整申报 naming a 海关编号 that is not a released 概要 of the same client, naming head.EntryId', async () => {
    // A one-step declaration released, and another client's 概要 released: neither is this client's 概要.
    await submit(client, [submission(client.key, samplePayload())]);
    const oneStep = (await receiptsUntil(client, 3))[1]?.entryId ?? '';
    const other = await t.enroll();
    await submit(other, [submission(other.key, { ieFlag: 'I', doc: sampleSummaryDeclaration() })]);
    const othersSummary = (await receiptsUntil(other, 3))[1]?.entryId ?? '';
    expect([oneStep, othersSummary]).toEqual([expect.stringMatching(/^\d{18}$/), expect.stringMatching(/^\d{18}$/)]);
    const full = sampleDeclaration();
    const completing = (EntryId: string) =>
      submission(client.key, {
        ieFlag: 'I',
        doc: { ...full, head: { ...full.head, Type: withTwoStepMode(full.head.Type, 'complete'), EntryId } },
      });
    const { results } = await submit(client, [
      completing(oneStep),
      completing(othersSummary),
      completing('222620261999999999'),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results.map((r) => r.errors.map((e) => `${e.code}@${e.path}`))).toEqual([
      ['complete-not-summary@head.EntryId'],
      ['complete-unknown-entry-id@head.EntryId'],
      ['complete-unknown-entry-id@head.EntryId'],
    ]);
    expect(results[0]?.errors[0]?.message).toBe(
      `海关编号：${oneStep} 不是概要申报，完整申报须填报本企业已放行的概要申报的海关编号`,
    );
  });

  it('refuses a 完整申报 of a 概要 customs have not released yet', async () => {
    const held = await startTestHub({ processor: { stepDelayMs: 3_600_000 } });
    try {
      const c = await held.enroll();
      const first = await held.call(c, 'POST', '/v1/submissions', {
        submissions: [submission(c.key, { ieFlag: 'I', doc: sampleSummaryDeclaration() })],
      });
      expect(first.statusCode, first.body).toBe(200);
      const [row] = await held.store.dueWork(Number.MAX_SAFE_INTEGER, 10);
      const entryId = row?.entryId ?? '';
      expect(entryId).toMatch(/^\d{18}$/);
      const full = sampleDeclaration();
      const head = { ...full.head, Type: withTwoStepMode(full.head.Type, 'complete'), EntryId: entryId };
      const response = await held.call(c, 'POST', '/v1/submissions', {
        submissions: [submission(c.key, { ieFlag: 'I', doc: { ...full, head } })],
      });
      const answer = submitResponseSchema.parse(response.json());
      expect(answer.results[0]?.errors.map((e) => `${e.code}@${e.path}`)).toEqual([
        'complete-summary-not-released@head.EntryId',
      ]);
    } finally {
      await held.close();
    }
  });

  it('checks dates against today in China time, as the client does', async () => {
    // 17:30 UTC on 1 March is 01:30 on 2 March in China: the two calendars disagree, so a check on the
    // UTC (or this machine's) date would refuse the 2nd as a future date and this test would fail.
    const instant = Date.parse('2026-03-01T17:30:00Z');
    const china = await startTestHub({}, { now: () => instant });
    try {
      const c = await china.enroll();
      const declare = async (IEDate: string) => {
        const item = submission(
          c.key,
          samplePayload((doc) => (doc.head.IEDate = IEDate)),
        );
        const timestamp = new Date(instant).toISOString();
        const response = await china.call(c, 'POST', '/v1/submissions', { submissions: [item] }, { timestamp });
        expect(response.statusCode, response.body).toBe(200);
        return submitResponseSchema.parse(response.json()).results[0];
      };
      expect(await declare('20260302')).toMatchObject({ outcome: 'accepted' });
      expect(await declare('20260303')).toMatchObject({
        outcome: 'rejected',
        errors: [{ path: 'head.IEDate', code: 'date-in-future' }],
      });
    } finally {
      await china.close();
    }
  });

  it('rejects an item whose signature or payload digest does not hold, item by item', async () => {
    const good = submission(client.key);
    const tampered = submission(client.key);
    tampered.envelope = { ...tampered.envelope, clientSeqNo: 'CHANGED' };
    const wrongDigest = signSubmission(client.key, { ...makeEnvelope(client.key), payloadDigest: 'a'.repeat(64) });
    const unknownKey = signSubmission(client.key, makeEnvelope(client.key, undefined, { keyId: '0123456789abcdef' }));
    const { results } = await submit(client, [good, tampered, wrongDigest, unknownKey]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
    expect(results[1]?.errors[0]?.code).toBe('bad-signature');
    expect(results[2]?.errors[0]?.code).toBe('digest-mismatch');
    expect(results[3]?.errors[0]).toMatchObject({ path: 'envelope.keyId', code: 'unknown-key' });
  });

  it('rejects an item with a lone surrogate (no canonical JSON form) instead of failing', async () => {
    const item = submission(client.key);
    const text = JSON.stringify({ submissions: [item] }).replace('上海测试贸易有限公司', '\\ud800');
    const response = await t.call(client, 'POST', '/v1/submissions', text);
    expect(response.statusCode, response.body).toBe(200);
    expect(submitResponseSchema.parse(response.json()).results[0]).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'envelope', code: 'not-canonical' }],
    });
  });

  it('handles the same id twice in one batch as accepted then duplicate', async () => {
    const item = submission(client.key);
    const { results } = await submit(client, [item, item]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
    expect(results[1]?.hubSeq).toBe(results[0]?.hubSeq);
  });

  it('keeps clients apart: the same submission id from two clients is two submissions', async () => {
    const other = await t.enroll();
    const envelope = makeEnvelope(client.key);
    await submit(client, [signSubmission(client.key, envelope)]);
    const theirs = signSubmission(other.key, { ...envelope, keyId: other.key.keyId });
    const { results } = await submit(other, [theirs]);
    expect(results[0]?.outcome).toBe('accepted');
    const missing = await t.call(other, 'GET', `/v1/submissions/${submission(client.key).envelope.submissionId}`);
    expect(missing.statusCode).toBe(404);
  });

  it('verifies SM2-signed requests and submissions', async () => {
    const sm2Client = await t.enroll(sm2Key(), 'SM2 客户端');
    const { results } = await submit(sm2Client, [submission(sm2Client.key)]);
    expect(results[0]?.outcome).toBe('accepted');
  });
});

describe('GET /v1/submissions/:id', () => {
  it('answers the state of an accepted and a rejected submission for reconciliation', async () => {
    const ok = submission(client.key);
    const bad = submission(
      client.key,
      samplePayload((doc) => (doc.head.TradeName = '')),
    );
    const { results } = await submit(client, [ok, bad]);
    const okState: SubmissionState = submissionStateSchema.parse(
      (await t.call(client, 'GET', `/v1/submissions/${ok.envelope.submissionId}`)).json(),
    );
    expect(okState).toMatchObject({
      submissionId: ok.envelope.submissionId,
      state: 'accepted',
      hubSeq: results[0]?.hubSeq,
      payloadDigest: ok.envelope.payloadDigest,
      errors: [],
    });
    const badState = submissionStateSchema.parse(
      (await t.call(client, 'GET', `/v1/submissions/${bad.envelope.submissionId}`)).json(),
    );
    expect(badState).toMatchObject({ state: 'rejected', hubSeq: null });
    expect(badState.errors[0]?.path).toBe('head.TradeName');
  });

  it('answers 404 for an id it never received and 400 for a malformed id', async () => {
    const unknown = await t.call(client, 'GET', `/v1/submissions/${submission(client.key).envelope.submissionId}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not-found' } });
    const malformed = await t.call(client, 'GET', '/v1/submissions/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });
});

describe('customs receipts', () => {
  it('answers each accepted import with 7, then L with an 18-digit 海关编号, T 需交税费, then P, in hub order', async () => {
    const item = submission(client.key);
    await submit(client, [item]);
    const got = await receiptsUntil(client, 4);
    expect(got.map((r) => r.channel)).toEqual(['7', 'L', 'T', 'P']);
    const [declared, accepted, , released] = got;
    expect(declared?.seqNo).toMatch(/^I\d{17}$/);
    expect(declared?.entryId).toBeNull();
    // 关区 2248 (the declaration's CustomMaster), the year, 1 for import, a 9-digit serial.
    expect(accepted?.entryId).toMatch(/^22482\d{3}1\d{9}$/);
    expect(released?.entryId).toBe(accepted?.entryId);
    expect(new Set(got.map((r) => r.seqNo)).size).toBe(1);
    for (const r of got) {
      expect(r).toMatchObject({
        submissionId: item.envelope.submissionId,
        clientSeqNo: item.envelope.clientSeqNo,
        errors: [],
      });
      expect(Number.isNaN(Date.parse(r.noticeDate))).toBe(false);
    }
    const cursors = got.map((r) => Number(r.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    expect(new Set(got.map((r) => r.receiptId)).size).toBe(4);
  });

  it('uses 0 for exports in the 海关编号', async () => {
    const { results } = await submit(client, [submission(client.key, sampleExportPayload())]);
    expect(results[0]?.outcome).toBe('accepted');
    const got = await receiptsUntil(client, 3);
    expect(got[1]?.entryId).toMatch(/^2248\d{4}0\d{9}$/);
    expect(got[0]?.seqNo).toMatch(/^E\d{17}$/);
  });

  it('pages from a cursor, answers an unchanged cursor when nothing is new, and shows a client only its own receipts', async () => {
    const other = await t.enroll();
    await submit(client, [submission(client.key)]);
    await submit(other, [submission(other.key)]);
    const mine = await receiptsUntil(client, 4);
    const theirs = await receiptsUntil(other, 4);
    expect(mine.every((r) => !theirs.some((o) => o.receiptId === r.receiptId))).toBe(true);
    const last = mine.at(-1)?.cursor ?? '';
    const empty = await receipts(client, last, 0);
    expect(empty).toEqual({ receipts: [], cursor: last });
    const fromStart = await receipts(client);
    expect(fromStart.receipts.map((r) => r.receiptId)).toEqual(mine.map((r) => r.receiptId));
    const afterFirst = await receipts(client, mine[0]?.cursor ?? '');
    expect(afterFirst.receipts.map((r) => r.receiptId)).toEqual(mine.slice(1).map((r) => r.receiptId));
  });

  it('holds a long poll open until a receipt arrives', async () => {
    const poll = receipts(client, '', 20);
    // The poll is parked (nothing to answer yet) before the submission arrives.
    await vi.waitFor(() => expect(t.hub.notifier.waiting(client.clientId)).toBe(1), { timeout: 10_000, interval: 5 });
    await submit(client, [submission(client.key)]);
    const page = await poll;
    expect(page.receipts.length).toBeGreaterThan(0);
    expect(page.receipts[0]?.channel).toBe('7');
  });

  it('answers a long poll with nothing when its wait runs out', async () => {
    const page = await receipts(client, '', 0.2);
    expect(page).toEqual({ receipts: [], cursor: '' });
  });
});
