import { sqlMigration } from './sql-migration';

// The declaration list filtered to one status and sorted by 申报日期 (e.g. 已放行, newest declared
// first) walked the whole declared_at index and dropped every row of another status: a deep page
// read tens of thousands of rows. An index pairing status with declared_at answers it straight,
// as (status, updated_at) already does for the list's default sort.
export const migration0013 = sqlMigration(
  13,
  'status-declared',
  `CREATE INDEX declarations_status_declared ON declarations (status, declared_at) WHERE deleted_at IS NULL;`,
);
