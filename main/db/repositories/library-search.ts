/**
 * Search steps shared by the party and product libraries, in the code tables' order of ranks
 * (main/core/code-tables/store.ts): exact code, code prefix, pinyin-initials prefix, name prefix,
 * then name text anywhere. Each step is a range on an index — the last on the name-gram index
 * (name-index.ts), for queries of two characters or more — and runs only when the earlier steps
 * found fewer than the limit.
 */
export interface RankedId {
  id: string;
  rank: number;
}

/** The end of a prefix range: every string that starts with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** Collects ids step by step, best rank first, each id once, up to `limit`. */
export function createCollector(limit: number) {
  const hits = new Map<string, number>();
  return {
    add(rows: ReadonlyArray<{ id: string }>, rank: number): void {
      for (const r of rows) if (!hits.has(r.id) && hits.size < limit) hits.set(r.id, rank);
    },
    full: (): boolean => hits.size >= limit,
    size: (): number => hits.size,
    ids: (): RankedId[] => [...hits].map(([id, rank]) => ({ id, rank })).sort((a, b) => a.rank - b.rank),
  };
}

/** Whether a query can be pinyin initials (ybmy, a letter then letters or digits). */
export function isInitials(query: string): boolean {
  return /^[a-z][a-z0-9]*$/i.test(query);
}
