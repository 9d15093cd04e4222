import type { CodeFinder } from '../../interchange/lines/code-mapping';
import { add, parseDecimal, toText, ZERO } from '../../taxes/exact';
import type {
  DocumentLine,
  Extraction,
  ExtractionMismatch,
  Found,
  ParsedDocument,
  ProposedHead,
  ProposedLine,
  ProposedLineField,
  ProposedValue,
} from '../document';
import { arithmeticMismatch, differ, rowsAfterTotalsMismatches, totalsMismatches } from './checks';
import { countryCode, currencyCode, transModeCode, unitCode } from '../codes';
import { matchLines } from './match';
import type { FindProduct } from './product';
import { libraryProposal } from './product';

export interface ProposeOptions {
  /** The built-in (or imported) code tables, for units, currencies, countries and 成交方式. */
  codes: CodeFinder;
  /** The product library: products whose name is the line's name. */
  findProduct?: FindProduct;
}

const isInvoice = (d: ParsedDocument) =>
  d.role === 'invoice' ||
  d.role === 'invoice-and-packing-list' ||
  (d.role === 'unknown' && d.lines.some((l) => l.amount));
const isPacking = (d: ParsedDocument) =>
  d.role === 'packing-list' ||
  d.role === 'invoice-and-packing-list' ||
  (d.role === 'unknown' && d.lines.some((l) => l.netWeight || l.grossWeight || l.packages));

function from(found: Found, doc: ParsedDocument, value = found.value): ProposedValue {
  return { value, source: { ...found, fileName: doc.fileName } };
}

interface Side {
  doc: ParsedDocument;
  line: DocumentLine;
}

/** A goods line's values from its invoice line and its packing-list line (either may be missing). */
function proposedValues(inv: Side | undefined, pack: Side | undefined, codes: CodeFinder): ProposedLine['values'] {
  const values: ProposedLine['values'] = {};
  const set = (field: ProposedLineField, side: Side | undefined, found: Found | undefined, code?: string) => {
    if (side && found && !values[field] && code !== '') values[field] = from(found, side.doc, code ?? found.value);
  };
  for (const side of [inv, pack]) {
    if (!side) continue;
    const { line } = side;
    set('GName', side, line.nameZh ?? line.nameEn);
    set('GNameEn', side, line.nameEn);
    set('GModel', side, line.model);
    set('GQty', side, line.quantity);
    if (line.unit) {
      const code = unitCode(codes, line.unit.value) ?? '';
      // "PCS" on the invoice, 件 on the packing list for as many: the goods' own unit is the one to declare.
      const same = inv?.line.quantity && pack?.line.quantity && !differ(inv.line.quantity, pack.line.quantity);
      if (same && ownUnit(values.GUnit?.value, code)) delete values.GUnit;
      set('GUnit', side, line.unit, code);
    }
    const origin = line.origin ?? side.doc.head.origin;
    if (origin) set('OriginCountry', side, origin, countryCode(codes, origin.value) ?? '');
  }
  if (inv) {
    set('DeclPrice', inv, inv.line.unitPrice);
    set('DeclTotal', inv, inv.line.amount);
    const currency = inv.line.currency ?? inv.doc.head.currency;
    if (currency) set('TradeCurr', inv, currency, currencyCode(codes, currency.value) ?? '');
  }
  // Weights per line only from a packing list (an invoice's weight columns make it one too).
  const weights = pack ?? (inv && isPacking(inv.doc) ? inv : undefined);
  if (weights) {
    set('NetWt', weights, weights.line.netWeight);
    set('GrossWt', weights, weights.line.grossWeight);
  }
  return values;
}

/** A head total from the packing list's printed total, else the sum of its lines. */
function headTotal(doc: ParsedDocument | undefined, kind: 'packages' | 'netWeight' | 'grossWeight') {
  if (!doc) return undefined;
  const printed = doc.totals[kind];
  if (printed) return from(printed, doc);
  const parts = doc.lines.map((l) => (l[kind] ? parseDecimal(l[kind].value) : null));
  if (parts.length === 0) return undefined;
  let total = ZERO;
  for (const part of parts) {
    if (part === null) return undefined;
    total = add(total, part);
  }
  return { value: toText(total) };
}

function proposedHead(invoice: ParsedDocument | undefined, packing: ParsedDocument | undefined, codes: CodeFinder) {
  const head: ProposedHead = {};
  const first = [invoice, packing].filter((d): d is ParsedDocument => d !== undefined);
  const pick = (key: 'invoiceNo' | 'incoterm' | 'currency') => {
    const doc = first.find((d) => d.head[key]);
    const found = doc?.head[key];
    return doc && found ? { doc, found } : undefined;
  };
  const invoiceNo = pick('invoiceNo');
  if (invoiceNo) head.ContrNo = from(invoiceNo.found, invoiceNo.doc);
  const incoterm = pick('incoterm');
  if (incoterm) {
    const code = transModeCode(codes, incoterm.found.value);
    if (code) head.TransMode = from(incoterm.found, incoterm.doc, code);
    head.incoterm = from(incoterm.found, incoterm.doc, incoterm.found.raw ?? incoterm.found.value);
  }
  const currency = pick('currency');
  const currencyCoded = currency ? currencyCode(codes, currency.found.value) : undefined;
  if (currency && currencyCoded) head.TradeCurr = from(currency.found, currency.doc, currencyCoded);
  const pack = packing ?? (invoice && isPacking(invoice) ? invoice : undefined);
  const packNo = headTotal(pack, 'packages');
  const gross = headTotal(pack, 'grossWeight');
  const net = headTotal(pack, 'netWeight');
  if (packNo) head.PackNo = packNo;
  if (gross) head.GrossWet = gross;
  if (net) head.NetWt = net;
  return head;
}

/**
 * Goods lines and head values proposed from the documents read: the invoice's lines matched to the packing
 * list's, values named as the declaration names them with codes from the code tables, 商品编号 and 申报要素
 * from the product library for goods released before, and every cross-check that failed.
 */
export function proposeExtraction(documents: readonly ParsedDocument[], options: ProposeOptions): Extraction {
  const { codes } = options;
  const invoice = documents.find(isInvoice);
  const packing = documents.find((d) => d !== invoice && isPacking(d));
  const mismatches: ExtractionMismatch[] = documents.flatMap((d) => [
    ...rowsAfterTotalsMismatches(d),
    ...totalsMismatches(d),
  ]);
  const invLines = invoice?.lines ?? [];
  const packLines = packing?.lines ?? [];
  const pairs = invoice && packing ? matchLines(invLines, packLines) : [];
  const packingOf = new Map(pairs);
  const matchedPacking = new Set(pairs.map(([, p]) => p));
  const rows: { inv?: Side; pack?: Side }[] = [
    ...invLines.map((line, i) => {
      const p = packingOf.get(i);
      const packLine = p !== undefined ? packLines[p] : undefined;
      return {
        inv: { doc: invoice as ParsedDocument, line },
        ...(packLine && packing ? { pack: { doc: packing, line: packLine } } : {}),
      };
    }),
    ...packLines.flatMap((line, p) => (matchedPacking.has(p) || !packing ? [] : [{ pack: { doc: packing, line } }])),
  ];
  const lines: ProposedLine[] = rows.map(({ inv, pack }, index) => {
    const proposed: ProposedLine = {
      invoiceLine: inv ? inv.line.index : null,
      packingLine: pack ? pack.line.index : null,
      values: proposedValues(inv, pack, codes),
    };
    const library = options.findProduct ? libraryProposal(options.findProduct, inv?.line ?? pack?.line) : undefined;
    if (library) {
      proposed.values.CodeTS = library.codeTs;
      if (library.elements) proposed.elements = library.elements;
      if (library.unit && ownUnit(proposed.values.GUnit?.value, library.unit.value))
        proposed.values.GUnit = library.unit;
    }
    const only = inv ?? pack;
    const wrong = inv ? arithmeticMismatch(inv.line) : null;
    if (inv && wrong)
      mismatches.push({
        kind: 'line-arithmetic',
        field: 'DeclTotal',
        ...wrong,
        line: index,
        fileName: inv.doc.fileName,
        ...boxOf(inv.line.amount),
      });
    if (inv && pack && differ(inv.line.quantity, pack.line.quantity) && sameUnit(inv.line, pack.line))
      mismatches.push({
        kind: 'invoice-vs-packing',
        field: 'GQty',
        expected: inv.line.quantity?.value ?? '',
        actual: pack.line.quantity?.value ?? '',
        line: index,
        fileName: pack.doc.fileName,
        ...boxOf(pack.line.quantity),
      });
    if (invoice && packing && only && (!inv || !pack)) {
      const name = only.line.nameZh ?? only.line.nameEn ?? only.line.model ?? only.line.itemNo;
      mismatches.push({
        kind: 'unmatched-line',
        field: inv ? 'packingLine' : 'invoiceLine',
        expected: name?.value ?? '',
        actual: '',
        line: index,
        fileName: only.doc.fileName,
        ...boxOf(name),
      });
    }
    return proposed;
  });
  return { documents: [...documents], lines, head: proposedHead(invoice, packing, codes), mismatches };
}

/**
 * Whether `other` names the goods' own unit where `proposed` is the generic piece: "PCS", "EA" and "pieces" all
 * become 个 (007), where the goods are counted in 件 (clothing), 只, 条, 块, 把, 张 … — the 计量单位 table's units
 * of counted goods, 001 to 029.
 */
function ownUnit(proposed: string | undefined, other: string): boolean {
  return (proposed === undefined || proposed === '007') && other !== '007' && /^0(?:0[1-9]|[12]\d)$/.test(other);
}

function boxOf(found: Found | undefined) {
  return found?.box ? { box: found.box } : {};
}

function sameUnit(a: DocumentLine, b: DocumentLine): boolean {
  const x = a.unit?.value.toUpperCase().replace(/S$/, '');
  const y = b.unit?.value.toUpperCase().replace(/S$/, '');
  return x === undefined || y === undefined || x === y;
}
