import type pg from 'pg';
import type { FieldError, Receipt } from '../../../shared/protocol';
import type { TaxEstimate } from '../../../shared/taxes/types';
import { queueMoves } from '../batch-rules';
import type { DueWork, HubStore, PlanStep, ReceiptDraft } from '../types';
import type { PgClient } from './connection';
import { query, transaction } from './connection';

type ReceiptsPart = Pick<HubStore, 'dueWork' | 'issueDue' | 'nextDueAt' | 'issueReceipts' | 'receiptsAfter'>;

interface DueRow {
  submission_pk: number;
  plan: PlanStep[];
  next_step: number;
  due_at: number;
  client_id: string;
  submission_id: string;
  client_seq_no: string;
  seq_no: string | null;
  entry_id: string | null;
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
  errors: FieldError[];
  tax_bill: TaxEstimate | null;
}

const dueSql = `
  SELECT p.submission_pk, p.plan, p.next_step, p.due_at,
         s.client_id, s.submission_id, s.client_seq_no, s.seq_no, s.entry_id
  FROM processing p JOIN submissions s ON s.pk = p.submission_pk
  WHERE p.due_at <= $1 ORDER BY p.due_at, p.submission_pk LIMIT $2`;

function toWork(row: DueRow): DueWork {
  return {
    submissionPk: row.submission_pk,
    clientId: row.client_id,
    submissionId: row.submission_id,
    clientSeqNo: row.client_seq_no,
    seqNo: row.seq_no,
    entryId: row.entry_id,
    plan: row.plan,
    nextStep: row.next_step,
    dueAt: row.due_at,
  };
}

/** NOTIFY payloads stay under PostgreSQL's 8,000-byte limit: client ids go in chunks. */
export function notifyChunks(ids: readonly string[], maxBytes = 7_000): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const id of ids) {
    const next = current === '' ? id : `${current},${id}`;
    if (Buffer.byteLength(next) > maxBytes && current !== '') {
      chunks.push(current);
      current = id;
    } else current = next;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Advances the queue rows, then inserts the receipts not issued yet, in the caller's transaction.
 * Their `seq` comes from the receipt-seq counter row, locked from here to commit: a receipt
 * transaction that takes seq 12 after another took 11 also commits after it, so a client that read
 * 12 has already been able to read 11. The queue rows are taken first so that a writer never holds
 * that lock while it waits for a row another worker holds.
 */
async function writeReceipts(
  c: PgClient,
  drafts: readonly ReceiptDraft[],
  channel: string,
): Promise<{ receipts: number; clients: Set<string> }> {
  if (drafts.length === 0) return { receipts: 0, clients: new Set() };
  const moves = queueMoves(drafts);
  const finished = moves.filter((m) => m.dueAt === null);
  const advanced = moves.filter((m) => m.dueAt !== null);
  if (advanced.length > 0)
    await c.query(
      `UPDATE processing p SET next_step = u.to_step, due_at = u.due_at
       FROM unnest($1::bigint[], $2::int[], $3::int[], $4::bigint[]) AS u(pk, from_step, to_step, due_at)
       WHERE p.submission_pk = u.pk AND p.next_step = u.from_step`,
      [
        advanced.map((m) => m.submissionPk),
        advanced.map((m) => m.fromStep),
        advanced.map((m) => m.toStep),
        advanced.map((m) => m.dueAt),
      ],
    );
  if (finished.length > 0)
    await c.query(
      `DELETE FROM processing p USING unnest($1::bigint[], $2::int[]) AS u(pk, from_step)
       WHERE p.submission_pk = u.pk AND p.next_step = u.from_step`,
      [finished.map((m) => m.submissionPk), finished.map((m) => m.fromStep)],
    );
  const counter = await c.query<{ value: number }>(
    `INSERT INTO counters (name, value) VALUES ('receipt-seq', $1)
     ON CONFLICT (name) DO UPDATE SET value = counters.value + EXCLUDED.value RETURNING value`,
    [drafts.length],
  );
  const first = (counter.rows[0]?.value ?? drafts.length) - drafts.length + 1;
  const col = <T>(pick: (d: ReceiptDraft) => T) => drafts.map(pick);
  const inserted = await c.query<{ client_id: string }>(
    `INSERT INTO receipts (seq, receipt_id, client_id, submission_pk, submitted_month, submission_id, client_seq_no,
                           step, channel, note, notice_date, seq_no, entry_id, errors, tax_bill)
     SELECT $1::bigint + u.ord - 1, u.receipt_id, u.client_id, u.pk, s.received_month, u.submission_id,
            u.client_seq_no, u.step, u.channel, u.note, u.notice_date, u.seq_no, u.entry_id, u.errors::json,
            u.tax_bill::json
     FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]) WITH ORDINALITY
          AS u(receipt_id, client_id, pk, submission_id, client_seq_no, step, channel, note, notice_date, seq_no,
               entry_id, errors, tax_bill, ord)
     JOIN submissions s ON s.pk = u.pk
     ORDER BY u.ord
     ON CONFLICT DO NOTHING
     RETURNING client_id`,
    [
      first,
      col((d) => d.receiptId),
      col((d) => d.clientId),
      col((d) => d.submissionPk),
      col((d) => d.submissionId),
      col((d) => d.clientSeqNo),
      col((d) => d.step),
      col((d) => d.channel),
      col((d) => d.note),
      col((d) => d.noticeDate),
      col((d) => d.seqNo),
      col((d) => d.entryId),
      col((d) => JSON.stringify(d.errors)),
      col((d) => (d.taxBill ? JSON.stringify(d.taxBill) : null)),
    ],
  );
  const clients = new Set(inserted.rows.map((r) => r.client_id));
  // Delivered when this transaction commits, to every hub process's listener.
  if (clients.size > 0)
    await c.query('SELECT pg_notify($1, chunk) FROM unnest($2::text[]) AS chunk', [
      channel,
      notifyChunks([...clients]),
    ]);
  return { receipts: inserted.rowCount ?? 0, clients };
}

export function postgresReceipts(pool: pg.Pool, channels: { receipts: string }): ReceiptsPart {
  return {
    async dueWork(now, limit) {
      const { rows } = await query<DueRow>(pool, dueSql, [now, limit]);
      return rows.map(toWork);
    },
    async issueDue(now, limit, draft) {
      return transaction(pool, async (c) => {
        // Rows another worker holds are skipped: several workers share the queue without waiting.
        const { rows } = await c.query<DueRow>(`${dueSql} FOR UPDATE OF p SKIP LOCKED`, [now, limit]);
        const written = await writeReceipts(c, rows.map(toWork).flatMap(draft), channels.receipts);
        return { claimed: rows.length, ...written };
      });
    },
    async nextDueAt() {
      const { rows } = await query<{ due: number | null }>(pool, 'SELECT min(due_at) AS due FROM processing');
      return rows[0]?.due ?? null;
    },
    async issueReceipts(drafts) {
      if (drafts.length === 0) return new Set<string>();
      return (await transaction(pool, (c) => writeReceipts(c, drafts, channels.receipts))).clients;
    },
    async receiptsAfter(clientId, afterSeq, limit): Promise<Receipt[]> {
      const { rows } = await query<ReceiptRow>(
        pool,
        `SELECT seq, receipt_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, errors,
                tax_bill
         FROM receipts WHERE client_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [clientId, afterSeq, limit],
      );
      return rows.map((row) => ({
        cursor: String(row.seq),
        receiptId: row.receipt_id,
        submissionId: row.submission_id,
        clientSeqNo: row.client_seq_no,
        channel: row.channel,
        note: row.note,
        noticeDate: row.notice_date,
        seqNo: row.seq_no,
        entryId: row.entry_id,
        errors: row.errors,
        ...(row.tax_bill === null ? {} : { taxBill: row.tax_bill }),
      }));
    },
  };
}
