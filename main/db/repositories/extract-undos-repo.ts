import type { PatchOp } from '../../../shared/api';
import type { Db } from '../connection';

/** What takes back the last write of lines accepted from a customer's documents. */
export interface ExtractUndo {
  declarationId: string;
  /** The revision the write made: undo is possible while the declaration is still at it. */
  revision: number;
  /** The edit that reverts the write (head values as they were, the appended lines removed). */
  ops: PatchOp[];
  /** How many goods lines the write appended. */
  lines: number;
  /** The documents the lines were read from, as the broker picked them. */
  fileNames: string;
  writtenAt: string;
}

interface Stored extends Omit<ExtractUndo, 'ops'> {
  ops: string;
}

/** The undo of each declaration's last accepted write from documents, kept across restarts. */
export function createExtractUndosRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT declaration_id AS declarationId, revision, ops, lines, file_names AS fileNames,
      written_at AS writtenAt FROM extract_undos WHERE declaration_id = ?`),
    put: db.prepare(`INSERT INTO extract_undos (declaration_id, revision, ops, lines, file_names, written_at)
      VALUES (@declarationId, @revision, @ops, @lines, @fileNames, @writtenAt)
      ON CONFLICT (declaration_id) DO UPDATE SET revision = excluded.revision, ops = excluded.ops,
      lines = excluded.lines, file_names = excluded.file_names, written_at = excluded.written_at`),
    remove: db.prepare(`DELETE FROM extract_undos WHERE declaration_id = ?`),
  };
  return {
    get(declarationId: string): ExtractUndo | undefined {
      const row = stmt.get.get(declarationId) as Stored | undefined;
      return row ? { ...row, ops: JSON.parse(row.ops) as PatchOp[] } : undefined;
    },
    /** Keeps the undo of a write, replacing the declaration's earlier one. */
    put(undo: ExtractUndo): void {
      stmt.put.run({ ...undo, ops: JSON.stringify(undo.ops) });
    },
    remove(declarationId: string): void {
      stmt.remove.run(declarationId);
    },
  };
}

export type ExtractUndosRepo = ReturnType<typeof createExtractUndosRepo>;
