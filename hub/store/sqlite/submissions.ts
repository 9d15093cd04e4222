import type { FieldError, Receipt, SubmissionState, SubmitResult } from '../../../shared/protocol';
import type { TaxEstimate } from '../../../shared/taxes/types';
import type { LocalEvents } from '../local-events';
import type { BatchItem, DueWork, HubStore, PlanStep, ReceiptDraft, StoredSubmission } from '../types';
import { answerForStored, counterNames, formatNumber } from '../batch-rules';
import { nonceInserter } from './clients';
import type { HubDb } from './connection';
import { readOne } from './connection';

type SubmissionsPart = Pick<
  HubStore,
  | 'findSubmissions'
  | 'recordBatch'
  | 'getSubmission'
  | 'findByEntryId'
  | 'dueWork'
  | 'issueDue'
  | 'nextDueAt'
  | 'issueReceipts'
  | 'receiptsAfter'
>;

interface SubmissionRow {
  submission_id: string;
  payload_digest: string;
  state: 'accepted' | 'rejected';
  hub_seq: number | null;
  errors: string;
  received_at: string;
  preparer: string | null;
  reviewer: string | null;
}

interface ReceiptRow {
  seq: number;
  receipt_id: string;
  submission_id: string;
  client_seq_no: string;
  channel: string;
  note: string;
  notice_date: string;
  seq_no: string | null;
  entry_id: string | null;
  errors: string;
  tax_bill: string | null;
}

interface DueRow {
  submission_pk: number;
  plan: string;
  next_step: number;
  due_at: number;
  client_id: string;
  submission_id: string;
  client_seq_no: string;
  seq_no: string | null;
  entry_id: string | null;
}

function toStored(row: SubmissionRow): StoredSubmission {
  return {
    submissionId: row.submission_id,
    payloadDigest: row.payload_digest,
    state: row.state,
    hubSeq: row.hub_seq,
    errors: JSON.parse(row.errors) as FieldError[],
  };
}

function toWork(row: DueRow): DueWork {
  return {
    submissionPk: row.submission_pk,
    clientId: row.client_id,
    submissionId: row.submission_id,
    clientSeqNo: row.client_seq_no,
    seqNo: row.seq_no,
    entryId: row.entry_id,
    plan: JSON.parse(row.plan) as PlanStep[],
    nextStep: row.next_step,
    dueAt: row.due_at,
  };
}

export function sqliteSubmissions(db: HubDb, events: LocalEvents): SubmissionsPart {
  const selectSub = db.prepare<[string, string], SubmissionRow>(
    'SELECT submission_id, payload_digest, state, hub_seq, errors, received_at, preparer, reviewer FROM submissions WHERE client_id = ? AND submission_id = ?',
  );
  const selectByEntry = db.prepare<[string, string], { submission_id: string; envelope: string; released: number }>(`
    SELECT s.submission_id, s.envelope,
      EXISTS (SELECT 1 FROM receipts r WHERE r.submission_pk = s.pk AND r.channel = 'P') AS released
    FROM submissions s WHERE s.client_id = ? AND s.entry_id = ? AND s.state = 'accepted'`);
  const nextCounter = db
    .prepare<[string], number>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .pluck();
  const insertSub = db.prepare(`
    INSERT INTO submissions (client_id, submission_id, payload_digest, state, hub_seq, client_seq_no, key_id, envelope, signature, errors, received_at, seq_no, entry_id, preparer, reviewer)
    VALUES (@clientId, @submissionId, @payloadDigest, @state, @hubSeq, @clientSeqNo, @keyId, @envelope, @signature, @errors, @receivedAt, @seqNo, @entryId, @preparer, @reviewer)`);
  const insertProcessing = db.prepare(
    'INSERT INTO processing (submission_pk, plan, next_step, due_at) VALUES (?, ?, 0, ?)',
  );
  const selectDue = db.prepare<[number, number], DueRow>(`
    SELECT p.submission_pk, p.plan, p.next_step, p.due_at, s.client_id, s.submission_id, s.client_seq_no, s.seq_no, s.entry_id
    FROM processing p JOIN submissions s ON s.pk = p.submission_pk
    WHERE p.due_at <= ? ORDER BY p.due_at, p.submission_pk LIMIT ?`);
  const selectNextDue = db.prepare<[], number | null>('SELECT min(due_at) FROM processing').pluck();
  const insertReceipt = db.prepare(`
    INSERT OR IGNORE INTO receipts (receipt_id, client_id, submission_pk, submission_id, client_seq_no, step, channel, note, notice_date, seq_no, entry_id, errors, tax_bill)
    VALUES (@receiptId, @clientId, @submissionPk, @submissionId, @clientSeqNo, @step, @channel, @note, @noticeDate, @seqNo, @entryId, @errors, @taxBill)`);
  const advance = db.prepare(
    'UPDATE processing SET next_step = next_step + 1, due_at = ? WHERE submission_pk = ? AND next_step = ?',
  );
  const finish = db.prepare('DELETE FROM processing WHERE submission_pk = ? AND next_step = ?');
  const selectReceipts = db.prepare<[string, number, number], ReceiptRow>(`
    SELECT seq, receipt_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, errors, tax_bill
    FROM receipts WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const insertNonce = nonceInserter(db);

  const recordTx = db.transaction((input: Parameters<SubmissionsPart['recordBatch']>[0]): SubmitResult[] => {
    insertNonce(input.nonce);
    return input.items.map((item: BatchItem): SubmitResult => {
      const existing = selectSub.get(input.clientId, item.submissionId);
      if (existing) return answerForStored(toStored(existing), item);
      const decision = item.decision;
      if (!decision) throw new Error(`Submission ${item.submissionId} has no decision although it is new`);
      const common = {
        clientId: input.clientId,
        submissionId: item.submissionId,
        payloadDigest: item.payloadDigest,
        clientSeqNo: decision.clientSeqNo,
        keyId: decision.keyId,
        envelope: decision.envelopeText,
        signature: decision.signature,
        receivedAt: input.receivedAt,
        preparer: decision.preparer,
        reviewer: decision.reviewer,
      };
      if (decision.outcome === 'rejected') {
        insertSub.run({
          ...common,
          state: 'rejected',
          hubSeq: null,
          errors: JSON.stringify(decision.errors),
          seqNo: null,
          entryId: null,
        });
        return { submissionId: item.submissionId, outcome: 'rejected', hubSeq: null, errors: decision.errors };
      }
      const hubSeq = nextCounter.get('hub-seq') ?? 0;
      const names = counterNames(decision);
      const seqNo = names.seqNo
        ? formatNumber(decision.seqNoPrefix, nextCounter.get(names.seqNo) ?? 0)
        : (decision.keptSeqNo ?? null);
      const entryId =
        names.entryId && decision.entryIdPrefix
          ? formatNumber(decision.entryIdPrefix, nextCounter.get(names.entryId) ?? 0)
          : null;
      const info = insertSub.run({ ...common, state: 'accepted', hubSeq, errors: '[]', seqNo, entryId });
      if (decision.plan.length > 0)
        insertProcessing.run(info.lastInsertRowid, JSON.stringify(decision.plan), decision.firstDueAt);
      return { submissionId: item.submissionId, outcome: 'accepted', hubSeq, errors: [] };
    });
  });

  /** Inserts the receipts not issued yet and advances their queue rows; inside the caller's transaction. */
  function writeReceipts(drafts: readonly ReceiptDraft[]): { receipts: number; clients: Set<string> } {
    const clients = new Set<string>();
    let receipts = 0;
    for (const d of drafts) {
      const inserted = insertReceipt.run({
        receiptId: d.receiptId,
        clientId: d.clientId,
        submissionPk: d.submissionPk,
        submissionId: d.submissionId,
        clientSeqNo: d.clientSeqNo,
        step: d.step,
        channel: d.channel,
        note: d.note,
        noticeDate: d.noticeDate,
        seqNo: d.seqNo,
        entryId: d.entryId,
        errors: JSON.stringify(d.errors),
        taxBill: d.taxBill ? JSON.stringify(d.taxBill) : null,
      });
      if (inserted.changes === 1) {
        clients.add(d.clientId);
        receipts += 1;
      }
      if (d.nextDueAt === null) finish.run(d.submissionPk, d.step);
      else advance.run(d.nextDueAt, d.submissionPk, d.step);
    }
    return { receipts, clients };
  }
  const issueTx = db.transaction((drafts: readonly ReceiptDraft[]) => writeReceipts(drafts).clients);
  // One writer at a time (BEGIN IMMEDIATE): what is read here is claimed until the commit.
  const issueDueTx = db.transaction((now: number, limit: number, draft: (work: DueWork) => ReceiptDraft[]) => {
    const work = selectDue.all(now, limit).map(toWork);
    return { claimed: work.length, ...writeReceipts(work.flatMap(draft)) };
  });

  return {
    async findSubmissions(clientId, submissionIds) {
      const found = new Map<string, StoredSubmission>();
      for (const id of submissionIds) {
        const row = selectSub.get(clientId, id);
        if (row) found.set(id, toStored(row));
      }
      return found;
    },
    async recordBatch(input) {
      const results = recordTx.immediate(input);
      if (results.some((r) => r.outcome === 'accepted')) events.work();
      return results;
    },
    getSubmission: readOne(selectSub, (row): SubmissionState => ({
      submissionId: row.submission_id,
      state: row.state,
      payloadDigest: row.payload_digest,
      hubSeq: row.hub_seq,
      receivedAt: row.received_at,
      errors: JSON.parse(row.errors) as FieldError[],
      preparer: row.preparer,
      reviewer: row.reviewer,
    })),
    findByEntryId: readOne(selectByEntry, (row) => ({
      submissionId: row.submission_id,
      envelopeText: row.envelope,
      released: row.released === 1,
    })),
    async dueWork(now, limit): Promise<DueWork[]> {
      return selectDue.all(now, limit).map(toWork);
    },
    async issueDue(now, limit, draft) {
      const result = issueDueTx.immediate(now, limit, draft);
      if (result.clients.size > 0) events.receipts([...result.clients]);
      return result;
    },
    async nextDueAt() {
      return selectNextDue.get() ?? null;
    },
    async issueReceipts(drafts) {
      const clients = drafts.length === 0 ? new Set<string>() : issueTx.immediate(drafts);
      if (clients.size > 0) events.receipts([...clients]);
      return clients;
    },
    async receiptsAfter(clientId, afterSeq, limit): Promise<Receipt[]> {
      return selectReceipts.all(clientId, afterSeq, limit).map((row) => ({
        cursor: String(row.seq),
        receiptId: row.receipt_id,
        submissionId: row.submission_id,
        clientSeqNo: row.client_seq_no,
        channel: row.channel,
        note: row.note,
        noticeDate: row.notice_date,
        seqNo: row.seq_no,
        entryId: row.entry_id,
        errors: JSON.parse(row.errors) as FieldError[],
        ...(row.tax_bill === null ? {} : { taxBill: JSON.parse(row.tax_bill) as TaxEstimate }),
      }));
    },
  };
}
