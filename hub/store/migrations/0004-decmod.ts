import { hubMigration } from './hub-migration';

// Modification and cancellation requests (修撤单): each kept forever with its receipt (dedup on client and request
// id, as for submissions), and on the declaration its values after approved modifications (NULL: as declared, in
// its envelope, which stays as signed) and when it was cancelled.
export const migration0004 = hubMigration(
  4,
  'decmod',
  (t) => `
      ALTER TABLE submissions ADD COLUMN current_doc ${t.json};
      ALTER TABLE submissions ADD COLUMN cancelled_at ${t.instant};

      CREATE TABLE mod_requests (
        pk            ${t.rowKey},
        client_id     TEXT NOT NULL REFERENCES clients(id),
        request_id    TEXT NOT NULL,
        digest        TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('modify', 'cancel')),
        entry_id      TEXT NOT NULL,
        submission_pk ${t.rowRef} REFERENCES submissions(pk),
        outcome       TEXT NOT NULL CHECK (outcome IN ('approved', 'refused')),
        mod_seq_no    TEXT NOT NULL UNIQUE,
        key_id        TEXT NOT NULL,
        envelope      TEXT NOT NULL,
        signature     TEXT NOT NULL,
        note          TEXT NOT NULL,
        reasons       ${t.json} NOT NULL DEFAULT '[]',
        received_at   ${t.instant} NOT NULL,
        UNIQUE (client_id, request_id)
      );
      CREATE INDEX mod_requests_by_submission ON mod_requests(submission_pk);
    `,
);
