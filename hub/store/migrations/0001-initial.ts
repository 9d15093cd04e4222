import { sqlMigration } from '../../../shared/store/migrate';
import type { HubMigration } from '../sqlite/connection';

// The hub's first schema. Submissions are kept forever (dedup on client and
// submission id never expires), receipts are kept so a client offline for
// weeks catches up, and `processing` is the customs processor's durable queue:
// one row per submission still owed a receipt, with the plan fixed at acceptance.
export const migration0001: HubMigration = sqlMigration(
  1,
  'initial',
  `
      CREATE TABLE clients (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      );

      CREATE TABLE client_keys (
        client_id  TEXT NOT NULL REFERENCES clients(id),
        key_id     TEXT NOT NULL,
        algorithm  TEXT NOT NULL CHECK (algorithm IN ('ed25519', 'sm2')),
        public_key TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        PRIMARY KEY (client_id, key_id)
      ) WITHOUT ROWID;

      -- Only a hash of each code is stored; the code itself is shown once.
      CREATE TABLE enrollment_codes (
        code_hash  TEXT PRIMARY KEY,
        label      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at    TEXT,
        client_id  TEXT REFERENCES clients(id)
      ) WITHOUT ROWID;

      -- A nonce is remembered until its request's timestamp can no longer pass the skew check.
      CREATE TABLE nonces (
        client_id  TEXT NOT NULL,
        nonce      TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (client_id, nonce)
      ) WITHOUT ROWID;
      CREATE INDEX nonces_expiry ON nonces(expires_at);

      CREATE TABLE submissions (
        pk             INTEGER PRIMARY KEY,
        client_id      TEXT NOT NULL REFERENCES clients(id),
        submission_id  TEXT NOT NULL,
        payload_digest TEXT NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('accepted', 'rejected')),
        hub_seq        INTEGER UNIQUE,
        client_seq_no  TEXT NOT NULL,
        key_id         TEXT NOT NULL,
        envelope       TEXT NOT NULL,
        signature      TEXT NOT NULL,
        errors         TEXT NOT NULL DEFAULT '[]',
        received_at    TEXT NOT NULL,
        seq_no         TEXT,
        entry_id       TEXT UNIQUE,
        UNIQUE (client_id, submission_id),
        CHECK ((state = 'accepted') = (hub_seq IS NOT NULL))
      );

      CREATE TABLE processing (
        submission_pk INTEGER PRIMARY KEY REFERENCES submissions(pk),
        plan          TEXT NOT NULL,
        next_step     INTEGER NOT NULL,
        due_at        INTEGER NOT NULL
      );
      CREATE INDEX processing_due ON processing(due_at);

      CREATE TABLE receipts (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_id    TEXT NOT NULL UNIQUE,
        client_id     TEXT NOT NULL REFERENCES clients(id),
        submission_pk INTEGER NOT NULL REFERENCES submissions(pk),
        submission_id TEXT NOT NULL,
        client_seq_no TEXT NOT NULL,
        step          INTEGER NOT NULL,
        channel       TEXT NOT NULL,
        note          TEXT NOT NULL,
        notice_date   TEXT NOT NULL,
        seq_no        TEXT,
        entry_id      TEXT,
        errors        TEXT NOT NULL DEFAULT '[]',
        UNIQUE (submission_pk, step)
      );
      CREATE INDEX receipts_by_client ON receipts(client_id, seq);

      -- Serial numbers (hub sequence, 统一编号, 海关编号) by prefix.
      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE code_table_versions (
        pk          INTEGER PRIMARY KEY,
        table_id    TEXT NOT NULL,
        version     INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        columns     TEXT NOT NULL,
        row_count   INTEGER NOT NULL,
        source      TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (table_id, version)
      );

      CREATE TABLE code_table_rows (
        version_pk INTEGER NOT NULL REFERENCES code_table_versions(pk),
        ord        INTEGER NOT NULL,
        code       TEXT NOT NULL,
        data       TEXT NOT NULL,
        PRIMARY KEY (version_pk, ord)
      ) WITHOUT ROWID;
    `,
);
