import { describe, expect, it } from 'vitest';
import { databasesPerTest, upgradeTo } from '../../../test-support/main/migration-db';
import { createCustomerProductSearch } from '../repositories/product-customer-search';
import { migration0008 } from './0008-product-customers';

describe('migration 0008 product customers', () => {
  const open = databasesPerTest();

  it('indexes the products already here by customer, so one customer’s products are found without reading the others', () => {
    const db = open(7);
    db.prepare(
      `INSERT INTO products (id, key, customer, code_ts, g_name, data, created_at, updated_at) VALUES ('p1', 'k1', '3101230456', '0808100000', '鲜苹果', '{}', 't1', 't1')`,
    ).run();
    db.prepare(
      `INSERT INTO products (id, key, customer, code_ts, g_name, data, created_at, updated_at) VALUES ('p2', 'k2', '', '0808100000', '鲜苹果', '{}', 't1', 't1')`,
    ).run();
    upgradeTo(db, migration0008);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM products WHERE customer IN (?, ?, ?) ORDER BY updated_at DESC LIMIT 20`,
      )
      .all('3101230456', null, null) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toContain('products_customer');
    expect(createCustomerProductSearch(db).search('', ['3101230456'], 20)).toEqual(['p1']);
  });
});
