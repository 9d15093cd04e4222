import { sqlMigration } from './sql-migration';

// The date of a code table's data (yyyy-MM-dd): a built-in table's source date (the 2026 tariff,
// the 2018 official workbooks), the day an official file was imported or a hub table received.
// Settings shows it, and the newest table wins: a built-in table replaces an imported one only
// when its data is newer. Tables installed before keep '' (date unknown) and are compared by
// the day they were installed. Built-in tables are no longer copied into the database (they are
// read from the files the app ships, main/core/code-tables/store.ts): the copies are removed.
export const migration0011 = sqlMigration(
  11,
  'code-table-dates',
  `
      ALTER TABLE code_tables ADD COLUMN as_of TEXT NOT NULL DEFAULT '';
      DELETE FROM code_rows WHERE tbl IN (SELECT id FROM code_tables WHERE origin = 'builtin');
      DELETE FROM code_tables WHERE origin = 'builtin';
    `,
);
