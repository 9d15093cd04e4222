import type { PgMigration } from './pg-migration';

// The PostgreSQL form of the hub's schema (hub/store/migrations/0001 is the SQLite one; the store
// contract tests hold the two to the same behaviour). What differs, and why:
// - hub sequence numbers come from a sequence (gaps after a rollback are allowed; order is not
//   promised across processes, only uniqueness);
// - receipts take their `seq` from the 'receipt-seq' counter row, whose lock is held to commit
//   (see receipts.ts): seq order is commit order, so a client's cursor never passes a receipt
//   that commits later;
// - receipts are partitioned by the month (China time) of the submission they answer: a
//   submission's receipts stay together, (submission, step) stays unique across partitions, and
//   old months can be detached and archived (docs/hub-operations.md); a default partition takes
//   rows of a month whose partition was not made in time, so no insert ever fails for want of one.
export const pgMigration0001: PgMigration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE clients (
      id          text PRIMARY KEY,
      name        text NOT NULL,
      enrolled_at timestamptz NOT NULL,
      revoked_at  timestamptz
    );

    CREATE TABLE client_keys (
      client_id  text NOT NULL REFERENCES clients(id),
      key_id     text NOT NULL,
      algorithm  text NOT NULL CHECK (algorithm IN ('ed25519', 'sm2')),
      public_key text NOT NULL,
      added_at   timestamptz NOT NULL,
      PRIMARY KEY (client_id, key_id)
    );

    -- Only a hash of each code is stored; the code itself is shown once.
    CREATE TABLE enrollment_codes (
      code_hash  text PRIMARY KEY,
      label      text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL,
      expires_at bigint NOT NULL,
      used_at    timestamptz,
      client_id  text REFERENCES clients(id)
    );

    -- A nonce is remembered until its request's timestamp can no longer pass the skew check.
    CREATE TABLE nonces (
      client_id  text NOT NULL,
      nonce      text NOT NULL,
      expires_at bigint NOT NULL,
      PRIMARY KEY (client_id, nonce)
    );
    CREATE INDEX nonces_expiry ON nonces (expires_at);

    CREATE SEQUENCE hub_seq AS bigint;

    CREATE TABLE submissions (
      pk             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id      text NOT NULL REFERENCES clients(id),
      submission_id  text NOT NULL,
      payload_digest text NOT NULL,
      state          text NOT NULL CHECK (state IN ('accepted', 'rejected')),
      hub_seq        bigint UNIQUE,
      client_seq_no  text NOT NULL,
      key_id         text NOT NULL,
      envelope       text NOT NULL,
      signature      text NOT NULL,
      errors         json NOT NULL DEFAULT '[]',
      received_at    timestamptz NOT NULL,
      received_month date NOT NULL
        GENERATED ALWAYS AS ((date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai'))::date) STORED,
      seq_no         text,
      entry_id       text UNIQUE,
      UNIQUE (client_id, submission_id),
      CHECK ((state = 'accepted') = (hub_seq IS NOT NULL))
    );

    -- The customs processor's durable queue; workers claim rows with FOR UPDATE SKIP LOCKED.
    CREATE TABLE processing (
      submission_pk bigint PRIMARY KEY REFERENCES submissions(pk),
      plan          json NOT NULL,
      next_step     integer NOT NULL,
      due_at        bigint NOT NULL
    );
    CREATE INDEX processing_due ON processing (due_at, submission_pk);

    CREATE TABLE receipts (
      seq             bigint NOT NULL,
      receipt_id      text NOT NULL,
      client_id       text NOT NULL REFERENCES clients(id),
      submission_pk   bigint NOT NULL REFERENCES submissions(pk),
      submitted_month date NOT NULL,
      submission_id   text NOT NULL,
      client_seq_no   text NOT NULL,
      step            integer NOT NULL,
      channel         text NOT NULL,
      note            text NOT NULL,
      notice_date     text NOT NULL,
      seq_no          text,
      entry_id        text,
      errors          json NOT NULL DEFAULT '[]',
      PRIMARY KEY (seq, submitted_month),
      UNIQUE (submission_pk, step, submitted_month),
      UNIQUE (receipt_id, submitted_month)
    ) PARTITION BY RANGE (submitted_month);
    CREATE INDEX receipts_by_client ON receipts (client_id, seq);
    CREATE TABLE receipts_default PARTITION OF receipts DEFAULT;

    -- Serial numbers (统一编号, 海关编号 by prefix; receipt-seq): each row is locked until its batch commits.
    CREATE TABLE counters (
      name  text PRIMARY KEY,
      value bigint NOT NULL
    );

    CREATE TABLE code_table_versions (
      pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      table_id    text NOT NULL,
      version     integer NOT NULL,
      sha256      text NOT NULL,
      columns     json NOT NULL,
      row_count   integer NOT NULL,
      source      text NOT NULL,
      imported_at timestamptz NOT NULL,
      UNIQUE (table_id, version)
    );

    CREATE TABLE code_table_rows (
      version_pk bigint NOT NULL REFERENCES code_table_versions(pk),
      ord        integer NOT NULL,
      code       text NOT NULL,
      data       json NOT NULL,
      PRIMARY KEY (version_pk, ord)
    );
  `,
};
