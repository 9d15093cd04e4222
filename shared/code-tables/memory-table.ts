import type { CodeRow } from './normalize';
import { aliasesOf, compareNearness, isChineseText, nearestName, type NameNearness, type SearchHit } from './search';

interface Entry {
  row: CodeRow;
  code: string;
  initials: string;
  zh: string;
  en: string;
  /** The English name lower-cased, for matching what was typed in any case. */
  enLower: string;
  /** The row's search aliases (search.ts aliasesOf), lower-cased. */
  aliases: string[];
}

/**
 * One code table held in memory for lookups and pickers: rows by code, and sorted indexes for the
 * picker's steps (code prefix, pinyin-initials prefix, Chinese or English name prefix; then name
 * text anywhere, a scan that stops at the limit). A built-in table is read from its file into one
 * of these on first use; an imported or received table from SQLite. Rows carry their `initials`.
 */
export interface MemoryTable {
  readonly size: number;
  get(code: string): CodeRow | undefined;
  /** Every row in code order, each with its `initials`. */
  rows(): readonly CodeRow[];
  search(query: string, limit: number): SearchHit[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The index of the first entry whose key is ≥ `prefix` in entries sorted by key. */
function lowerBound(sorted: readonly Entry[], key: (e: Entry) => string, prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid] as Entry) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createMemoryTable(rows: readonly CodeRow[]): MemoryTable {
  const entries: Entry[] = rows.map((row) => {
    const en = row.name_en ?? '';
    return {
      row,
      code: row.code ?? '',
      initials: row.initials ?? '',
      zh: row.name_zh ?? '',
      en,
      enLower: en.toLowerCase(),
      aliases: aliasesOf(row).map((alias) => alias.toLowerCase()),
    };
  });
  entries.sort((a, b) => compare(a.code, b.code));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  // Few tables have aliases (包装种类): they are scanned, not indexed.
  const aliased = entries.filter((e) => e.aliases.length > 0);
  // The other orders are built when a search first needs them: most tables are only looked up.
  let byInitials: Entry[] | null = null;
  let byZh: Entry[] | null = null;
  let byEn: Entry[] | null = null;

  function withPrefix(
    sorted: readonly Entry[],
    key: (e: Entry) => string,
    prefix: string,
    take: (e: Entry) => boolean,
  ): void {
    for (let i = lowerBound(sorted, key, prefix); i < sorted.length; i++) {
      const e = sorted[i] as Entry;
      if (!key(e).startsWith(prefix) || !take(e)) return;
    }
  }

  return {
    size: entries.length,
    get: (code) => byCode.get(code)?.row,
    rows: () => entries.map((e) => e.row),

    /**
     * Exact code, code prefix, pinyin-initials prefix, then Chinese or English name text; best
     * matches first (ranks as shared/code-tables/search.ts gives them). Digits are a code being typed:
     * no name step. Chinese text cannot be in an English name.
     */
    search(query, limit) {
      const q = query.trim();
      const hits = new Map<string, SearchHit>();
      const upper = q.toUpperCase();
      const add = (e: Entry, rank: number): boolean => {
        if (!hits.has(e.code))
          hits.set(e.code, {
            code: e.code,
            name_zh: e.zh,
            name_en: e.en,
            rank: e.code === q || e.code === upper ? 0 : rank,
          });
        return hits.size < limit;
      };
      if (limit <= 0) return [];
      if (q === '') {
        for (const e of entries) if (!add(e, 4)) break;
        return [...hits.values()];
      }
      for (const prefix of new Set([q, upper]))
        withPrefix(
          entries,
          (e) => e.code,
          prefix,
          (e) => add(e, 1),
        );
      const initials = q.toLowerCase();
      if (/^[a-z][a-z0-9]*$/.test(initials) && hits.size < limit) {
        byInitials ??= [...entries].sort((a, b) => compare(a.initials, b.initials) || compare(a.code, b.code));
        withPrefix(
          byInitials,
          (e) => e.initials,
          initials,
          (e) => add(e, 2),
        );
      }
      const chinese = isChineseText(q);
      if (hits.size < limit && chinese) {
        // Every name holding the text is weighed, not the first ones in code order: 苹果干 (0813) and 鲜苹果 (0808)
        // both hold 苹果, and the nearest must come first wherever it sorts. A scan of the tariff's 12,000 names.
        const named: Array<{ e: Entry; near: NameNearness }> = [];
        for (const e of entries) {
          // Most names do not hold the text: they are passed over before anything is weighed or made.
          if (hits.has(e.code) || !(e.zh.includes(q) || e.aliases.some((a) => a.includes(q)))) continue;
          const near = nearestName([e.zh, ...e.aliases], q);
          if (near) named.push({ e, near });
        }
        named.sort((a, b) => compareNearness(a.near, b.near) || compare(a.e.code, b.e.code));
        for (const { e, near } of named) if (!add(e, near.rank)) break;
      } else if (hits.size < limit && !/^\d+$/.test(q)) {
        const lower = q.toLowerCase();
        byZh ??= [...entries].sort((a, b) => compare(a.zh, b.zh));
        withPrefix(
          byZh,
          (e) => e.zh,
          q,
          (e) => add(e, 3),
        );
        if (hits.size < limit) {
          byEn ??= [...entries].sort((a, b) => compare(a.enLower, b.enLower));
          withPrefix(
            byEn,
            (e) => e.enLower,
            lower,
            (e) => add(e, 3),
          );
        }
        for (const e of aliased) if (hits.size < limit && e.aliases.some((a) => a.startsWith(lower))) add(e, 3);
        for (const e of entries) {
          if (hits.size >= limit) break;
          const holds = e.zh.includes(q) || e.enLower.includes(lower) || e.aliases.some((a) => a.includes(lower));
          if (!hits.has(e.code) && holds) add(e, 4);
        }
      }
      // Among names that start with what was typed, the shortest is the nearest, and Enter picks the first: "United
      // States" is the United States of America, not its Minor Outlying Islands, which sorts before it by letter.
      const named = (h: SearchHit) => {
        const e = byCode.get(h.code);
        const names = e
          ? [e.zh, e.enLower, ...e.aliases].filter((n) => n.startsWith(q) || n.startsWith(q.toLowerCase()))
          : [];
        return Math.min(...names.map((n) => n.length));
      };
      // Chinese names come in the order weighed above (a stable sort keeps it).
      return [...hits.values()].sort((a, b) => a.rank - b.rank || (a.rank === 3 && !chinese ? named(a) - named(b) : 0));
    },
  };
}
