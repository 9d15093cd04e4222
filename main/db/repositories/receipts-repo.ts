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
  const lastBill = db.prepare<[string], StoredTaxBill>(`SELECT tax_bill AS bill, channel, notice_date AS noticeDate,
    entry_id AS entryId FROM receipts WHERE declaration_id = ? AND tax_bill IS NOT NULL
    ORDER BY received_at DESC, rowid DESC LIMIT 1`);
  const byDeclaration =
    db.prepare(`SELECT channel, note, notice_date AS noticeDate, entry_id AS entryId, seq_no AS seqNo, received_at AS receivedAt, source
    FROM receipts WHERE declaration_id = ? ORDER BY received_at, rowid`);
  return {
    /** Returns false when the receipt was already stored (a duplicate delivery). */
    add(receipt: StoredReceipt): boolean {
      return insert.run({ ...receipt, taxBill: receipt.taxBill ?? null }).changes === 1;
    },
    /** The latest 税费单 customs sent for the declaration, or undefined when none came. */
    taxBillOf(declarationId: string): StoredTaxBill | undefined {
      return lastBill.get(declarationId);
    },
    forDeclaration(declarationId: string): ReceiptEntry[] {
      return byDeclaration.all(declarationId) as ReceiptEntry[];
    },
  };
}

export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;
