import type { Migration } from '../migrate';

// The product picker in a declaration lists the products of its 境内收发货人 first (repeat
// shipments): a product's `customer` (migration 0006) is looked up by an index of its own,
// with the newest first when nothing is typed (main/db/repositories/product-customer-search.ts).
export const migration0008: Migration = {
  version: 8,
  name: 'product-customers',
  up(db) {
    db.exec(`CREATE INDEX products_customer ON products (customer, updated_at)`);
  },
};
