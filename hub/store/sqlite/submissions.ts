import type { FieldError, Receipt, SubmissionState, SubmitResult } from '../../../shared/protocol';
import type { BatchItem, DueWork, HubStore, PlanStep, StoredSubmission } from '../types';
import { nonceInserter } from './clients';
import type { HubDb } from './connection';

type SubmissionsPart = Pick<
  HubStore,
  'findSubmissions' | 'recordBatch' | 'getSubmission' | 'dueWork' | 'nextDueAt' | 'issueReceipts' | 'receiptsAfter'
>;

interface SubmissionRow {
  submission_id: string;
  payload_digest: string;
  state: 'accepted' | 'rejected';
  hub_seq: number | null;
  errors: string;
  received_at: string;
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

export const NUMBER_LENGTH = 18;

/** An 18-character number: the prefix, then the serial zero-padded to fill. */
export function formatNumber(prefix: string, serial: number): string {
  const digits = NUMBER_LENGTH - prefix.length;
  const text = String(serial).padStart(digits, '0');
  if (text.length > digits) throw new Error(`The serial range of ${prefix} is exhausted`);
  return prefix + text;
}

export function conflictError(submissionId: string): FieldError {
  return {
    path: 'envelope.payloadDigest',
    code: 'conflict',
    message: `提交编号 ${submissionId} 已用于内容不同的另一份申报（摘要不同），本次未受理；修改后的申报请使用新的提交编号`,
  };
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

export function sqliteSubmissions(db: HubDb): SubmissionsPart {
  const selectSub = db.prepare<[string, string], SubmissionRow>(
    'SELECT submission_id, payload_digest, state, hub_seq, errors, received_at FROM submissions WHERE client_id = ? AND submission_id = ?',
  );
  const nextCounter = db
    .prepare<[string], number>(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .pluck();
  const insertSub = db.prepare(`
    INSERT INTO submissions (client_id, submission_id, payload_digest, state, hub_seq, client_seq_no, key_id, envelope, signature, errors, received_at, seq_no, entry_id)
    VALUES (@clientId, @submissionId, @payloadDigest, @state, @hubSeq, @clientSeqNo, @keyId, @envelope, @signature, @errors, @receivedAt, @seqNo, @entryId)`);
  const insertProcessing = db.prepare(
    'INSERT INTO processing (submission_pk, plan, next_step, due_at) VALUES (?, ?, 0, ?)',
  );
  const selectDue = db.prepare<[number, number], DueRow>(`
    SELECT p.submission_pk, p.plan, p.next_step, p.due_at, s.client_id, s.submission_id, s.client_seq_no, s.seq_no, s.entry_id
    FROM processing p JOIN submissions s ON s.pk = p.submission_pk
    WHERE p.due_at <= ? ORDER BY p.due_at, p.submission_pk LIMIT ?`);
  const selectNextDue = db.prepare<[], number | null>('SELECT min(due_at) FROM processing').pluck();
  const insertReceipt = db.prepare(`
    INSERT OR IGNORE INTO receipts (receipt_id, client_id, submission_pk, submission_id, client_seq_no, step, channel, note, notice_date, seq_no, entry_id, errors)
    VALUES (@receiptId, @clientId, @submissionPk, @submissionId, @clientSeqNo, @step, @channel, @note, @noticeDate, @seqNo, @entryId, @errors)`);
  const advance = db.prepare(
    'UPDATE processing SET next_step = next_step + 1, due_at = ? WHERE submission_pk = ? AND next_step = ?',
  );
  const finish = db.prepare('DELETE FROM processing WHERE submission_pk = ? AND next_step = ?');
  const selectReceipts = db.prepare<[string, number, number], ReceiptRow>(`
    SELECT seq, receipt_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, errors
    FROM receipts WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const insertNonce = nonceInserter(db);

  const recordTx = db.transaction((input: Parameters<SubmissionsPart['recordBatch']>[0]): SubmitResult[] => {
    insertNonce(input.nonce);
    return input.items.map((item: BatchItem): SubmitResult => {
      const existing = selectSub.get(input.clientId, item.submissionId);
      if (existing) {
        if (existing.payload_digest !== item.payloadDigest) {
          return {
            submissionId: item.submissionId,
            outcome: 'conflict',
            hubSeq: null,
            errors: [conflictError(item.submissionId)],
          };
        }
        if (existing.state === 'accepted')
          return { submissionId: item.submissionId, outcome: 'duplicate', hubSeq: existing.hub_seq, errors: [] };
        return {
          submissionId: item.submissionId,
          outcome: 'rejected',
          hubSeq: null,
          errors: JSON.parse(existing.errors) as FieldError[],
        };
      }
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
      const seqNo = formatNumber(decision.seqNoPrefix, nextCounter.get(`seq-no:${decision.seqNoPrefix}`) ?? 0);
      const entryId =
        decision.entryIdPrefix === null
          ? null
          : formatNumber(decision.entryIdPrefix, nextCounter.get(`entry-id:${decision.entryIdPrefix}`) ?? 0);
      const info = insertSub.run({ ...common, state: 'accepted', hubSeq, errors: '[]', seqNo, entryId });
      if (decision.plan.length > 0)
        insertProcessing.run(info.lastInsertRowid, JSON.stringify(decision.plan), decision.firstDueAt);
      return { submissionId: item.submissionId, outcome: 'accepted', hubSeq, errors: [] };
    });
  });

  const issueTx = db.transaction((drafts: Parameters<SubmissionsPart['issueReceipts']>[0]): Set<string> => {
    const clients = new Set<string>();
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
      });
      if (inserted.changes === 1) clients.add(d.clientId);
      if (d.nextDueAt === null) finish.run(d.submissionPk, d.step);
      else advance.run(d.nextDueAt, d.submissionPk, d.step);
    }
    return clients;
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
      return recordTx.immediate(input);
    },
    async getSubmission(clientId, submissionId): Promise<SubmissionState | undefined> {
      const row = selectSub.get(clientId, submissionId);
      if (!row) return undefined;
      return {
        submissionId: row.submission_id,
        state: row.state,
        payloadDigest: row.payload_digest,
        hubSeq: row.hub_seq,
        receivedAt: row.received_at,
        errors: JSON.parse(row.errors) as FieldError[],
      };
    },
    async dueWork(now, limit): Promise<DueWork[]> {
      return selectDue.all(now, limit).map((row) => ({
        submissionPk: row.submission_pk,
        clientId: row.client_id,
        submissionId: row.submission_id,
        clientSeqNo: row.client_seq_no,
        seqNo: row.seq_no,
        entryId: row.entry_id,
        plan: JSON.parse(row.plan) as PlanStep[],
        nextStep: row.next_step,
        dueAt: row.due_at,
      }));
    },
    async nextDueAt() {
      return selectNextDue.get() ?? null;
    },
    async issueReceipts(drafts) {
      return drafts.length === 0 ? new Set<string>() : issueTx.immediate(drafts);
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
      }));
    },
  };
}
