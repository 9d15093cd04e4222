import type { CodeFinder } from '../../interchange/lines/code-mapping';
import { countryCode } from '../codes';
import type { DocumentLine, DocumentRole, DocumentText, DocumentTotals, Found, ParsedDocument } from '../document';
import { cellNumber } from './cells';
import type { Column, ColumnKind } from './header';
import { currencyOf, foundIn, readHead } from './head';
import type { Line, PlacedRun } from './layout';
import { joinRuns, pageLines } from './layout';
import { asciiText, looksEuropean, numberWithRest } from './numbers';
import type { Table, TableRow } from './table';
import { readTable } from './table';
import { readTotalsOutside } from './totals';

const cjk = /[\u3400-\u9fff]/;

/** A bilingual name split into its Chinese and English words ("不锈钢螺栓 Stainless steel bolt"). */
function splitName(runs: readonly PlacedRun[]): { zh?: Found; en?: Found } {
  const zhRuns = runs.filter((r) => cjk.test(r.text));
  const enRuns = runs.filter((r) => !cjk.test(r.text));
  const out: { zh?: Found; en?: Found } = {};
  if (zhRuns.length > 0) {
    // A run holding both ("螺栓 Bolt") gives its Chinese words to the Chinese name, the rest to the English.
    const words = joinRuns(zhRuns).split(/\s+/);
    const zh = words.filter((w) => cjk.test(w)).join(' ');
    const en = words.filter((w) => !cjk.test(w)).join(' ');
    out.zh = foundIn(zhRuns, zh);
    if (en !== '' && enRuns.length === 0) out.en = foundIn(zhRuns, en);
  }
  if (enRuns.length > 0) out.en = foundIn(enRuns, joinRuns(enRuns));
  return out;
}

function textFound(runs: readonly PlacedRun[] | undefined): Found | undefined {
  if (!runs || runs.length === 0) return undefined;
  return foundIn(runs, joinRuns(runs));
}

function numberFound(runs: readonly PlacedRun[] | undefined, european: boolean): { found?: Found; rest: string } {
  if (!runs || runs.length === 0) return { rest: '' };
  const raw = joinRuns(runs);
  const n = numberWithRest(raw, european);
  if (!n) return { rest: '' };
  return { found: foundIn(runs, n.value, raw), rest: n.rest };
}

/** A unit named in a column's header ("Quantity (PCS)", "N.W.(KGS)"). */
function headerUnit(columns: readonly Column[], kind: ColumnKind): string | undefined {
  const header = columns.find((c) => c.kind === kind)?.header ?? '';
  return /\(([A-Za-z\u4e00-\u9fff]+)\)/.exec(asciiText(header))?.[1];
}

/**
 * A unit price without the zeros an ERP pads it with past the cent ("349.3700" → "349.37", "0.0450" → "0.045"):
 * the same price, as the declaration would be keyed. The printed text stays in `raw`.
 */
function priceText(value: string): string {
  const m = /^(-?\d+\.\d{2})(\d*?)0+$/.exec(value);
  return m ? `${m[1]}${m[2]}` : value;
}

function documentLine(row: TableRow, index: number, european: boolean): DocumentLine {
  const line: DocumentLine = { index };
  const cell = (k: ColumnKind) => row.cells.get(k);
  const itemNo = textFound(cell('itemNo'));
  if (itemNo) line.itemNo = itemNo;
  const name = splitName(cell('description') ?? []);
  if (name.zh) line.nameZh = name.zh;
  if (name.en) line.nameEn = name.en;
  const model = textFound(cell('model'));
  if (model) line.model = model;
  const quantity = numberFound(cell('quantity'), european);
  if (quantity.found) line.quantity = quantity.found;
  const unit = textFound(cell('unit'));
  const unitText = quantity.rest !== '' ? quantity.rest : headerUnit(row.columns, 'quantity');
  if (unit) line.unit = unit;
  else if (unitText && quantity.found) {
    const { box, confidence } = quantity.found;
    // A unit after the number ("120 PCS") was read with it; one from the column's header was not.
    const read = quantity.rest !== '' && confidence !== undefined ? { confidence } : {};
    line.unit = { value: unitText, ...(box ? { box } : {}), ...read };
  }
  for (const kind of ['unitPrice', 'amount', 'packages', 'netWeight', 'grossWeight'] as const) {
    const n = numberFound(cell(kind), european);
    const found = n.found;
    if (!found) continue;
    const price = kind === 'unitPrice' ? priceText(found.value) : found.value;
    line[kind] = price === found.value ? found : { ...found, value: price, raw: found.raw ?? found.value };
  }
  // A line's own currency only when its amount or price prints one ("USD 1,200.00"); the document's currency stays
  // the head's, as every absent line field means the line did not print it.
  const own = [cell('amount'), cell('unitPrice')].map((rs) => (rs ? currencyOf(joinRuns(rs)) : null)).find((c) => c);
  const amountBox = line.amount?.box;
  if (own) line.currency = { value: own, ...(amountBox ? { box: amountBox } : {}) };
  const origin = textFound(cell('origin'));
  if (origin) line.origin = origin;
  return line;
}

function totalsOf(table: Table, european: boolean): DocumentTotals {
  const totals: DocumentTotals = {};
  const row = table.totals;
  if (!row) return totals;
  for (const kind of ['quantity', 'amount', 'packages', 'netWeight', 'grossWeight'] as const) {
    const runs = row.cells.get(kind)?.filter((r) => cellNumber([r], european) !== null || /\d/.test(r.text));
    const n = numberFound(runs, european);
    if (n.found) totals[kind] = n.found;
  }
  return totals;
}

const invoiceTitle = /invoice|发票/i;
const packingTitle = /packing\s*list|装箱单|箱单|packing\s*slip/i;
const labelWords = /\b(?:no|number|date)\b|号|日期|[:：]/i;

function roleOf(lines: readonly Line[], table: Table | null): DocumentRole {
  const titles = lines
    .slice(0, 20)
    .map((l) => asciiText(joinRuns(l.runs)))
    .filter((t) => !labelWords.test(t));
  const invoice = titles.some((t) => invoiceTitle.test(t));
  const packing = titles.some((t) => packingTitle.test(t));
  const kinds = new Set(table?.headers.flatMap((h) => h.columns.map((c) => c.kind)) ?? []);
  const priced = kinds.has('unitPrice') || kinds.has('amount');
  const packed = kinds.has('netWeight') || kinds.has('grossWeight') || kinds.has('packages');
  if ((invoice && packing) || (invoice && packed && priced) || (packing && priced)) return 'invoice-and-packing-list';
  if (invoice || (priced && !packed)) return 'invoice';
  if (packing || (packed && !priced)) return 'packing-list';
  return priced && packed ? 'invoice-and-packing-list' : 'unknown';
}

/** A country as printed ("Italy", "意大利", "Made in Italy", "U.S.A.") as its ISO alpha-3 code, the printed text kept. */
function resolvedCountry(found: Found | undefined, codes: CodeFinder | undefined): Found | undefined {
  const code = found && codes ? countryCode(codes, found.value) : undefined;
  return found && code ? { ...found, value: code, raw: found.raw ?? found.value } : found;
}

export interface ParseOptions {
  /** The code tables, to give countries of origin as codes; without them a country stays as printed. */
  codes?: CodeFinder;
}

/**
 * An invoice's or packing list's text, read: the goods table found by its header row and read across pages,
 * the document's own totals, its head values and what the document is. Every value keeps its box on the page.
 */
export function parseDocument(doc: DocumentText, options: ParseOptions = {}): ParsedDocument {
  const lines = doc.pages.flatMap((p) => pageLines(p));
  const european = looksEuropean(lines.flatMap((l) => l.runs.map((r) => r.text)));
  const table = readTable(lines, european);
  const inTable = new Set<Line>();
  if (table) {
    const start = lines.indexOf(table.headers[0]?.lines[0] as Line);
    for (let i = Math.max(0, start); i < table.end; i++) inTable.add(lines[i] as Line);
  }
  const outside = lines.filter((l) => !inTable.has(l));
  const head = readHead(outside);
  if (!head.currency && table) {
    const fromHeader = table.headers
      .flatMap((h) => h.columns)
      .map((c) => currencyOf(c.header))
      .find((c) => c);
    const anywhere = lines.map((l) => currencyOf(joinRuns(l.runs))).find((c) => c);
    const code = fromHeader ?? anywhere;
    if (code) head.currency = { value: code };
  }
  const origin = resolvedCountry(head.origin, options.codes);
  if (origin) head.origin = origin;
  const rows = table?.rows ?? [];
  const docLines = rows.map((row, i) => {
    const line = documentLine(row, i, european);
    const lineOrigin = resolvedCountry(line.origin, options.codes);
    return lineOrigin ? { ...line, origin: lineOrigin } : line;
  });
  const totals = { ...readTotalsOutside(outside, european), ...(table ? totalsOf(table, european) : {}) };
  const after = table?.rowsAfterTotals;
  const role = roleOf(lines, table);
  return { fileName: doc.fileName, role, head, lines: docLines, totals, ...(after ? { rowsAfterTotals: after } : {}) };
}
