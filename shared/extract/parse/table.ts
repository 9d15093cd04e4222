import type { RowsAfterTotals } from '../document';
import { cellNumber, columnOf } from './cells';
import type { Column, ColumnKind, Header } from './header';
import { findHeader } from './header';
import type { Line, PlacedRun } from './layout';
import { joinRuns, lineCells, unionBox } from './layout';
import { statesSums, sumsRows } from './sums';
import { weightsByValue } from './weights';

/** One row of the goods table: the runs of each column, over the lines the row took (a wrapped name). */
export interface TableRow {
  cells: Map<ColumnKind, PlacedRun[]>;
  columns: Column[];
}

export interface Table {
  rows: TableRow[];
  /** The TOTAL / 合计 row, when the table prints one. */
  totals?: TableRow;
  /** Every header the table was read under (one per page where it is repeated). */
  headers: Header[];
  /** The line after the table's last line (where head values after the table start). */
  end: number;
  /**
   * Lines after the totals row that look like goods rows, which the table does not hold: the totals row may have
   * been a page's sub-total after all. `box` covers those on the first page they stand on.
   */
  rowsAfterTotals?: RowsAfterTotals;
}

/**
 * A label that names the sum of a page's goods, never all of them: a page's total ("Page total", "Total this page",
 * 本页合计), the sum carried to the next page or brought from the last ("Total carried over", 转下页, 承上页). Where
 * THE total (TOTAL, Grand total, 合计) follows it with no goods row or charge between, the lines add up to that total,
 * not to this row.
 */
const pageSumLabel =
  /^(?:page\s*(?:sub\s*-?\s*)?total\b|total\s+(?:for\s+)?(?:this|the)\s+page\b|(?:total\s+)?(?:carried|brought)\s+(?:forward|over)\b|本\s*页\s*[合小共]\s*计|(?:承|接)\s*上\s*页|(?:转|过)\s*[下次]\s*页)/i;
/**
 * A label that names a part of the goods' sum, never their total: a sub-total ("Sub-total", 小计 — a whole word, not
 * the start of a name like 小计算器) or a page's sum (above). Such a row says that the table goes on, where a TOTAL or
 * 合计 row may end it or be a page's total.
 */
const partSumLabel = new RegExp(`^(?:sub\\s*-?\\s*total\\b|小\\s*计(?![\\u3400-\\u9fff]))|${pageSumLabel.source}`, 'i');
/**
 * A totals row's label: a part sum's, built from the pattern above so that a wording added there is one here too (a
 * part sum is a totals row first; what follows it tells whether the table goes on), or a total's ("Grand Total",
 * "Grand Sub-total", 合计, 总计, 共计). 小计 here also starts a name (小计算器): the row's other cells tell the two apart.
 */
const totalsLabel = new RegExp(
  `${partSumLabel.source}|^(?:grand\\s*)?(?:sub\\s*-?\\s*)?total\\b|^合\\s*计|^总\\s*计|^小\\s*计|^共\\s*计|^total[:：]`,
  'i',
);
/** Whether a line or one of its cells starts with a label. */
const labelled = (label: RegExp, text: string, cells: Map<ColumnKind, PlacedRun[]>) =>
  [text, ...[...cells.values()].map((rs) => joinRuns(rs))].some((t) => label.test(t.trim()));
const isPartSum = (text: string, cells: Map<ColumnKind, PlacedRun[]>) => labelled(partSumLabel, text, cells);
/**
 * A bilingual totals label whose Chinese half an OCR engine garbled ("合计: TOTAL:" read "Ait: TOTAL:"): the cell ends
 * in TOTAL after a label's mark, which no goods name does.
 */
const garbledTotalsLabel = /[:：]\s*(?:grand\s*|sub\s*-?\s*)?total\s*[:：]?$/i;
const isTotalsLabel = (text: string) => totalsLabel.test(text) || garbledTotalsLabel.test(text.trim());
/**
 * A total named anywhere in a line, where a totals row's label starts it: "Invoice Total", "Total due", "Amount due",
 * 发票合计, 总计.
 */
const namesTotal = /total|合\s*计|总\s*计|\b(?:amount|balance)\s+due\b/i;
/**
 * Words a totals label may go on with ("TOTAL AMOUNT (USD)", "Grand total of goods", 合计金额): any other word after the
 * label's own makes the cell a goods name starting like a label ("Total station surveying instrument", 总计量表).
 */
const labelWords =
  /^(?:amounts?|sum|quantity|qty|number|value|price|net|gross|weights?|volume|measurement|due|payable|invoice|goods|items?|packages?|pkgs|cartons?|ctns|pallets?|plts|cases|pcs|sets|units|pairs|kgs?|cbm|of|in|and|the|this|for|page|usd|cny|rmb|eur|gbp|jpy|hkd|fob|cif|cfr|exw|fca|cpt|cip|dap|dpu|ddp)$/i;
const labelPieces = /合\s*计|总\s*计|小\s*计|共\s*计|本\s*页|金额|数量|件数|箱数|毛重|净重|重量|总额|总数/g;

/**
 * Whether a cell starting with a totals label goes on with a name: not a label's mark after the label ("TOTAL:",
 * 合计：, as a totals row prints it and a name never does), and a word no label holds ("TOTAL-PROTECT gloves").
 */
function namedLikeTotal(text: string): boolean {
  const label = totalsLabel.exec(text.trim());
  if (!label) return false;
  const rest = text.trim().slice(label[0].length);
  if (/^\s*[:：]/.test(rest)) return false;
  const words = rest.match(/\p{Script=Latin}{2,}/gu) ?? [];
  return words.some((w) => !labelWords.test(w)) || /[\u3400-\u9fff]/.test(rest.replace(labelPieces, ''));
}

/** Lines that end a table without a totals row: the amount in words, remarks, bank details, signatures. */
const afterTable =
  /^(?:say\b|says\b|total\s+amount\s+in\s+words|amount\s+in\s+words|remarks?\b|notes?\b|bank\b|beneficiary|signature|authori[sz]ed|大写|备注|银行|签字|盖章)/i;

const numericKinds: ReadonlySet<ColumnKind> = new Set([
  'quantity',
  'unitPrice',
  'amount',
  'packages',
  'netWeight',
  'grossWeight',
]);

function cellsOfLine(columns: Column[], line: Line): Map<ColumnKind, PlacedRun[]> {
  const cells = new Map<ColumnKind, PlacedRun[]>();
  for (const run of line.runs) {
    const column = columnOf(columns, run);
    if (!column) continue;
    const list = cells.get(column.kind) ?? [];
    list.push(run);
    cells.set(column.kind, list);
  }
  return cells;
}

/** The kinds of the cells of a row's first line, left to right, as most rows read so far have them. */
function rowPattern(rows: readonly TableRow[]): ColumnKind[] | undefined {
  const seen = new Map<string, { kinds: ColumnKind[]; n: number }>();
  for (const row of rows) {
    const firstY = Math.min(...[...row.cells.values()].flat().map((r) => r.y));
    const runs = [...row.cells.entries()]
      .flatMap(([kind, rs]) => rs.filter((r) => r.y - firstY < r.height / 2).map((r) => ({ kind, r })))
      .sort((a, b) => a.r.left - b.r.left);
    const kinds = runs.map((x) => x.kind).filter((k, i, all) => i === 0 || all[i - 1] !== k);
    const key = kinds.join();
    const entry = seen.get(key) ?? { kinds, n: 0 };
    entry.n++;
    seen.set(key, entry);
  }
  return [...seen.values()].sort((a, b) => b.n - a.n)[0]?.kinds;
}

/**
 * A line of a page without a header read by the order of its cells, when it has as many as a full row: a
 * table laid out again on each page may set its columns elsewhere than the page with the header did.
 */
function byOrder(line: Line, kinds: readonly ColumnKind[]): Map<ColumnKind, PlacedRun[]> | undefined {
  const cells = lineCells(line);
  if (cells.length !== kinds.length) return undefined;
  const out = new Map<ColumnKind, PlacedRun[]>();
  cells.forEach((runs, i) => {
    const kind = kinds[i];
    if (kind) out.set(kind, [...(out.get(kind) ?? []), ...runs]);
  });
  return out;
}

/** Whether a line's cell of a kind holds a number, a unit after it aside. */
function numberIn(cells: Map<ColumnKind, PlacedRun[]>, kind: ColumnKind, european: boolean): boolean {
  const runs = cells.get(kind);
  return runs !== undefined && cellNumber(runs, european) !== null;
}

/**
 * Whether a line starts a row: it has a number in the quantity or amount column (or, on a packing list, its
 * packages or weights).
 */
function startsRow(cells: Map<ColumnKind, PlacedRun[]>, european: boolean): boolean {
  const kinds: ColumnKind[] = ['quantity', 'amount', 'netWeight', 'grossWeight', 'packages'];
  return kinds.some((k) => numberIn(cells, k, european));
}

/**
 * Whether a line is the table's totals row: a totals label ("TOTAL:", "合计：", "Grand Total") in one of its cells or
 * starting it, and nothing a goods row prints that a totals row never does — an item number, a model, a unit price
 * beside an amount. A goods name may start with the label's word ("Total station TS-06", "总计量表", a brand): such a
 * row ending the table lost every line after it without a word. A cell holding a label itself is no goods value (the
 * label stands in the item number's column, or the model's, when that is the table's first), and OCR's specks are
 * not taken for one: an item number holds a digit, a model a letter and a digit (a speck, a label word like "AMOUNT"
 * or a total's figure spilling into the model column holds no such pair), and a totals amount OCR set under the unit
 * price has no amount beside it. A line with no label read, no name and no model is the totals row when its figures
 * are the rows' sums (statesSums: OCR read "合计：" as "ait:").
 */
function isTotalsRow(
  text: string,
  cells: Map<ColumnKind, PlacedRun[]>,
  european: boolean,
  rows: readonly TableRow[],
): boolean {
  const labels = [...cells.values()].filter((rs) => isTotalsLabel(joinRuns(rs)));
  if (!isTotalsLabel(text) && labels.length === 0) return statesSums(cells, rows, european);
  return !printsGoodsValue(cells, labels, european);
}

/**
 * Whether a row fills the cells a goods row does, as a goods line named like a total does where the table prints no
 * item number, model or price (a packing list): a quantity with its unit (in the unit column or after the number)
 * and an amount or a weight.
 */
function filledLikeGoods(cells: Map<ColumnKind, PlacedRun[]>, european: boolean): boolean {
  const text = (kind: ColumnKind) => joinRuns(cells.get(kind) ?? []);
  const unit = /\p{L}/u.test(text('unit')) || /\d\s*\p{L}/u.test(text('quantity'));
  const measured = (['amount', 'netWeight', 'grossWeight'] as const).some((k) => numberIn(cells, k, european));
  return numberIn(cells, 'quantity', european) && unit && measured;
}

/**
 * Whether a row prints what only a goods row does (isTotalsRow): an item number, a model, a price beside an amount, or
 * a name going on past a totals word ("Total station surveying instrument") in cells filled as a goods row's are.
 */
function printsGoodsValue(
  cells: Map<ColumnKind, PlacedRun[]>,
  labels: readonly PlacedRun[][],
  european: boolean,
): boolean {
  const value = (kind: ColumnKind) => {
    const runs = cells.get(kind);
    return runs && !labels.includes(runs) ? joinRuns(runs) : '';
  };
  const itemNo = /\d/.test(value('itemNo'));
  const model = /\p{L}/u.test(value('model')) && /\d/.test(value('model'));
  const priced = numberIn(cells, 'unitPrice', european) && numberIn(cells, 'amount', european);
  if (itemNo || model || priced) return true;
  return namedLikeTotal(joinRuns(cells.get('description') ?? [])) && filledLikeGoods(cells, european);
}

function lineText(line: Line): string {
  return joinRuns(line.runs);
}

/** An item number's count ("7", "07", "No. 7", "A-007"), to tell whether a row continues the rows' sequence. */
function itemNumber(cells: Map<ColumnKind, PlacedRun[]>): number | undefined {
  const runs = cells.get('itemNo');
  const m = runs ? /^(?:no\.?\s*)?[a-z]{0,3}[-#]?\s*(\d{1,5})\.?$/i.exec(joinRuns(runs).trim()) : null;
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/** Where the table was when it met a totals row: the columns it read by, and the rows read so far. */
interface ReadingAt {
  columns: Column[];
  headless: ColumnKind[] | undefined;
  page: number;
  rows: readonly TableRow[];
  /** The totals row's label names a part sum (isPartSum). */
  partSum: boolean;
  /** The totals row's label names a page's sum (pageSumLabel). */
  pageSum: boolean;
}

/**
 * The lines after a totals row that look like goods rows — an item number above the last row's, or a quantity beside
 * an amount or a weight — read as the table would read them (a page's repeated header taken), up to what follows a
 * table. `continues`: the totals row was a page's sub-total or a sum carried over and the table goes on — the first of
 * them carries the item numbers on (up by one, by a step as ERPs number lines 10, 20, 30, or past a gap a deleted line
 * left: 1, 2, 4; a number going down starts another table or group), or, where the item numbers do not go on (none
 * printed, or starting again after a group's 小计), the row's own label names a part sum and the first is reached before
 * any total and any other table's header on that page (a sub-total followed by the charges and the total was the
 * goods' sum, and what comes after that total is no row of this table).
 */
function goodsRowsAfter(
  lines: readonly Line[],
  from: number,
  european: boolean,
  at: ReadingAt,
): { lines: Line[]; continues: boolean } {
  let { columns, headless, page } = at;
  const last = at.rows[at.rows.length - 1];
  let lastNo = last ? itemNumber(last.cells) : undefined;
  const found: Line[] = [];
  let continues: boolean | undefined;
  let byLabel = at.partSum;
  // A line printing a figure that is neither a goods row nor a total has stood since the totals row (a charge).
  let between = false;
  const otherTableAt = (byLabel ? headerOnPage(lines, from, page)?.at : undefined) ?? Infinity;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (i >= otherTableAt) byLabel = false;
    if (line.page !== page) {
      page = line.page;
      const start = pageStart(lines, i, european, at.rows);
      headless = start.headless;
      if (start.header) {
        columns = start.header.columns;
        i = start.last;
        continue;
      }
    }
    const text = lineText(line);
    if (afterTable.test(text)) break;
    const cells = (headless && byOrder(line, headless)) || cellsOfLine(columns, line);
    if (isTotalsRow(text, cells, european, at.rows)) {
      const part = isPartSum(text, cells);
      // THE total right after a page's sum (no goods row or charge between: "Page total", then "Grand total"): the
      // table goes on to it, and the lines add up to it, not to the last page's part. A charge between ("Freight
      // 50.00") is in that total and not in the goods': the table ends at the page's sum, as at a "Sub-total".
      if (at.pageSum && byLabel && !part && !between) continues ??= true;
      byLabel &&= part;
      continue;
    }
    // A later total in any wording ("Invoice Total", "Amount due" after the freight) ends what the part sum's label
    // says: the sub-total was the goods' sum, and a table after it (the packing list on the next page) is another.
    if (byLabel && namesTotal.test(text) && !isPartSum(text, cells) && !printsGoodsValue(cells, [], european))
      byLabel = false;
    const no = itemNumber(cells);
    const inSequence = lastNo !== undefined && no !== undefined && no > lastNo;
    const measured = ['amount', 'netWeight', 'grossWeight'] as const;
    const counted = numberIn(cells, 'quantity', european) && measured.some((k) => numberIn(cells, k, european));
    if (!inSequence && !counted) {
      // Neither a goods row nor a total: a charge when it prints a figure (freight, insurance, a discount), where a
      // page's foot or a note prints none.
      between ||= [...numericKinds].some((k) => numberIn(cells, k, european));
      continue;
    }
    if (inSequence) lastNo = no;
    continues ??= inSequence || (byLabel && counted);
    found.push(line);
  }
  return { lines: found, continues: continues ?? false };
}

/** The first goods table's header at or after line `from`, when it stands on `page` (where a table goes on or ends). */
function headerOnPage(lines: readonly Line[], from: number, page: number | undefined) {
  const found = findHeader(lines, from);
  return found && lines[found.at]?.page === page ? found : null;
}

/** A goods table's header found at line `at`, its garbled weight columns named by what they hold under it. */
function weightsNamed(
  lines: readonly Line[],
  { at, header }: { at: number; header: Header },
  european: boolean,
): Header {
  const page = header.lines[0]?.page;
  const under = lines.slice(at + header.lines.length).filter((l) => l.page === page);
  return weightsByValue(header, under, european);
}

/**
 * How the table goes on at line `i`, the first of a new page: under the header the page prints again (`last` is its
 * last line), or, when it prints none, by the order of a full row's cells as the rows read so far have them (a table
 * laid out again on each page may set its columns elsewhere).
 */
function pageStart(
  lines: readonly Line[],
  i: number,
  european: boolean,
  rows: readonly TableRow[],
): { header: Header; last: number; headless: undefined } | { header?: undefined; headless: ColumnKind[] | undefined } {
  const again = headerOnPage(lines, i, lines[i]?.page);
  if (again)
    return {
      header: weightsNamed(lines, again, european),
      last: again.at + again.header.lines.length - 1,
      headless: undefined,
    };
  return { headless: rowPattern(rows) };
}

/**
 * Reads the goods table: its header, then each row (a line with a quantity or amount; a line with only a
 * name or model under it continues the row), across pages — under a repeated header, or, when the next page
 * prints none, under the last page's columns — until the totals row or what follows a table. A sub-total or a sum
 * carried forward followed by rows that continue the item numbers, or, where the item numbers do not go on (none
 * printed, or starting again after a group's 小计), labelled as a part sum and followed by goods rows before any total
 * (goodsRowsAfter), does not end it.
 */
export function readTable(lines: readonly Line[], european: boolean): Table | null {
  const found = findHeader(lines, 0);
  if (!found) return null;
  const first = { at: found.at, header: weightsNamed(lines, found, european) };
  const headers: Header[] = [first.header];
  let columns = first.header.columns;
  const rows: TableRow[] = [];
  let totals: TableRow | undefined;
  let rowsAfterTotals: Table['rowsAfterTotals'];
  // The table went on past a part sum (a page's sub-total or total, a sum carried forward).
  let wentOn = false;
  let current: TableRow | undefined;
  // On a page that prints no header: the kinds of a full row's cells, left to right, from the rows read so far.
  let headless: ColumnKind[] | undefined;
  let page = first.header.lines[0]?.page ?? 0;
  let lastY = first.header.lines[first.header.lines.length - 1]?.y ?? 0;
  let i = first.at + first.header.lines.length;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.page !== page) {
      // A new page: its own header if it repeats one, else the last page's columns.
      page = line.page;
      current = undefined;
      const start = pageStart(lines, i, european, rows);
      headless = start.headless;
      if (start.header) {
        headers.push(start.header);
        columns = start.header.columns;
        i = start.last;
        lastY = start.header.lines[start.header.lines.length - 1]?.y ?? line.y;
        continue;
      }
      lastY = -Infinity;
    }
    const text = lineText(line);
    const cells = (headless && byOrder(line, headless)) || cellsOfLine(columns, line);
    if (isTotalsRow(text, cells, european, rows)) {
      const partSum = isPartSum(text, cells);
      const pageSum = labelled(pageSumLabel, text, cells);
      const after = goodsRowsAfter(lines, i + 1, european, { columns, headless, page, rows, partSum, pageSum });
      // A page's sub-total or the sum carried forward: a row of the table but no goods line, and the rows after it
      // are the table's (what stands between, a page's foot, is skipped up to the next row).
      if (after.continues) {
        current = undefined;
        lastY = line.y;
        wentOn = true;
        continue;
      }
      // The last page's sum, where the table went on past an earlier one and it ends here (a charge before THE total,
      // or no total): it sums that page alone, so it is the lines' total only when it sums them all (a running sum).
      // Otherwise the goods' total is printed nowhere, and the lines are checked against no part of it.
      if (!(pageSum && wentOn) || sumsRows(cells, rows, european)) totals = { cells, columns };
      const box = unionBox(after.lines.flatMap((l) => l.runs.map((r) => r.box)));
      if (box) rowsAfterTotals = { rows: after.lines.length, box };
      i++;
      break;
    }
    if (afterTable.test(text)) {
      break;
    }
    const far = line.y - lastY > line.height * 4;
    if (startsRow(cells, european)) {
      current = { cells, columns };
      rows.push(current);
      lastY = line.y;
      continue;
    }
    // A wrapped or bilingual name stands a line under its row; text further down is no part of it (a page footer).
    const near = line.y - lastY < line.height * 2.5;
    const onlyText = [...cells.keys()].every((k) => !numericKinds.has(k));
    if (current && onlyText && near && cells.size > 0) {
      for (const [kind, runs] of cells) current.cells.set(kind, [...(current.cells.get(kind) ?? []), ...runs]);
      lastY = line.y;
      continue;
    }
    // Before the first row of a page without a header (a page title, "continued"): skipped.
    if (!current) continue;
    if (far) {
      // Text well below the last row ends the table, unless it is the page's foot ("Page 1 of 2", a stamp, a
      // note set in a smaller font) and the next page goes on under the table's header printed again.
      const next = lines.findIndex((l, at) => at > i && l.page !== line.page);
      if (next < 0 || !headerOnPage(lines, next, lines[next]?.page)) break;
      i = next - 1;
    }
  }
  return { rows, ...(totals ? { totals } : {}), ...(rowsAfterTotals ? { rowsAfterTotals } : {}), headers, end: i };
}
