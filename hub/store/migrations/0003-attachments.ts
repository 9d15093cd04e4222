import { sqlMigration } from '../../../shared/store/migrate';
import type { HubMigration } from '../sqlite/connection';

// 随附单据 files, kept in the database beside the submissions that name them (not as files in the data folder):
// a chunk, its nonce and the file's completion commit in one transaction, so a hub killed mid-upload leaves either
// the chunk or nothing, and a backup of the database is a backup of the files. One row per client and SHA-256:
// `data` holds the bytes received so far, from the start; `complete` once they are whole and hash to the name.
// A rowid table: SQLite advises against WITHOUT ROWID for rows of megabytes.
export const migration0003: HubMigration = sqlMigration(
  3,
  'attachments',
  `
      CREATE TABLE attachments (
        client_id   TEXT NOT NULL REFERENCES clients(id),
        sha256      TEXT NOT NULL,
        size        INTEGER NOT NULL CHECK (size > 0),
        data        BLOB NOT NULL,
        complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (client_id, sha256),
        CHECK (length(data) <= size)
      );
    `,
);
