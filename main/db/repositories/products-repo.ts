import type { LibraryAfter, LibraryPage, Product } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { productKey } from '../../../shared/libraries';
import type { Db } from '../connection';
import { SEARCH_CAP, browsePage, keysetStatements, loadByIds, searchPage } from './library-page';
import { productSearchSteps } from './product-search-steps';
import { createNameIndex } from './name-index';

/** A row of the products table as SQLite returns it; core sees a Product. */
export interface ProductRow {
  id: string;
  key: string;
  customer: string;
  code_ts: string;
  g_name: string;
  exg_no: string;
  initials: string;
  data: string;
  learned: 0 | 1;
  learned_from: string;
  learned_at: string | null;
  use_count: number;
  created_at: string;
  updated_at: string;
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    customer: row.customer,
    fields: JSON.parse(row.data) as Row,
    learned: row.learned === 1,
    learnedFrom: row.learned_from,
    learnedAt: row.learned_at,
    useCount: row.use_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The row a product is stored as: its key, the searched columns (商品编号, name, 货号) taken from its fields, and the
 * initials its name is found by.
 */
function rowOf(product: Product, initials: string): ProductRow {
  const f = product.fields;
  return {
    id: product.id,
    key: productKey({ customer: product.customer, fields: f }),
    customer: product.customer,
    code_ts: f.CodeTS ?? '',
    g_name: f.GName ?? '',
    exg_no: f.ExgNo ?? '',
    initials,
    data: JSON.stringify(f),
    learned: product.learned ? 1 : 0,
    learned_from: product.learnedFrom,
    learned_at: product.learnedAt,
    use_count: product.useCount,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
  };
}

const one = (row: ProductRow | undefined): Product | undefined => (row ? toProduct(row) : undefined);

const learnedParam = (learned: boolean | undefined): number => (learned === undefined ? -1 : learned ? 1 : 0);

const COLUMNS =
  'id, key, customer, code_ts, g_name, exg_no, initials, data, learned, learned_from, learned_at, use_count, created_at, updated_at';
const LEARNED = `(@learned < 0 OR learned = @learned)`;

/** A page of the library asked for: a search or the learned filter, and where the page starts (library-page.ts). */
export interface ProductPageQuery {
  query: string;
  learned?: boolean;
  offset: number;
  limit: number;
  after?: LibraryAfter;
}

/** The product library (migration 0006). */
export function createProductsRepo(db: Db) {
  const page = keysetStatements<{ learned: number }>(db, 'products', LEARNED);
  const stmt = {
    get: db.prepare<[string], ProductRow>(`SELECT ${COLUMNS} FROM products WHERE id = ?`),
    byKey: db.prepare<[string], ProductRow>(`SELECT ${COLUMNS} FROM products WHERE key = ?`),
    insert: db.prepare(
      `INSERT INTO products (${COLUMNS}) VALUES (@id, @key, @customer, @code_ts, @g_name, @exg_no, @initials, @data, @learned, @learned_from, @learned_at, @use_count, @created_at, @updated_at)`,
    ),
    update:
      db.prepare(`UPDATE products SET key = @key, customer = @customer, code_ts = @code_ts, g_name = @g_name, exg_no = @exg_no, initials = @initials, data = @data,
      learned = @learned, learned_from = @learned_from, learned_at = @learned_at, use_count = @use_count, updated_at = @updated_at WHERE id = @id`),
    used: db.prepare(`UPDATE products SET use_count = use_count + 1 WHERE id = ?`),
    remove: db.prepare(`DELETE FROM products WHERE id = ?`),
    byCode: db.prepare<{ learned: number; from: string; to: string; limit: number }, { id: string; code_ts: string }>(
      `SELECT id, code_ts FROM products WHERE code_ts >= @from AND code_ts < @to AND ${LEARNED} ORDER BY code_ts, use_count DESC LIMIT @limit`,
    ),
    byExgNo: db.prepare<{ learned: number; from: string; to: string; limit: number }, { id: string; exg_no: string }>(
      `SELECT id, exg_no FROM products WHERE exg_no >= @from AND exg_no < @to AND ${LEARNED} ORDER BY exg_no LIMIT @limit`,
    ),
    byInitials: db.prepare<{ learned: number; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM products WHERE initials >= @from AND initials < @to AND ${LEARNED} ORDER BY initials, use_count DESC LIMIT @limit`,
    ),
    byName: db.prepare<{ learned: number; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM products WHERE g_name >= @from AND g_name < @to AND ${LEARNED} ORDER BY g_name, use_count DESC LIMIT @limit`,
    ),
    // Name text anywhere: the phrase of the query's grams in the name index (migration 0007).
    contains: db.prepare<{ learned: number; phrase: string; limit: number }, { id: string }>(
      `SELECT products.id FROM product_names JOIN products ON products.seq = product_names.rowid WHERE product_names MATCH @phrase AND ${LEARNED} LIMIT @limit`,
    ),
    all: db.prepare<[], ProductRow>(`SELECT ${COLUMNS} FROM products ORDER BY code_ts, g_name, id`),
  };

  const names = createNameIndex(db, 'products');

  const load = loadByIds(stmt.get, toProduct);

  /** The ids `search` finds, best first. */
  function ranked(query: string, options: { limit: number; learned?: boolean }): string[] {
    const learned = learnedParam(options.learned);
    const { limit } = options;
    if (query.trim() === '') return page.recent.all({ learned, limit, offset: 0 }).map((r) => r.id);
    return productSearchSteps(query, limit, { learned }, stmt, (q) => names.phrase(q));
  }

  return {
    get: (id: string): Product | undefined => one(stmt.get.get(id)),
    byKey: (key: string): Product | undefined => one(stmt.byKey.get(key)),
    insert(product: Product, initials: string): void {
      const row = rowOf(product, initials);
      stmt.insert.run(row);
      names.set(row.id, row.g_name);
    },
    /** Writes everything but createdAt, which stays as it was. */
    update(product: Product, initials: string): void {
      const { created_at: _created, ...row } = rowOf(product, initials);
      stmt.update.run(row);
      names.set(row.id, row.g_name);
    },
    used: (id: string): boolean => stmt.used.run(id).changes === 1,
    remove(id: string): boolean {
      names.remove(id);
      return stmt.remove.run(id).changes === 1;
    },
    all: (): Product[] => stmt.all.all().map(toProduct),

    /**
     * Products for a picker: 商品编号 or 货号 (exact, then prefix), pinyin initials of the name,
     * name prefix, name text anywhere; the most used first among equals; the newest when nothing is typed.
     */
    search(query: string, options: { limit: number; learned?: boolean }): Product[] {
      return load(ranked(query, options));
    },

    /**
     * A page of the library: the newest first, from `after` (the last row of the page before) or
     * `offset`; or a page of a search's best matches. See library-page.ts.
     */
    list(input: ProductPageQuery): LibraryPage<Product> {
      const learned = learnedParam(input.learned);
      if (input.query.trim() !== '')
        return searchPage(
          ranked(input.query, {
            limit: SEARCH_CAP + 1,
            ...(input.learned === undefined ? {} : { learned: input.learned }),
          }),
          input,
          load,
        );
      return browsePage(page, { learned }, input, load);
    },
  };
}

export type ProductsRepo = ReturnType<typeof createProductsRepo>;
