import { createCollector, isInitials, prefixEnd } from './library-search';

type Range = { from: string; to: string; limit: number };

/** A prepared statement as the steps use it (better-sqlite3's Statement.all with named parameters). */
interface Step<P, R> {
  all(params: P): R[];
}

/** The product search's statements over some products: all, the learned ones, one customer's. `P` narrows each. */
export interface ProductSearchStatements<P> {
  byCode: Step<P & Range, { id: string; code_ts: string }>;
  byExgNo: Step<P & Range, { id: string; exg_no: string }>;
  byInitials: Step<P & Range, { id: string }>;
  byName: Step<P & Range, { id: string }>;
  contains: Step<P & { phrase: string; limit: number }, { id: string }>;
}

/**
 * The product search's steps, best rank first (library-search.ts): exact 商品编号 or 料号, their
 * prefixes, pinyin initials, name prefix, then name text anywhere (`phrase` from the name-gram
 * index, null below two characters). One sequence for the library screen and the customer-first
 * picker, so both rank alike. Returns ids.
 */
export function productSearchSteps<P extends object>(
  query: string,
  limit: number,
  narrow: P,
  stmt: ProductSearchStatements<P>,
  phrase: (q: string) => string | null,
): string[] {
  const q = query.trim();
  const found = createCollector(limit);
  const range = (prefix: string): P & Range => ({ ...narrow, from: prefix, to: prefixEnd(prefix), limit });
  if (/^\d+$/.test(q)) {
    const codes = stmt.byCode.all(range(q));
    found.add(
      codes.filter((r) => r.code_ts === q),
      0,
    );
    found.add(codes, 1);
  }
  if (!found.full() && /^[0-9A-Za-z._/-]+$/.test(q)) {
    for (const prefix of new Set([q, q.toUpperCase()])) {
      const parts = stmt.byExgNo.all(range(prefix));
      found.add(
        parts.filter((r) => r.exg_no === prefix),
        0,
      );
      found.add(parts, 1);
    }
  }
  if (!found.full() && isInitials(q)) found.add(stmt.byInitials.all(range(q.toLowerCase())), 2);
  if (!found.full() && !/^\d+$/.test(q)) {
    found.add(stmt.byName.all(range(q)), 3);
    const words = phrase(q);
    if (!found.full() && words) found.add(stmt.contains.all({ ...narrow, phrase: words, limit }), 4);
  }
  return found.ids().map((h) => h.id);
}
