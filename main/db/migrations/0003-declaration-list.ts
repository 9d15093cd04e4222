import { sqlMigration } from './sql-migration';

// The declaration list at a million rows, and templates.
//
// - One index per identifier a broker searches by (a prefix match is a range on it) and per
//   column the list sorts by, each partial on live rows like 0001's. ClientSeqNo already has
//   its UNIQUE index. Every index ends in the rowid, so `ORDER BY col, rowid` is read straight
//   off the index and a page costs its 50 rows, not a sort of the table.
// - declaration_counts keeps the number of live declarations per status, maintained by
//   triggers, so the list's total is a sum of a few rows instead of counting a million.
// - templates: a declaration saved under a name to start new ones from (repeat shipments).
export const migration0003 = sqlMigration(
  3,
  'declaration-list',
  `
      CREATE INDEX declarations_created ON declarations (created_at) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_bill_no ON declarations (bill_no) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_contr_no ON declarations (contr_no) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_trade_name ON declarations (trade_name) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_entry_id ON declarations (entry_id) WHERE deleted_at IS NULL;
      CREATE INDEX declarations_seq_no ON declarations (seq_no) WHERE deleted_at IS NULL;

      CREATE TABLE declaration_counts (
        status TEXT PRIMARY KEY,
        n      INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO declaration_counts (status, n)
        SELECT status, count(*) FROM declarations WHERE deleted_at IS NULL GROUP BY status;

      CREATE TRIGGER declarations_count_insert AFTER INSERT ON declarations WHEN NEW.deleted_at IS NULL
      BEGIN
        INSERT INTO declaration_counts (status, n) VALUES (NEW.status, 1)
          ON CONFLICT (status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER declarations_count_update AFTER UPDATE OF status, deleted_at ON declarations
      BEGIN
        UPDATE declaration_counts SET n = n - 1 WHERE OLD.deleted_at IS NULL AND status = OLD.status;
        INSERT INTO declaration_counts (status, n) SELECT NEW.status, 1 WHERE NEW.deleted_at IS NULL
          ON CONFLICT (status) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER declarations_count_delete AFTER DELETE ON declarations WHEN OLD.deleted_at IS NULL
      BEGIN
        UPDATE declaration_counts SET n = n - 1 WHERE status = OLD.status;
      END;

      CREATE TABLE templates (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        ie_flag    TEXT NOT NULL CHECK (ie_flag IN ('I', 'E')),
        doc        TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
);
