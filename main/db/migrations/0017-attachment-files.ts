import { sqlMigration } from './sql-migration';

// 随附单据 files: the registry from an EdocID (the file's name in the message) to the bytes kept in the data
// folder by their SHA-256. A row is never deleted: a file removed from a declaration keeps its EdocID, so a
// later file never takes the same name (the e-port client's OutBox would see the old one). The declaration's
// edocs rows say what is attached; this table says which bytes each EdocID is.
export const migration0017 = sqlMigration(
  17,
  'attachment-files',
  `CREATE TABLE attachment_files (
      edoc_id TEXT PRIMARY KEY,
      declaration_id TEXT NOT NULL,
      edoc_code TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      file_name TEXT NOT NULL,
      added_at TEXT NOT NULL
    );
    CREATE INDEX attachment_files_declaration ON attachment_files (declaration_id);
    CREATE INDEX attachment_files_sha256 ON attachment_files (sha256);`,
);
