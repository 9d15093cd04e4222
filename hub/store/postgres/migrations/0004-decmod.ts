import type { PgMigration } from './pg-migration';

// Modification and cancellation requests (修撤单), as the SQLite store's 0004: each kept forever with its receipt,
// and on the declaration its values after approved modifications (NULL: as declared) and when it was cancelled.
export const pgMigration0004: PgMigration = {
  version: 4,
  name: 'decmod',
  sql: `
    ALTER TABLE submissions ADD COLUMN current_doc json;
    ALTER TABLE submissions ADD COLUMN cancelled_at timestamptz;

    CREATE TABLE mod_requests (
      pk            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id     text NOT NULL REFERENCES clients(id),
      request_id    text NOT NULL,
      digest        text NOT NULL,
      kind          text NOT NULL CHECK (kind IN ('modify', 'cancel')),
      entry_id      text NOT NULL,
      submission_pk bigint REFERENCES submissions(pk),
      outcome       text NOT NULL CHECK (outcome IN ('approved', 'refused')),
      mod_seq_no    text NOT NULL UNIQUE,
      key_id        text NOT NULL,
      envelope      text NOT NULL,
      signature     text NOT NULL,
      note          text NOT NULL,
      reasons       json NOT NULL DEFAULT '[]',
      received_at   timestamptz NOT NULL,
      UNIQUE (client_id, request_id)
    );
    CREATE INDEX mod_requests_by_submission ON mod_requests (submission_pk);
  `,
};
