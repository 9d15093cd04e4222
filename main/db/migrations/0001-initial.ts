import { signedSendingColumns, sqlMigration } from './sql-migration';

// The first schema: declarations shaped as the DecMessage (a head document and
// rows per section, so the full catalog grows into it without migrations),
// revisions for the audit trail, the outbox, receipts, keys and settings.
export const migration0001 = sqlMigration(
  1,
  'initial',
  `
      CREATE TABLE declarations (
        id            TEXT PRIMARY KEY,
        client_seq_no TEXT NOT NULL UNIQUE,
        ie_flag       TEXT NOT NULL CHECK (ie_flag IN ('I', 'E')),
        workflow      TEXT NOT NULL CHECK (workflow IN ('draft', 'queued', 'sent', 'rejected')),
        status        TEXT NOT NULL,
        channel       TEXT,
        entry_id      TEXT,
        seq_no        TEXT,
        trade_name    TEXT NOT NULL DEFAULT '',
        bill_no       TEXT NOT NULL DEFAULT '',
        contr_no      TEXT NOT NULL DEFAULT '',
        head          TEXT NOT NULL,
        line_count    INTEGER NOT NULL DEFAULT 0,
        revision      INTEGER NOT NULL,
        rejection     TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        deleted_at    TEXT
      );
      CREATE INDEX declarations_updated ON declarations (updated_at) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_status ON declarations (status, updated_at) WHERE deleted_at IS NULL;

      CREATE TABLE declaration_rows (
        declaration_id TEXT NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
        tbl            TEXT NOT NULL,
        seq            INTEGER NOT NULL,
        data           TEXT NOT NULL,
        PRIMARY KEY (declaration_id, tbl, seq)
      ) WITHOUT ROWID;

      CREATE TABLE declaration_revisions (
        declaration_id TEXT NOT NULL REFERENCES declarations (id) ON DELETE CASCADE,
        revision       INTEGER NOT NULL,
        at             TEXT NOT NULL,
        actor          TEXT NOT NULL,
        action         TEXT NOT NULL,
        changes        TEXT NOT NULL,
        PRIMARY KEY (declaration_id, revision)
      ) WITHOUT ROWID;

      CREATE TABLE outbox (
        submission_id   TEXT PRIMARY KEY,
        declaration_id  TEXT NOT NULL REFERENCES declarations (id),
        revision        INTEGER NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'accepted', 'rejected', 'withdrawn')),
        ${signedSendingColumns}
        hub_seq         INTEGER,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_declaration ON outbox (declaration_id);

      CREATE TABLE receipts (
        receipt_id     TEXT PRIMARY KEY,
        declaration_id TEXT REFERENCES declarations (id),
        submission_id  TEXT,
        client_seq_no  TEXT NOT NULL,
        channel        TEXT NOT NULL,
        note           TEXT NOT NULL,
        notice_date    TEXT NOT NULL,
        seq_no         TEXT,
        entry_id       TEXT,
        source         TEXT NOT NULL,
        raw            TEXT NOT NULL,
        received_at    TEXT NOT NULL
      );
      CREATE INDEX receipts_declaration ON receipts (declaration_id, received_at);

      CREATE TABLE signing_keys (
        key_id         TEXT PRIMARY KEY,
        algorithm      TEXT NOT NULL,
        public_key     TEXT NOT NULL,
        sealed_private TEXT NOT NULL,
        protection     TEXT NOT NULL,
        active         INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL,
        retired_at     TEXT
      );

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
);
