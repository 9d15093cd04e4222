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
}

/** The append-only customs history: a receipt is stored once, by its id, and never changed. */
export function createReceiptsRepo(db: Db) {
  const insert =
    db.prepare(`INSERT OR IGNORE INTO receipts (receipt_id, declaration_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, source, raw, received_at)
    VALUES (@receiptId, @declarationId, @submissionId, @clientSeqNo, @channel, @note, @noticeDate, @seqNo, @entryId, @source, @raw, @receivedAt)`);
  const byDeclaration =
    db.prepare(`SELECT channel, note, notice_date AS noticeDate, entry_id AS entryId, seq_no AS seqNo, received_at AS receivedAt, source
    FROM receipts WHERE declaration_id = ? ORDER BY received_at, rowid`);
  return {
    /** Returns false when the receipt was already stored (a duplicate delivery). */
    add(receipt: StoredReceipt): boolean {
      return insert.run(receipt).changes === 1;
    },
    forDeclaration(declarationId: string): ReceiptEntry[] {
      return byDeclaration.all(declarationId) as ReceiptEntry[];
    },
  };
}

export type ReceiptsRepo = ReturnType<typeof createReceiptsRepo>;
