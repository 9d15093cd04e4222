import { sqlMigration } from '../../../shared/store/migrate';
import type { HubMigration } from '../sqlite/connection';

// The 税费单 the hub computes for an import rides on its release receipt, and is kept with it (JSON, the
// shared estimate's shape), so a client catching up weeks later gets the same bill.
export const migration0002: HubMigration = sqlMigration(
  2,
  'tax-bills',
  'ALTER TABLE receipts ADD COLUMN tax_bill TEXT',
);
