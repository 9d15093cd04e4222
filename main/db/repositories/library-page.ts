import type { LibraryAfter, LibraryPage } from '../../../shared/api';
import type { Db } from '../connection';

/**
 * Paging the party and product libraries (parties.list, products.list).
 *
 * Without a search a page is read off the updated_at index, newest first, ties (an import writes
 * all its rows at one time) by rowid, newest first: that order is the index's own, so no sort.
 * The next page starts after the last row shown (a keyset: the rows at its time with a smaller
 * rowid, then the older times), as quick 500,000 rows deep as on page 1 — an OFFSET walks every
 * row it skips. The main database is never VACUUMed in place (backups are VACUUM INTO a copy), so
 * rowids stay put.
 *
 * A search ranks its matches in steps (library-search.ts), so its pages are slices of the first
 * SEARCH_CAP matches.
 */

/** How far a library is counted (as declaration-list-query.ts does): beyond it "more than". */
export const COUNT_CAP = 100_000;
/** How many matches of a search are ranked and paged; a broader search says "more than" and asks for more letters. */
export const SEARCH_CAP = 1000;

/** Counts the rows `where` admits, up to COUNT_CAP + 1. */
function cappedCountSql(table: 'products' | 'parties', where: string): string {
  return `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${where} LIMIT ${COUNT_CAP + 1})`;
}

/** The statements of a keyset page, with `where` (the filter) checked row by row. */
function keysetSql(table: 'products' | 'parties', where: string) {
  const columns = `rowid AS row, id, updated_at`;
  const order = `ORDER BY updated_at DESC, rowid DESC`;
  return {
    first: `SELECT ${columns} FROM ${table} WHERE ${where} ${order} LIMIT @limit OFFSET @offset`,
    // Two index ranges (SQLite does not seek on the pair (updated_at, rowid) < (a, b) as one):
    // the rest of the last row's time, then the older times.
    after: `SELECT row, id, updated_at FROM (
        SELECT * FROM (SELECT ${columns} FROM ${table} WHERE updated_at = @updatedAt AND rowid < @row AND ${where} ORDER BY rowid DESC LIMIT @limit)
        UNION ALL
        SELECT * FROM (SELECT ${columns} FROM ${table} WHERE updated_at < @updatedAt AND ${where} ${order} LIMIT @limit)
      ) ORDER BY updated_at DESC, row DESC LIMIT @limit`,
  };
}

export interface KeyRow {
  row: number;
  id: string;
  updated_at: string;
}

/** A page from up to limit + 1 rows read (the extra one says there is a next page). */
function keysetPage<T>(
  rows: readonly KeyRow[],
  input: { offset: number; limit: number },
  count: number,
  load: (ids: string[]) => T[],
): LibraryPage<T> {
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  const after: LibraryAfter | undefined = last ? { updatedAt: last.updated_at, row: last.row } : undefined;
  return {
    items: load(shown.map((r) => r.id)),
    offset: input.offset,
    ...counted(count),
    next: rows.length > input.limit && after ? { offset: input.offset + shown.length, after } : null,
  };
}

/**
 * The statements that read a library newest first under a filter: `where`, whose named parameters are `F` (a role, a
 * learned flag); `recent` is also the picker's list when nothing is typed.
 */
export function keysetStatements<F extends object>(db: Db, table: 'products' | 'parties', where: string) {
  const keyset = keysetSql(table, where);
  return {
    count: db.prepare<[F], { n: number }>(cappedCountSql(table, where)),
    recent: db.prepare<[F & { limit: number; offset: number }], KeyRow>(keyset.first),
    after: db.prepare<[F & { limit: number } & LibraryAfter], KeyRow>(keyset.after),
  };
}

export type KeysetStatements<F extends object> = ReturnType<typeof keysetStatements<F>>;

/** A page of the library newest first under `filter`: from `after` (the last row of the page before) or `offset`. */
export function browsePage<F extends object, T>(
  statements: KeysetStatements<F>,
  filter: F,
  input: { offset: number; limit: number; after?: LibraryAfter },
  load: (ids: string[]) => T[],
): LibraryPage<T> {
  const limit = input.limit + 1;
  const rows = input.after
    ? statements.after.all({ ...filter, limit, ...input.after })
    : statements.recent.all({ ...filter, limit, offset: input.offset });
  return keysetPage(rows, input, statements.count.get(filter)?.n ?? 0, load);
}

/** The records of `ids`, in their order, read one by one; an id whose row is gone meanwhile is skipped. */
export function loadByIds<Row, T>(
  get: { get(id: string): Row | undefined },
  toRecord: (row: Row) => T,
): (ids: readonly string[]) => T[] {
  return (ids) =>
    ids.flatMap((id) => {
      const row = get.get(id);
      return row ? [toRecord(row)] : [];
    });
}

/** A page of a search's ranked matches (up to SEARCH_CAP + 1 ids). */
export function searchPage<T>(
  ids: readonly string[],
  input: { offset: number; limit: number },
  load: (ids: string[]) => T[],
): LibraryPage<T> {
  const ranked = ids.slice(0, SEARCH_CAP);
  const end = Math.min(input.offset + input.limit, ranked.length);
  return {
    items: load(ranked.slice(input.offset, end)),
    offset: input.offset,
    total: ranked.length,
    totalExact: ids.length <= SEARCH_CAP,
    next: end < ranked.length ? { offset: end } : null,
  };
}

function counted(n: number): { total: number; totalExact: boolean } {
  return n > COUNT_CAP ? { total: COUNT_CAP, totalExact: false } : { total: n, totalExact: true };
}
