import type { ReceiptEntry } from '../../../shared/api';
import type { Db } from '../connection';

export interface StoredReceipt {
  receiptId: string;
  declarationId: string | null;
  submissionId: string | null;
  clientSeqNo: string;
  channel: string;
  note: string;
  noticeDate: string;
  seqNo: string | null;
  entryId: string | null;
  source: string;
  raw: string;
  receivedAt: string;
  /** The 税费单 the receipt carries (JSON of the shared estimate), null when none. */
  taxBill?: string | null;
}

/** The 税费单 of a declaration as its receipt brought it (JSON not yet checked), with the receipt's dates. */
export interface StoredTaxBill {
  bill: string;
  channel: string;
  noticeDate: string;
  entryId: string | null;
}

/** The append-only customs history: a receipt is stored once, by its id, and never changed. */
export function createReceiptsRepo(db: Db) {
  const insert =
    db.prepare(`INSERT OR IGNORE INTO receipts (receipt_id, declaration_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, source, raw, received_at, tax_bill)
    VALUES (@receiptId, @declarationId, @submissionId, @clientSeqNo, @channel, @note, @noticeDate, @seqNo, @entryId, @source, @raw, @receivedAt, @taxBill)`);
  // A 完整申报 is its 概要 opened again (the `complete` revision), the 概要's receipts kept in its history: a bill is the
  // 完整's only when the submission it answers was signed after that revision, or, for a receipt with no submission
  // here (an archive's, an answer by ClientSeqNo), when it came after it. Else the 完整 draft showed the 概要's bill.
  const lastBill = db.prepare<{ id: string }, StoredTaxBill>(`SELECT r.tax_bill AS bill, r.channel,
    r.notice_date AS noticeDate, r.entry_id AS entryId
    FROM receipts r LEFT JOIN outbox o ON o.submission_id = r.submission_id
    LEFT JOIN (SELECT revision, at FROM declaration_revisions WHERE declaration_id = @id AND action = 'complete'
      ORDER BY revision DESC LIMIT 1) c ON 1
    WHERE r.declaration_id = @id AND r.tax_bill IS NOT NULL
      AND (c.revision IS NULL OR COALESCE(o.revision > c.revision, r.received_at > c.at))
    ORDER BY r.received_at DESC, r.rowid DESC LIMIT 1`);
  const byDeclaration =
    db.prepare(`SELECT channel, note, notice_date AS noticeDate, entry_id AS entryId, seq_no AS seqNo, received_at AS receivedAt, source
    FROM receipts WHERE declaration_id = ? ORDER BY received_at, rowid`);
  return {
    /** Returns false when the receipt was already stored (a duplicate delivery). */
    add(receipt: StoredReceipt): boolean {
      return insert.run({ ...receipt, taxBill: receipt.taxBill ?? null }).changes === 1;
    },
    /** The latest 税费单 customs sent for the declaration (for a 完整申报, for it and not its 概要), or undefined. */
    taxBillOf(declarationId: string): StoredTaxBill | undefined {
      return lastBill.get({ id: declarationId });
    },
    forDeclaration(declarationId: string): ReceiptEntry[] {
      return byDeclaration.all(declarationId) as ReceiptEntry[];
    },
  };
}

export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;
