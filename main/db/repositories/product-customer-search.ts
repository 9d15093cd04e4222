import type { Db } from '../connection';
import { createNameIndex } from './name-index';
import { productSearchSteps } from './product-search-steps';

/** At most this many identities of one customer (customs code, USCC, name). */
export const MAX_CUSTOMER_KEYS = 3;

// A product's customer is the 境内收发货人's customs code or name as it was keyed in, imported or
// learned (shared/libraries/product.ts); a declaration names its 境内收发货人 by customs code, USCC
// and name, so a product belongs to it when its customer is any of them. Unused slots are NULL,
// which equals nothing.
const OF_CUSTOMER = 'customer IN (@c1, @c2, @c3)';

/**
 * The product search's steps (products-repo.ts `search`, same ranks and order) over one
 * customer's products only, on the products (customer, updated_at) index (migration 0008):
 * the picker in a declaration lists that customer's products before everyone else's.
 */
export function createCustomerProductSearch(db: Db) {
  const stmt = {
    recent: db.prepare<{ c1: string | null; c2: string | null; c3: string | null; limit: number }, { id: string }>(
      `SELECT id FROM products WHERE ${OF_CUSTOMER} ORDER BY updated_at DESC, id LIMIT @limit`,
    ),
    byCode: db.prepare<
      { c1: string | null; c2: string | null; c3: string | null; from: string; to: string; limit: number },
      { id: string; code_ts: string }
    >(
      `SELECT id, code_ts FROM products WHERE ${OF_CUSTOMER} AND code_ts >= @from AND code_ts < @to ORDER BY code_ts, use_count DESC LIMIT @limit`,
    ),
    byExgNo: db.prepare<
      { c1: string | null; c2: string | null; c3: string | null; from: string; to: string; limit: number },
      { id: string; exg_no: string }
    >(
      `SELECT id, exg_no FROM products WHERE ${OF_CUSTOMER} AND exg_no >= @from AND exg_no < @to ORDER BY exg_no LIMIT @limit`,
    ),
    byInitials: db.prepare<
      { c1: string | null; c2: string | null; c3: string | null; from: string; to: string; limit: number },
      { id: string }
    >(
      `SELECT id FROM products WHERE ${OF_CUSTOMER} AND initials >= @from AND initials < @to ORDER BY initials, use_count DESC LIMIT @limit`,
    ),
    byName: db.prepare<
      { c1: string | null; c2: string | null; c3: string | null; from: string; to: string; limit: number },
      { id: string }
    >(
      `SELECT id FROM products WHERE ${OF_CUSTOMER} AND g_name >= @from AND g_name < @to ORDER BY g_name, use_count DESC LIMIT @limit`,
    ),
    contains: db.prepare<
      { c1: string | null; c2: string | null; c3: string | null; phrase: string; limit: number },
      { id: string }
    >(
      `SELECT products.id FROM product_names JOIN products ON products.seq = product_names.rowid WHERE product_names MATCH @phrase AND ${OF_CUSTOMER} LIMIT @limit`,
    ),
  };
  const names = createNameIndex(db, 'products');

  return {
    /** The ids of the customer's products matching `query`, best first; none when `customers` names nobody. */
    search(query: string, customers: readonly string[], limit: number): string[] {
      const keys = [...new Set(customers.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, MAX_CUSTOMER_KEYS);
      if (keys.length === 0) return [];
      const who = { c1: keys[0] ?? null, c2: keys[1] ?? null, c3: keys[2] ?? null };
      if (query.trim() === '') return stmt.recent.all({ ...who, limit }).map((r) => r.id);
      return productSearchSteps(query, limit, who, stmt, (q) => names.phrase(q));
    },
  };
}

export type CustomerProductSearch = ReturnType<typeof createCustomerProductSearch>;
