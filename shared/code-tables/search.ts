import type { CodeRow } from './normalize';
import { codeValidity } from './validity';

/** A code-table row as pickers search it: `initials` are the pinyin initials of name_zh (一般贸易 → ybmy). */
export interface SearchHit {
  code: string;
  name_zh: string;
  name_en: string;
  /**
   * 0 exact code, 1 code prefix, 2 pinyin-initials prefix, 3 name prefix (a Chinese name: is, ends or begins with
   * the text, see chineseNameNearness), 4 name contains.
   */
  rank: number;
  /** Set when the code is not in force today (validity.ts): pickers list it after the codes that are, marked. */
  validity?: 'not-yet' | 'expired' | 'retired' | 'legacy';
}

/** How near a Chinese name is to the text typed: rank 3 or 4, then `place` and `extra`, lower first. */
export interface NameNearness {
  rank: 3 | 4;
  /** 0 the name is the text, 1 it ends with it, 2 it begins with it, 3 the text is inside. */
  place: number;
  /** The name's characters beyond the text. */
  extra: number;
}

/** What the tariff calls the rest of a heading: "其他冻藏的去骨牛肉" is the ordinary beef beside "…濒危野牛肉". */
const OTHER = '其他';

/**
 * How directly a Chinese name names what a broker typed, or null when it does not hold the text. A Chinese noun
 * phrase ends in the thing it names: 鲜苹果 is an apple, 苹果干 a dried thing and 苹果汁 a juice, so a name ending in
 * the text comes before one beginning with it, and among those the one with fewest other characters. A leading
 * 其他 costs nothing: the tariff's residual line is where the ordinary goods are.
 */
export function chineseNameNearness(name: string, text: string): NameNearness | null {
  if (!name.includes(text)) return null;
  const rest = name.startsWith(OTHER) ? name.slice(OTHER.length) : name;
  const core = rest.includes(text) ? rest : name;
  const place = core === text ? 0 : core.endsWith(text) ? 1 : core.startsWith(text) ? 2 : 3;
  return { rank: place < 3 ? 3 : 4, place, extra: core.length - text.length };
}

/** Orders name matches: the nearer first (chineseNameNearness), then by code. */
export function compareNearness(a: NameNearness, b: NameNearness): number {
  return a.rank - b.rank || a.place - b.place || a.extra - b.extra;
}

/**
 * A row's search aliases: other words a picker finds its code by (the built-in 包装种类's former official names 纸箱,
 * 托盘 and the English words brokers say, resources/SOURCES.md), `;` between them in the `aliases` column.
 */
export function aliasesOf(row: Readonly<CodeRow>): string[] {
  return (row.aliases ?? '')
    .split(';')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
}

/** The nearest of a row's Chinese name and its aliases to the text typed (chineseNameNearness), or null. */
export function nearestName(names: readonly string[], text: string): NameNearness | null {
  let best: NameNearness | null = null;
  for (const name of names) {
    const near = chineseNameNearness(name, text);
    if (near && (!best || compareNearness(near, best) < 0)) best = near;
  }
  return best;
}

/** Whether the text typed holds Chinese: it is then searched in the Chinese names only. */
export const isChineseText = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

/** How well `row` matches what a broker typed; null when it does not. The same ranks as the memory table's search. */
export function matchRank(row: Readonly<CodeRow>, query: string): number | null {
  const q = query.trim();
  if (q === '') return 4;
  const code = row.code ?? '';
  const upper = q.toUpperCase();
  if (code === q || code === upper) return 0;
  if (code.startsWith(q) || code.startsWith(upper)) return 1;
  const lower = q.toLowerCase();
  if ((row.initials ?? '').startsWith(lower)) return 2;
  const zh = row.name_zh ?? '';
  const aliases = aliasesOf(row).map((alias) => alias.toLowerCase());
  if (isChineseText(q)) return nearestName([zh, ...aliases], q)?.rank ?? null;
  const names = [zh, (row.name_en ?? '').toLowerCase(), ...aliases];
  if (names.some((name) => name.startsWith(q) || name.startsWith(lower))) return 3;
  if (names.some((name) => name.includes(q) || name.includes(lower))) return 4;
  return null;
}

/** Searches rows in memory: best rank first, then by code. For the small tables a renderer holds whole. */
export function searchRows(rows: Iterable<Readonly<CodeRow>>, query: string, limit = 20): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const rank = matchRank(row, query);
    if (rank !== null)
      hits.push({ code: row.code ?? '', name_zh: row.name_zh ?? '', name_en: row.name_en ?? '', rank });
  }
  hits.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return hits.slice(0, limit);
}

/**
 * A picker's hits with the codes not in force on `today` (yyyyMMdd, China time) marked and listed after those that
 * are — except the code typed exactly, which stays first so Enter picks what the broker typed. Main's search and
 * the renderer's search of the small tables it holds order them so.
 */
export function orderByValidity(
  found: readonly SearchHit[],
  rowOf: (code: string) => Readonly<CodeRow> | null | undefined,
  today: string,
): SearchHit[] {
  const hits = found.map((hit): SearchHit => {
    const row = rowOf(hit.code);
    const validity = row ? codeValidity(row, today) : null;
    return validity && validity.state !== 'current' ? { ...hit, validity: validity.state } : hit;
  });
  const order = (hit: SearchHit) => (hit.rank === 0 ? 0 : hit.validity ? 2 : 1);
  return hits
    .map((hit, i) => ({ hit, i }))
    .sort((a, b) => order(a.hit) - order(b.hit) || a.i - b.i)
    .map(({ hit }) => hit);
}
