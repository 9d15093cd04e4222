import { v7 as uuidv7 } from 'uuid';
import type { ApiIssue, LibraryAfter, LibraryPage, Product, ProductCustomer } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DocumentCatalog, Row } from '../../../shared/catalog';
import type { LineProblem } from '../../../shared/interchange/lines';
import type { ProductInput } from '../../../shared/libraries';
import { checkProductRows, normalizeProduct, productKey } from '../../../shared/libraries';
import type { CodeLookup } from '../../../shared/validation';
import { chinaDate } from '../../../shared/validation';
import { createCustomerProductSearch } from '../../db/repositories/product-customer-search';
import type { ProductRow, ProductsRepo } from '../../db/repositories/products-repo';
import { toProduct } from '../../db/repositories/products-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { refuseAfterWithSearch } from './library-paging';

export interface ProductWrite {
  input: ProductInput;
  initials: string;
  learned?: { from: string; at: string };
}

/** The columns of a product row from its values. */
export function productColumns(input: ProductInput, initials: string) {
  return {
    key: productKey(input),
    customer: input.customer,
    code_ts: input.fields.CodeTS ?? '',
    g_name: input.fields.GName ?? '',
    exg_no: input.fields.ExgNo ?? '',
    initials,
    data: JSON.stringify(input.fields),
  };
}

/** Values the incoming product leaves blank keep what the one here has. */
export function mergeFields(here: Row, incoming: Row): Row {
  return { ...here, ...Object.fromEntries(Object.entries(incoming).filter(([, v]) => v !== '')) };
}

/**
 * Adds a product or updates the one with the same key (inside the caller's transaction):
 * blank values keep what is there; a learned write marks it learned and counts the use.
 */
export function upsertProduct(repo: ProductsRepo, write: ProductWrite, at: string): 'added' | 'updated' {
  const key = productKey(write.input);
  const existing = repo.byKey(key);
  if (!existing) {
    repo.insert({
      id: uuidv7(),
      ...productColumns(write.input, write.initials),
      learned: write.learned ? 1 : 0,
      learned_from: write.learned?.from ?? '',
      learned_at: write.learned?.at ?? null,
      use_count: write.learned ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
    return 'added';
  }
  const fields = mergeFields(JSON.parse(existing.data) as Row, write.input.fields);
  const input = { customer: write.input.customer, fields };
  repo.update({
    ...existing,
    ...productColumns(
      input,
      fields.GName === write.input.fields.GName ? write.initials : pinyinInitials(fields.GName ?? ''),
    ),
    learned: write.learned ? 1 : existing.learned,
    learned_from: write.learned?.from ?? existing.learned_from,
    learned_at: write.learned?.at ?? existing.learned_at,
    use_count: existing.use_count + (write.learned ? 1 : 0),
    updated_at: at,
  });
  return 'updated';
}

/** The product library: add, change, remove and find products; a refusal names the field. */
export function createProductService(
  ctx: CoreContext,
  deps: { repo: ProductsRepo; catalog: DocumentCatalog; codes: () => CodeLookup },
) {
  const { repo, catalog } = deps;
  const changed = () => ctx.events.emit('libraries.changed', { kind: 'products' });
  const ofCustomer = createCustomerProductSearch(ctx.db);

  /** Value problems fail the save; a disagreement (a legal unit that is not the tariff's) does not. */
  function checked(raw: ProductInput): ProductInput {
    const input = normalizeProduct(raw);
    const problems: LineProblem[] = checkProductRows(catalog, [{ source: 1, input }], {
      mapping: { sheet: null, headerRow: 0, columns: [] },
      codes: deps.codes(),
      today: chinaDate(ctx.clock.now()),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const issues: ApiIssue[] = errors.map((p) =>
        reasonIssue(p.field === 'customer' ? 'customer' : `fields.${p.field ?? ''}`, 'libraries.product-problem', {
          problem: p.code,
          en: p.messageEn,
          zh: p.message,
        }),
      );
      throw new AppError('libraries.fields-invalid', { count: issues.length }, issues);
    }
    return input;
  }

  function refuseTaken(input: ProductInput, exceptId: string | null): void {
    const other = repo.byKey(productKey(input));
    if (other && other.id !== exceptId) {
      const params = { partNo: input.fields.ExgNo ?? '', customer: input.customer ?? '' };
      const path = input.fields.ExgNo ? 'fields.ExgNo' : 'fields.GName';
      throw new AppError('libraries.product-taken', params, [reasonIssue(path, 'libraries.product-taken', params)]);
    }
  }

  return {
    save(input: ProductInput & { id?: string }): Product {
      const values = checked(input);
      const at = isoAt(ctx.clock);
      const columns = productColumns(values, pinyinInitials(values.fields.GName ?? ''));
      if (input.id) {
        const existing = repo.get(input.id);
        if (!existing) throw new AppError('libraries.product-not-found', { id: input.id });
        refuseTaken(values, existing.id);
        const row: ProductRow = { ...existing, ...columns, updated_at: at };
        repo.update(row);
        changed();
        return toProduct(row);
      }
      refuseTaken(values, null);
      const row: ProductRow = {
        id: uuidv7(),
        ...columns,
        learned: 0,
        learned_from: '',
        learned_at: null,
        use_count: 0,
        created_at: at,
        updated_at: at,
      };
      repo.insert(row);
      changed();
      return toProduct(row);
    },

    delete(ids: readonly string[]): { deleted: number } {
      const remove = ctx.db.transaction(() => ids.reduce((n, id) => n + (repo.remove(id) ? 1 : 0), 0));
      const deleted = remove();
      if (deleted > 0) changed();
      return { deleted };
    },

    used(id: string): { useCount: number } {
      if (!repo.used(id)) throw new AppError('libraries.product-not-found', { id });
      return { useCount: repo.get(id)?.use_count ?? 0 };
    },

    /**
     * The picker's products; with the declaration's 境内收发货人, that customer's products first, then the others, each in
     * the search's order.
     */
    search(input: { query: string; limit: number; customer?: ProductCustomer }): Product[] {
      const { customer } = input;
      const keys = customer ? [customer.code ?? '', customer.uscc ?? '', customer.name ?? ''] : [];
      const first = ofCustomer.search(input.query, keys, input.limit).flatMap((id) => {
        const row = repo.get(id);
        return row ? [toProduct(row)] : [];
      });
      if (first.length >= input.limit) return first;
      const seen = new Set(first.map((p) => p.id));
      const others = repo.search(input.query, { limit: input.limit }).filter((p) => !seen.has(p.id));
      return [...first, ...others].slice(0, input.limit);
    },

    /**
     * A page of the library (see main/db/repositories/library-page.ts); `after` only pages the library without a
     * search.
     */
    list(input: {
      query: string;
      learned?: boolean;
      offset: number;
      limit: number;
      after?: LibraryAfter;
    }): LibraryPage<Product> {
      refuseAfterWithSearch(input);
      return repo.list(input);
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;
