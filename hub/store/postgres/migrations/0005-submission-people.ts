import type { PgMigration } from './pg-migration';

// Who prepared a declaration and who reviewed (复核) it, as the SQLite store's 0005: named by the signed envelope,
// kept on the submission (NULL: signed before review existed, or received before this version).
export const pgMigration0005: PgMigration = {
  version: 5,
  name: 'submission-people',
  sql: `
    ALTER TABLE submissions ADD COLUMN preparer text;
    ALTER TABLE submissions ADD COLUMN reviewer text;
  `,
};
