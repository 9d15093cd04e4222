import { sqlMigration } from './sql-migration';

// Code tables (versioned data packages): one row per table with its version and origin — a
// built-in package, a parameter file the user imported, or a table received from the hub — and
// one row per code. Lookups are by code (names are not unique); pickers search by code prefix,
// pinyin initials and Chinese text, so initials are kept beside the name. `data` holds the whole
// row (extra columns such as a tariff line's units and 申报要素).
export const migration0002 = sqlMigration(
  2,
  'code-tables',
  `
      CREATE TABLE code_tables (
        id          TEXT PRIMARY KEY,
        version     TEXT NOT NULL,
        origin      TEXT NOT NULL CHECK (origin IN ('builtin', 'import', 'hub')),
        complete    INTEGER NOT NULL CHECK (complete IN (0, 1)),
        source      TEXT NOT NULL,
        columns     TEXT NOT NULL,
        row_count   INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE code_rows (
        tbl       TEXT NOT NULL REFERENCES code_tables (id) ON DELETE CASCADE,
        code      TEXT NOT NULL,
        name_zh   TEXT NOT NULL,
        name_en   TEXT NOT NULL DEFAULT '',
        initials  TEXT NOT NULL DEFAULT '',
        data      TEXT NOT NULL,
        PRIMARY KEY (tbl, code)
      ) WITHOUT ROWID;
      CREATE INDEX code_rows_initials ON code_rows (tbl, initials);
    `,
);
