import type { PgMigration } from './pg-migration';

// 随附单据 files as bytea beside the submissions (hub/store/migrations/0003 is the SQLite form, with the reasons):
// every hub process on the database sees the same files, and a chunk commits with its nonce.
export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'attachments',
  sql: `
    CREATE TABLE attachments (
      client_id  text NOT NULL REFERENCES clients(id),
      sha256     text NOT NULL,
      size       integer NOT NULL CHECK (size > 0),
      data       bytea NOT NULL,
      complete   boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (client_id, sha256),
      CHECK (octet_length(data) <= size)
    );
  `,
};
