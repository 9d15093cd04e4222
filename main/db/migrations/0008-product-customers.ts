import { sqlMigration } from './sql-migration';

// The product picker in a declaration lists the products of its 境内收发货人 first (repeat
// shipments): a product's `customer` (migration 0006) is looked up by an index of its own,
// with the newest first when nothing is typed (main/db/repositories/product-customer-search.ts).
export const migration0008 = sqlMigration(
  8,
  'product-customers',
  `CREATE INDEX products_customer ON products (customer, updated_at)`,
);
