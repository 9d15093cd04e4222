import { v7 as uuidv7 } from 'uuid';
import type { ApiIssue, LibraryPage, Product, ProductCustomer } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { DocumentCatalog, Row } from '../../../shared/catalog';
import type { LineProblem } from '../../../shared/interchange/lines';
import type { ProductInput } from '../../../shared/libraries';
import { checkProductRows, normalizeProduct, productKey } from '../../../shared/libraries';
import type { CodeLookup } from '../../../shared/validation';
import { chinaDate } from '../../../shared/validation';
import { createCustomerProductSearch } from '../../db/repositories/product-customer-search';
import type { ProductPageQuery, ProductsRepo } from '../../db/repositories/products-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { refuseAfterWithSearch } from './library-paging';

export interface ProductWrite {
  input: ProductInput;
  initials: string;
  learned?: { from: string; at: string };
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
    repo.insert(
      {
        id: uuidv7(),
        customer: write.input.customer,
        fields: write.input.fields,
        learned: write.learned !== undefined,
        learnedFrom: write.learned?.from ?? '',
        learnedAt: write.learned?.at ?? null,
        useCount: write.learned ? 1 : 0,
        createdAt: at,
        updatedAt: at,
      },
      write.initials,
    );
    return 'added';
  }
  const fields = mergeFields(existing.fields, write.input.fields);
  repo.update(
    {
      ...existing,
      customer: write.input.customer,
      fields,
      learned: write.learned ? true : existing.learned,
      learnedFrom: write.learned?.from ?? existing.learnedFrom,
      learnedAt: write.learned?.at ?? existing.learnedAt,
      useCount: existing.useCount + (write.learned ? 1 : 0),
      updatedAt: at,
    },
    fields.GName === write.input.fields.GName ? write.initials : pinyinInitials(fields.GName ?? ''),
  );
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
      const initials = pinyinInitials(values.fields.GName ?? '');
      if (input.id) {
        const existing = repo.get(input.id);
        if (!existing) throw new AppError('libraries.product-not-found', { id: input.id });
        refuseTaken(values, existing.id);
        const product: Product = { ...existing, customer: values.customer, fields: values.fields, updatedAt: at };
        repo.update(product, initials);
        changed();
        return product;
      }
      refuseTaken(values, null);
      const product: Product = {
        id: uuidv7(),
        customer: values.customer,
        fields: values.fields,
        learned: false,
        learnedFrom: '',
        learnedAt: null,
        useCount: 0,
        createdAt: at,
        updatedAt: at,
      };
      repo.insert(product, initials);
      changed();
      return product;
    },

    delete(ids: readonly string[]): { deleted: number } {
      const remove = ctx.db.transaction(() => ids.reduce((n, id) => n + (repo.remove(id) ? 1 : 0), 0));
      const deleted = remove();
      if (deleted > 0) changed();
      return { deleted };
    },

    used(id: string): { useCount: number } {
      if (!repo.used(id)) throw new AppError('libraries.product-not-found', { id });
      return { useCount: repo.get(id)?.useCount ?? 0 };
    },

    /**
     * The picker's products; with the declaration's 境内收发货人, that customer's products first, then the others, each in
     * the search's order.
     */
    search(input: { query: string; limit: number; customer?: ProductCustomer }): Product[] {
      const { customer } = input;
      const keys = customer ? [customer.code ?? '', customer.uscc ?? '', customer.name ?? ''] : [];
      const first = ofCustomer.search(input.query, keys, input.limit).flatMap((id) => {
        const product = repo.get(id);
        return product ? [product] : [];
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
    list(input: ProductPageQuery): LibraryPage<Product> {
      refuseAfterWithSearch(input);
      return repo.list(input);
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;
