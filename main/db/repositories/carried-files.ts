import type { Db } from '../connection';
import { tableNames } from './database-facts';

// The 随附单据 files a backup copy carries: a table of the backup's own SQLite file, one row per SHA-256
// (main/core/backup/backup-attachments.ts says why and when it is written, read and dropped).

const TABLE = 'backup_files';

/** A file the registry names, by one of its EdocIDs and the name it was attached under. */
export interface NamedFile {
  sha256: string;
  edocId: string;
  fileName: string;
}

export function createCarriedFiles(db: Db) {
  const tables = tableNames(db);
  return {
    /** Whether the database has a file registry (a database from before files has none). */
    hasRegistry: (): boolean => tables.has('attachment_files'),
    /** Whether it carries files (a backup from before files travelled does not). */
    carries: (): boolean => tables.has(TABLE),
    /** Every file the registry names, once per SHA-256. */
    named: (): NamedFile[] =>
      db
        .prepare(
          `SELECT sha256, min(edoc_id) AS edocId, min(file_name) AS fileName FROM attachment_files
           GROUP BY sha256 ORDER BY sha256`,
        )
        .all() as NamedFile[],
    /** Writes the files into the table (made when missing), in one transaction. */
    write(files: Iterable<{ sha256: string; bytes: Buffer }>): void {
      db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL)`);
      const insert = db.prepare(`INSERT OR REPLACE INTO ${TABLE} (sha256, bytes) VALUES (?, ?)`);
      db.transaction(() => {
        for (const file of files) insert.run(file.sha256, file.bytes);
      })();
    },
    bytesOf(sha256: string): Buffer | undefined {
      return db.prepare(`SELECT bytes FROM ${TABLE} WHERE sha256 = ?`).pluck().get(sha256) as Buffer | undefined;
    },
    drop: (): void => void db.exec(`DROP TABLE IF EXISTS ${TABLE}`),
  };
}
