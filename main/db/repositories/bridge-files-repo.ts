import type { Db } from '../connection';

export type BridgeFileOutcome = 'applied' | 'unmatched' | 'unreadable';

export interface BridgeFile {
  digest: string;
  folder: string;
  name: string;
  size: number;
  outcome: BridgeFileOutcome;
  receipts: number;
  note: string;
  backupPath: string | null;
  processedAt: string;
  movedAt: string | null;
}

const columns = `digest, folder, name, size, outcome, receipts, note, backup_path AS backupPath, processed_at AS processedAt, moved_at AS movedAt`;

/** The e-port bridge's ledger of receipt files taken in (see migration 0004). */
export function createBridgeFilesRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT ${columns} FROM bridge_files WHERE digest = ?`),
    insert:
      db.prepare(`INSERT INTO bridge_files (digest, folder, name, size, outcome, receipts, note, backup_path, processed_at)
      VALUES (@digest, @folder, @name, @size, @outcome, @receipts, @note, @backupPath, @processedAt)`),
    moved: db.prepare(`UPDATE bridge_files SET backup_path = ?, moved_at = ? WHERE digest = ?`),
    counts: db.prepare(`SELECT outcome, count(*) AS n FROM bridge_files GROUP BY outcome`),
    recent: db.prepare(`SELECT ${columns} FROM bridge_files ORDER BY processed_at DESC LIMIT ?`),
    bySeqNo: db.prepare(
      `SELECT id FROM declarations WHERE seq_no = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
    ),
  };
  return {
    get(digest: string): BridgeFile | undefined {
      return stmt.get.get(digest) as BridgeFile | undefined;
    },
    insert(file: Omit<BridgeFile, 'movedAt'>): void {
      stmt.insert.run(file);
    },
    markMoved(digest: string, backupPath: string, at: string): void {
      stmt.moved.run(backupPath, at, digest);
    },
    counts(): Record<BridgeFileOutcome, number> {
      const out: Record<BridgeFileOutcome, number> = { applied: 0, unmatched: 0, unreadable: 0 };
      for (const row of stmt.counts.all() as Array<{ outcome: BridgeFileOutcome; n: number }>) out[row.outcome] = row.n;
      return out;
    },
    recent(limit: number): BridgeFile[] {
      return stmt.recent.all(limit) as BridgeFile[];
    },
    /** The declaration a 统一编号 (SEQ_NO / CUS_CIQ_NO) was given to, for receipts that carry no ClientSeqNo. */
    declarationIdBySeqNo(seqNo: string): string | undefined {
      return (stmt.bySeqNo.get(seqNo) as { id: string } | undefined)?.id;
    },
  };
}

export type BridgeFilesRepo = ReturnType<typeof createBridgeFilesRepo>;
