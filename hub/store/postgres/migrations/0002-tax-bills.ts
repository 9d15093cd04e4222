import type { PgMigration } from './pg-migration';

// The 税费单 the hub computes for an import rides on its release receipt, and is kept with it (the shared
// estimate's shape). Added on the partitioned table, so every month's partition has it.
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'tax-bills',
  sql: 'ALTER TABLE receipts ADD COLUMN tax_bill json',
};
