import type { Line, PlacedRun } from './layout';
import { joinRuns, lineCells } from './layout';
import { asciiText } from './numbers';

/** What a goods table's column holds. `other` columns (marks, HS code, measurement) are kept out of the rest. */
export type ColumnKind =
  | 'itemNo'
  | 'description'
  | 'model'
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'amount'
  | 'origin'
  | 'packages'
  | 'netWeight'
  | 'grossWeight'
  | 'other';

/**
 * Header words per column, most specific first ("Unit Price" before "Unit", "Total N.W." before "Total"),
 * matched against the header cell lower-cased with spaces removed.
 */
const headerWords: readonly [ColumnKind, readonly string[]][] = [
  ['grossWeight', ['g.w', 'gw(', 'gw', 'grossweight', 'grosswt', '毛重']],
  ['netWeight', ['n.w', 'nw(', 'nw', 'netweight', 'netwt', '净重']],
  ['packages', ['ctns', 'cartons', 'packages', 'pkgs', 'package', '件数', '箱数', 'cartonqty']],
  ['unitPrice', ['unitprice', 'u/price', 'price', '单价']],
  ['amount', ['amount', 'totalvalue', 'total', 'value', '金额', '总价', '总额']],
  ['quantity', ['quantity', "q'ty", 'qty', '数量']],
  ['unit', ['unit', 'uom', '单位']],
  ['origin', ['origin', 'coo', '原产国', '原产地', '产地']],
  ['other', ['hscode', 'h.s.', 'hs', '税号', '商品编码', 'marks', '唛头', 'meas', 'cbm', '体积', 'remark', '备注']],
  ['model', ['model', 'type', 'spec', '型号', '规格']],
  ['itemNo', ['itemno', 'item', 'no.', 'no', 'art', 'partno', 'part', 'sku', 's/n', '序号', '项号', '货号', '编号']],
  [
    'description',
    ['description', 'descriptions', 'goods', 'commodity', 'product', 'name', '品名', '名称', '货物', '商品'],
  ],
];

/** The column kind a header cell names, or undefined when it names none. */
export function headerKind(text: string): ColumnKind | undefined {
  const t = asciiText(text).toLowerCase().replace(/\s+/g, '');
  if (t === '') return undefined;
  for (const [kind, words] of headerWords) {
    for (const w of words) {
      // Short Latin words ("no", "gw", "hs") only as the whole cell or before a bracket or dot:
      // "no" in "unknown" is no header.
      if (/^[a-z]{1,3}$/.test(w) ? new RegExp(`^${w}(?:[.(/:]|$)`).test(t) : t.includes(w)) return kind;
    }
  }
  return undefined;
}

/** The edits (a letter added, dropped or changed) that make one word the other, counted up to two. */
function edits(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: number, y: number) => (a.slice(i + x) === b.slice(i + y) ? 1 : 2);
  if (i === a.length && i === b.length) return 0;
  return Math.min(rest(1, 1), rest(1, 0), rest(0, 1));
}

const latinWords = headerWords.flatMap(([kind, words]) =>
  words.filter((w) => /^[a-z]{4,}$/.test(w)).map((w) => ({ kind, w })),
);

/**
 * The column a header cell names with one letter misread, added or lost ("CTINS", "CINS" for "CTNS"), for a cell
 * of a line that is a header by its other cells: an OCR engine misreads a short all-capital word now and then.
 * Only Latin words of four letters or more, as the whole cell: a shorter one is too like other words.
 */
function nearKind(text: string): ColumnKind | undefined {
  const t = asciiText(text)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (t.length < 4) return undefined;
  return latinWords.find(({ w }) => edits(t, w) === 1)?.kind;
}

/** A column of a goods table: its kind and where it lies across the page (points). */
export interface Column {
  kind: ColumnKind;
  left: number;
  right: number;
  /** The header text, which may carry a currency or unit ("Amount (USD)", "N.W. (KGS)"). */
  header: string;
}

/** A header row found: its columns with their x-ranges, the lines it took. */
export interface Header {
  columns: Column[];
  lines: Line[];
}

const rowKinds: ReadonlySet<ColumnKind> = new Set([
  'quantity',
  'amount',
  'unitPrice',
  'packages',
  'netWeight',
  'grossWeight',
]);

const sameColumn = (a: ColumnKind | undefined, b: ColumnKind | undefined) =>
  a === b || (a === 'unit' && b === 'unitPrice') || (a === 'unitPrice' && b === 'unit');

/** How wide a character is set, in ems: an ideograph is square, Latin letters, digits and marks about half. */
const charWidth = (c: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 1 : c === ' ' ? 0.35 : 0.55);

/** The part of a run from character `from` to `to`, its place along the run estimated by the characters' widths. */
function partOf(run: PlacedRun, from: number, to: number): PlacedRun {
  const chars = [...run.text];
  const width = (a: number, b: number) => chars.slice(a, b).reduce((s, c) => s + charWidth(c), 0);
  const all = width(0, chars.length) || 1;
  const start = width(0, from) / all;
  const end = width(0, to) / all;
  const span = run.right - run.left;
  const text = chars.slice(from, to).join('');
  const box = { ...run.box, x: run.box.x + run.box.w * start, w: run.box.w * (end - start) };
  return { ...run, text: text.trim(), box, left: run.left + span * start, right: run.left + span * end };
}

/** The Chinese header words: one may start inside a run of ideographs that OCR read without a space ("件数净重"). */
const chineseWords = headerWords.flatMap(([, words]) => words.filter((w) => /^[\u3400-\u9fff]/.test(w)));

/**
 * Where a run of header text may part between two columns' headers (indices of characters): where a Chinese header
 * word starts, after a space, a quote mark or other characters, and where a Latin word follows a bracketed currency
 * or unit ("Amount (USD) Origin").
 */
function cutsOf(chars: readonly string[]): number[] {
  const text = chars.join('');
  const cuts = new Set<number>();
  for (const w of chineseWords)
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
      if (at > 0) cuts.add([...text.slice(0, at)].length);
  for (const m of text.matchAll(/\)\s+(?=[A-Za-z])/g))
    cuts.add([...text.slice(0, (m.index ?? 0) + m[0].length)].length);
  return [...cuts].sort((a, b) => a - b);
}

/**
 * A run naming the headers of several columns, split into one run per column. An OCR engine reading a page as
 * one block joins header cells set closer than its word gap ("数量 Q'ty 单价 (CNY) Unit Price (CNY) 金额 (CNY)",
 * "件数净重 (千克) N.W，毛重 (千克) G.W."): the run is parted where a Chinese header word starts after another
 * column's header, or where a Latin one follows another's bracketed currency or unit ("Amount (USD) Origin"). A
 * header of two words of one column ("Unit Price", "Total N.W.", "单价 (USD) Unit Price") is never parted: a part
 * naming no column, or the same column as the part before it, stays with that part.
 */
function splitRun(run: PlacedRun): PlacedRun[] {
  const chars = [...run.text];
  const ends = [...cutsOf(chars), chars.length];
  const groups: { start: number; end: number; kind: ColumnKind | undefined }[] = [];
  let start = 0;
  for (const end of ends) {
    const kind = headerKind(chars.slice(start, end).join(''));
    const last = groups[groups.length - 1];
    if (last && (kind === undefined || last.kind === undefined || sameColumn(last.kind, kind))) {
      last.end = end;
      last.kind ??= kind;
    } else groups.push({ start, end, kind });
    start = end;
  }
  return groups.length < 2 ? [run] : groups.map((g) => partOf(run, g.start, g.end));
}

/** A cell's runs, parted where a run of it names the headers of several columns. */
function splitCell(cell: readonly PlacedRun[]): PlacedRun[][] {
  const out: PlacedRun[][] = [[]];
  for (const run of cell)
    splitRun(run).forEach((part, i) => {
      if (i > 0) out.push([]);
      out[out.length - 1]?.push(part);
    });
  return out;
}

/**
 * A header line's cells: runs set apart by more than a space, then neighbours joined where they are one
 * header set as words — a word naming no column ("Description" "of" "Goods"), two words naming the same
 * column ("Total" "Amount"), "Unit" before "Price". Two words naming different columns stay apart ("数量" "单位").
 */
function headerCells(line: Line): PlacedRun[][] {
  const out: PlacedRun[][] = [];
  for (const cell of lineCells(line).flatMap(splitCell)) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1];
    const first = cell[0];
    const gap = prev && last && first ? (first.left - last.right) / Math.min(last.height, first.height) : Infinity;
    if (prev && gap < 2) {
      const a = headerKind(joinRuns(prev));
      const b = headerKind(joinRuns(cell));
      // An unnamed word only a space away: an annotation such as "(CNY)" further off heads a column of its own,
      // unless it is the bracketed unit or currency of the header before it ("N.W. (KGS)", "Price (USD)") as an
      // OCR engine boxes it, a word's ink a little lower than the space between the words. A weight's unit or a
      // currency code in brackets names no column of its own: it belongs to its header up to two box heights off,
      // where a monospaced print's space is set wider than the short ink of "N.W." (1.3 box heights in a scan).
      const bracketed = joinRuns(cell);
      const annotation =
        a !== undefined &&
        b === undefined &&
        /^\(.*\)$/.test(bracketed) &&
        (gap < 1 || /^\((?:kgs?|lbs?|千克|公斤|[a-z]{3})\)$/i.test(bracketed.replace(/\s+/g, '')));
      if (gap >= 1 && !annotation) {
        out.push([...cell]);
        continue;
      }
      if (
        ((a === undefined || b === undefined) && gap < 0.6) ||
        a === b ||
        (a === 'unit' && b === 'unitPrice') ||
        annotation
      ) {
        prev.push(...cell);
        continue;
      }
    }
    out.push([...cell]);
  }
  return out;
}

interface HeaderCell {
  /** The cell's runs on each of the header's lines (a run split off a longer one is in no line's runs). */
  byLine: PlacedRun[][];
  left: number;
  right: number;
}

function cellsOf(lines: readonly Line[]): HeaderCell[] {
  const cells = lines.flatMap((l, at) =>
    headerCells(l).map((runs) => ({
      byLine: lines.map((_, i) => (i === at ? runs : [])),
      left: Math.min(...runs.map((r) => r.left)),
      right: Math.max(...runs.map((r) => r.right)),
    })),
  );
  // Cells of a two-line header that stand over one another are one header ("单价" over "Unit Price"). Cells naming
  // different columns must stand mostly over one another: where a run was split by its characters' widths, its
  // parts' ends are estimates and may reach a little under the next column's header.
  cells.sort((a, b) => a.left - b.left);
  const merged: typeof cells = [];
  const kindOf = (c: HeaderCell) => headerKind(c.byLine.map((rs) => joinRuns(rs)).join(' '));
  for (const c of cells) {
    const m = merged.find((o) => {
      const overlap = Math.min(o.right, c.right) - Math.max(o.left, c.left);
      const narrower = Math.min(o.right - o.left, c.right - c.left);
      const [a, b] = [kindOf(o), kindOf(c)];
      return overlap > 0 && (a === undefined || b === undefined || sameColumn(a, b) || overlap > narrower / 2);
    });
    if (m) {
      c.byLine.forEach((rs, i) => m.byLine[i]?.push(...rs));
      m.left = Math.min(m.left, c.left);
      m.right = Math.max(m.right, c.right);
    } else merged.push(c);
  }
  return merged;
}

/** The columns a header line (and the header lines stacked with it) name, or null when too few are named. */
function columnsOf(lines: readonly Line[]): Column[] | null {
  const cells = cellsOf(lines).map((c) => {
    const text = c.byLine
      .filter((rs) => rs.length > 0)
      .map((rs) => joinRuns([...rs].sort((a, b) => a.left - b.left)))
      .join(' ');
    return { ...c, text, kind: headerKind(text) };
  });
  const named = cells.filter((c) => c.kind !== undefined);
  const kinds = new Set(named.map((c) => c.kind));
  const hasRowKind = [...kinds].some((k) => k !== undefined && rowKinds.has(k));
  if (kinds.size < 3 || !hasRowKind || named.length < cells.length * 0.6) return null;
  cells.sort((a, b) => a.left - b.left);
  // Each column reaches halfway to its neighbours: numbers are set right, names left, headers centred.
  return cells.map((c, i) => {
    const prev = cells[i - 1];
    const next = cells[i + 1];
    const near = c.kind ? undefined : nearKind(c.text);
    return {
      kind: c.kind ?? (near && !kinds.has(near) ? near : 'other'),
      header: c.text,
      left: prev ? (prev.right + c.left) / 2 : -Infinity,
      right: next ? (c.right + next.left) / 2 : Infinity,
    };
  });
}

const named = (columns: readonly Column[]) => columns.filter((c) => c.kind !== 'other').length;

/**
 * The goods table's header at or after line `from`: a line naming at least three columns, one of them a
 * quantity, price, amount, package or weight column; a header set on two lines (Chinese over English, or
 * "Unit" over "Price") is taken with the line under it when that line adds to it.
 */
export function findHeader(lines: readonly Line[], from = 0): { at: number; header: Header } | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const one = columnsOf([line]);
    const next = lines[i + 1];
    const close = next && next.page === line.page && next.y - line.y < Math.max(line.height, next.height) * 2.2;
    const two = close && next && !/\d{2,}/.test(joinRuns(next.runs)) ? columnsOf([line, next]) : null;
    const nextNamed = next ? headerCells(next).filter((c) => headerKind(joinRuns(c)) !== undefined).length : 0;
    // A line naming at most one column is no header's first line (a title just above the header on the page).
    const lineNamed = headerCells(line).filter((c) => headerKind(joinRuns(c)) !== undefined).length;
    if (two && next && (one ? nextNamed >= 2 || named(two) > named(one) : lineNamed >= 2))
      return { at: i, header: { columns: two, lines: [line, next] } };
    if (one) return { at: i, header: { columns: one, lines: [line] } };
  }
  return null;
}
