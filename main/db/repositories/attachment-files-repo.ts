import type { Db } from '../connection';

export interface AttachmentFile {
  edocId: string;
  declarationId: string;
  edocCode: string;
  sha256: string;
  size: number;
  fileName: string;
  addedAt: string;
}

const columns = `edoc_id AS edocId, declaration_id AS declarationId, edoc_code AS edocCode, sha256, size,
  file_name AS fileName, added_at AS addedAt`;

/** The 随附单据 file registry (migration 0017): which bytes each EdocID names. */
export function createAttachmentFilesRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT ${columns} FROM attachment_files WHERE edoc_id = ?`),
    insert: db.prepare(`INSERT INTO attachment_files (edoc_id, declaration_id, edoc_code, sha256, size, file_name,
      added_at) VALUES (@edocId, @declarationId, @edocCode, @sha256, @size, @fileName, @addedAt)`),
    insertIfNew: db.prepare(`INSERT OR IGNORE INTO attachment_files (edoc_id, declaration_id, edoc_code, sha256,
      size, file_name, added_at) VALUES (@edocId, @declarationId, @edocCode, @sha256, @size, @fileName, @addedAt)`),
    onDay: db.prepare(`SELECT count(*) AS n FROM attachment_files WHERE substr(edoc_id, 15, 8) = ?`),
    ofDeclaration: db.prepare(`SELECT ${columns} FROM attachment_files WHERE declaration_id = ? ORDER BY edoc_id`),
    all: db.prepare(`SELECT ${columns} FROM attachment_files ORDER BY edoc_id`),
    shas: db.prepare(`SELECT DISTINCT sha256 FROM attachment_files`),
  };
  return {
    get(edocId: string): AttachmentFile | undefined {
      return stmt.get.get(edocId) as AttachmentFile | undefined;
    },
    insert(file: AttachmentFile): void {
      stmt.insert.run(file);
    },
    /** Restoring from an archive: a row already here is kept. Returns whether it was added. */
    insertIfNew(file: AttachmentFile): boolean {
      return stmt.insertIfNew.run(file).changes > 0;
    },
    /** How many EdocIDs carry a serial of this day (yyyyMMdd): the next one's count. */
    countOnDay(day: string): number {
      return (stmt.onDay.get(day) as { n: number }).n;
    },
    ofDeclaration(declarationId: string): AttachmentFile[] {
      return stmt.ofDeclaration.all(declarationId) as AttachmentFile[];
    },
    all(): AttachmentFile[] {
      return stmt.all.all() as AttachmentFile[];
    },
    /** Every file the registry names (the bytes a backup must keep). */
    shas(): string[] {
      return (stmt.shas.all() as Array<{ sha256: string }>).map((r) => r.sha256);
    },
  };
}

export type AttachmentFilesRepo = ReturnType<typeof createAttachmentFilesRepo>;
