import { sqlMigration } from './sql-migration';

// The e-port client folder bridge (main/core/bridge): a ledger of every receipt file taken from
// InBox/FailBox, keyed by the SHA-256 of its bytes. The receipts it carried and its ledger row
// are written in one transaction; the file is moved to the backup folder after that. A restart
// between the two finds the digest here and only finishes the move: no file is applied twice.
export const migration0004 = sqlMigration(
  4,
  'bridge-files',
  `
      CREATE TABLE bridge_files (
        digest       TEXT PRIMARY KEY,
        folder       TEXT NOT NULL,
        name         TEXT NOT NULL,
        size         INTEGER NOT NULL,
        outcome      TEXT NOT NULL CHECK (outcome IN ('applied', 'unmatched', 'unreadable')),
        receipts     INTEGER NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        backup_path  TEXT,
        processed_at TEXT NOT NULL,
        moved_at     TEXT
      ) WITHOUT ROWID;
      CREATE INDEX bridge_files_processed ON bridge_files (processed_at);
    `,
);
