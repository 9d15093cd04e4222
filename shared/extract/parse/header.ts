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

/**
 * A header line's cells: runs set apart by more than a space, then neighbours joined where they are one
 * header set as words — a word naming no column ("Description" "of" "Goods"), two words naming the same
 * column ("Total" "Amount"), "Unit" before "Price". Two words naming different columns stay apart ("数量" "单位").
 */
function headerCells(line: Line): PlacedRun[][] {
  const out: PlacedRun[][] = [];
  for (const cell of lineCells(line)) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1];
    const first = cell[0];
    const gap = prev && last && first ? (first.left - last.right) / Math.min(last.height, first.height) : Infinity;
    if (prev && gap < 1) {
      const a = headerKind(joinRuns(prev));
      const b = headerKind(joinRuns(cell));
      // An unnamed word only a space away: an annotation such as "(CNY)" further off heads a column of its own,
      // unless it is the bracketed unit or currency of the header before it ("N.W. (KGS)", "Price (USD)") as an
      // OCR engine boxes it, a word's ink a little lower than the space between the words.
      const annotation = a !== undefined && b === undefined && /^\(.*\)$/.test(joinRuns(cell));
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

function cellsOf(lines: readonly Line[]): { runs: PlacedRun[]; left: number; right: number }[] {
  const cells = lines
    .flatMap((l) => headerCells(l))
    .map((runs) => ({
      runs,
      left: Math.min(...runs.map((r) => r.left)),
      right: Math.max(...runs.map((r) => r.right)),
    }));
  // Cells of a two-line header that stand over one another are one header ("单价" over "Unit Price").
  cells.sort((a, b) => a.left - b.left);
  const merged: typeof cells = [];
  for (const c of cells) {
    const m = merged.find((o) => Math.min(o.right, c.right) - Math.max(o.left, c.left) > 0);
    if (m) {
      m.runs.push(...c.runs);
      m.left = Math.min(m.left, c.left);
      m.right = Math.max(m.right, c.right);
    } else merged.push(c);
  }
  return merged;
}

/** The columns a header line (and the header lines stacked with it) name, or null when too few are named. */
function columnsOf(lines: readonly Line[]): Column[] | null {
  const cells = cellsOf(lines).map((c) => {
    const byLine = lines.map((l) => c.runs.filter((r) => l.runs.includes(r))).filter((rs) => rs.length > 0);
    const text = byLine.map((rs) => joinRuns(rs)).join(' ');
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
    return {
      kind: c.kind ?? 'other',
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
