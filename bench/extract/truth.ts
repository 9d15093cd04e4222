// What a perfect reading of a generated document gives, in the shapes of shared/extract/document.ts: the
// ParsedDocument of each document (only what its layout printed) and the goods lines and head values an
// Extraction of the pair should propose. Values are normalised as those types say (plain decimals, ISO codes,
// customs codes for the declaration's fields); boxes are left out, the scorer compares values.
import type { DocumentLine, DocumentRole, ParsedDocument, ProposedLineField } from '../../shared/extract/document';
import { oneUnit } from './html';
import { layouts, type Layout, type LineField, type Role } from './layouts';
import { decimal, quantityText, type Shipment, type ShipmentLine } from './shipment';

/** A ParsedDocument without boxes or raw text: each Found is just its value. */
export interface TruthDocument {
  fileName: string;
  role: DocumentRole;
  head: Record<string, string>;
  lines: ({ index: number } & Partial<Record<LineField, string>>)[];
  totals: Record<string, string>;
}

/** The goods lines and head values an Extraction of the invoice and its packing list should propose. */
export interface TruthExtraction {
  lines: Partial<Record<ProposedLineField, string>>[];
  head: Record<string, string>;
}

function lineValue(layout: Layout, field: LineField, l: ShipmentLine): string {
  switch (field) {
    case 'itemNo':
      return l.itemNo;
    case 'nameZh':
      return l.nameZh;
    case 'nameEn':
      return l.nameEn;
    case 'model':
      return l.model;
    case 'quantity':
      return quantityText(l.quantity);
    case 'unit':
      return layout.lang === 'zh' ? l.unitZh : l.unitEn;
    case 'unitPrice':
      return decimal(l.unitPrice, 2);
    case 'amount':
      return decimal(l.amount, 2);
    case 'origin':
      return l.origin.code;
    case 'packages':
      return String(l.packages);
    case 'netWeight':
      return decimal(l.netWeight, 2);
    case 'grossWeight':
      return decimal(l.grossWeight, 2);
    case 'currency':
      return '';
  }
}

export function truthDocument(layout: Layout, s: Shipment, role: Role, fileName: string): TruthDocument {
  const printed = layout.columns(role, s).flatMap((c) => c.prints);
  const lines = s.lines.map((l, index) => {
    const line: TruthDocument['lines'][number] = { index };
    for (const f of printed) line[f] = lineValue(layout, f, l);
    return line;
  });
  const party = (p: Shipment['seller']) => (layout.lang === 'zh' && p.nameZh ? p.nameZh : p.name);
  const head: Record<string, string> = {
    invoiceNo: s.invoiceNo,
    invoiceDate: s.date,
    seller: party(s.seller),
    buyer: party(s.buyer),
  };
  if (role === 'invoice') Object.assign(head, { incoterm: s.incoterm.code, currency: s.currency.code });
  if (s.commonOrigin) head.origin = s.commonOrigin.code;
  const t = s.totals;
  const totals: Record<string, string> =
    role === 'invoice'
      ? { amount: decimal(t.amount, 2) }
      : { packages: String(t.packages), netWeight: decimal(t.netWeight, 2), grossWeight: decimal(t.grossWeight, 2) };
  if (oneUnit(s)) totals.quantity = quantityText(t.quantity);
  return { fileName, role, head, lines, totals };
}

/** What the pair should propose: every invoice line matched to its packing-list line, values in DecList terms. */
export function truthExtraction(layout: Layout, s: Shipment): TruthExtraction {
  const printed = new Set(layout.columns('invoice', s).flatMap((c) => c.prints));
  const lines = s.lines.map((l) => {
    const line: Partial<Record<ProposedLineField, string>> = {
      GModel: l.model,
      GQty: quantityText(l.quantity),
      GUnit: l.unitCode,
      DeclPrice: decimal(l.unitPrice, 2),
      DeclTotal: decimal(l.amount, 2),
      TradeCurr: s.currency.code,
      OriginCountry: l.origin.code,
      NetWt: decimal(l.netWeight, 2),
      GrossWt: decimal(l.grossWeight, 2),
    };
    if (printed.has('nameZh')) line.GName = l.nameZh;
    if (printed.has('nameEn')) line.GNameEn = l.nameEn;
    return line;
  });
  const head = {
    ContrNo: s.invoiceNo,
    TransMode: s.incoterm.transMode,
    PackNo: String(s.totals.packages),
    GrossWet: decimal(s.totals.grossWeight, 2),
    NetWt: decimal(s.totals.netWeight, 2),
    TradeCurr: s.currency.code,
  };
  return { lines, head };
}

export function layoutById(id: string): Layout {
  const layout = layouts.find((l) => l.id === id);
  if (!layout) throw new Error(`no layout "${id}"`);
  return layout;
}

/** The truth as a ParsedDocument (no boxes), for a test that compares a parser's output whole. */
export function asParsedDocument(t: TruthDocument): ParsedDocument {
  const found = (r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).map(([k, value]) => [k, { value }]));
  return {
    fileName: t.fileName,
    role: t.role,
    head: found(t.head),
    lines: t.lines.map(({ index, ...rest }) => ({ index, ...found(rest) }) as DocumentLine),
    totals: found(t.totals),
  };
}
