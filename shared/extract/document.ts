/**
 * Goods lines read from a customer's commercial invoice and packing list on the broker's own machine.
 * These types are the seams between the parts of that work, so that each can be built and tested alone:
 *
 *   file ──read (text layer, or OCR for a scanned page)──▶ DocumentText
 *        ──parse (tables, head values, the document's own totals)──▶ ParsedDocument
 *        ──propose (invoice lines matched to packing-list lines, the product library asked)──▶ Extraction
 *
 * Every value found keeps where it was found (`Box`), so the review screen can highlight it on the page.
 * Numbers stay decimal strings as the broker's documents print them (normalised: no thousands separators),
 * never floats: the product keeps money and quantities as decimal text throughout.
 */

/** How a page's text was obtained. */
export type SourceKind = 'text-pdf' | 'scan-pdf' | 'image' | 'xlsx';

/**
 * A rectangle on a page: fractions of the page's width and height, origin at the top-left corner, so a
 * highlight needs no knowledge of the scale a page was rendered or scanned at. `page` counts from 0.
 */
export interface Box {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A run of text on one line, as the text layer or the OCR engine gives it (a word or a few words set
 * together). Runs are in no promised order; the parser orders them by position.
 */
export interface TextRun {
  text: string;
  box: Box;
  /** The OCR engine's confidence, 0–1; absent for a text layer. */
  confidence?: number;
}

export interface PageText {
  index: number;
  /** The page's size in PDF points (an image: its pixels at 72 dpi), for the aspect ratio of the picture. */
  width: number;
  height: number;
  /** How this page's text was obtained: a PDF may mix text pages and scanned pages. */
  kind: SourceKind;
  /**
   * Degrees the page was turned, clockwise, to read it upright (0, 90, 180, 270, or that and a small skew a scan was
   * corrected by). The runs' boxes are in the page turned by its quarter turn (a skew is left in them), and so are
   * `width` and `height`: the review draws the page turned by the same.
   */
  rotation: number;
  runs: TextRun[];
}

export interface DocumentText {
  fileName: string;
  pages: PageText[];
}

/** A value found in a document, with where it was found and the text it was read from. */
export interface Found<T = string> {
  value: T;
  box?: Box;
  /** The text as printed (e.g. "1,234.50"), when the value was normalised from it. */
  raw?: string;
  /**
   * The least OCR confidence (0–1) of the runs the value was read from; absent for a text layer. A value read with
   * low confidence is flagged in the review, as a misread digit or letter often gives no cross-check to fail.
   */
  confidence?: number;
}

/** What one document turned out to be. A document may be both (an invoice with packing columns). */
export type DocumentRole = 'invoice' | 'packing-list' | 'invoice-and-packing-list' | 'unknown';

/** Head values a document states once. */
export interface DocumentHead {
  invoiceNo?: Found;
  /** ISO date (YYYY-MM-DD). */
  invoiceDate?: Found;
  /** Incoterms 2020 code as printed (FOB, CIF, CFR, EXW, …). */
  incoterm?: Found;
  /** ISO 4217 currency (USD, EUR, CNY, …). */
  currency?: Found;
  seller?: Found;
  buyer?: Found;
  /** Country of origin stated once for every line (ISO 3166 alpha-3 when it could be resolved, else as printed). */
  origin?: Found;
}

/** One line of an invoice's or a packing list's goods table. Absent fields were not on the document. */
export interface DocumentLine {
  /** 0-based position of the line in its document's goods table(s), across pages. */
  index: number;
  /** Item number or article code as printed, when the table has one. */
  itemNo?: Found;
  /** Description; the parser splits a bilingual description into Chinese and English. */
  nameZh?: Found;
  nameEn?: Found;
  /** Model / specification (型号). */
  model?: Found;
  quantity?: Found;
  /** Unit as printed (PCS, SETS, KG, 个, 台 …). */
  unit?: Found;
  unitPrice?: Found;
  amount?: Found;
  currency?: Found;
  origin?: Found;
  /** Packing list columns. */
  packages?: Found;
  netWeight?: Found;
  grossWeight?: Found;
}

/** The totals a document prints itself, which the lines are checked against. */
export interface DocumentTotals {
  quantity?: Found;
  amount?: Found;
  packages?: Found;
  netWeight?: Found;
  grossWeight?: Found;
}

/**
 * Rows after the goods table's totals row that look like goods rows (the item numbers going on, a quantity beside an
 * amount or a weight), which the lines do not hold: the row taken as the totals may have been a page's sub-total, and
 * those goods lines would be lost without a word. `box` covers them on the first page they stand on.
 */
export interface RowsAfterTotals {
  rows: number;
  box: Box;
}

export interface ParsedDocument {
  fileName: string;
  role: DocumentRole;
  head: DocumentHead;
  lines: DocumentLine[];
  totals: DocumentTotals;
  rowsAfterTotals?: RowsAfterTotals;
}

/** Fields of a proposed goods line, named as the declaration's goods line (DecList) names them. */
export const proposedLineFields = [
  'GName',
  'GNameEn',
  'GModel',
  'GQty',
  'GUnit',
  'DeclPrice',
  'DeclTotal',
  'TradeCurr',
  'OriginCountry',
  'NetWt',
  'GrossWt',
  'CodeTS',
] as const;
export type ProposedLineField = (typeof proposedLineFields)[number];

/** Where a proposed value came from, so the review can say so and highlight it. */
export interface ProposedValue {
  value: string;
  /** The document value it was taken from (with its box), absent for a library proposal. */
  source?: Found & { fileName: string };
  /** Set when the value was proposed by the product library (a product released before), not read. */
  fromLibrary?: { productId: string };
}

export interface ProposedLine {
  /** The invoice line (index in the invoice) and the packing-list line it was matched to, if any. */
  invoiceLine: number | null;
  packingLine: number | null;
  values: Partial<Record<ProposedLineField, ProposedValue>>;
  /** 申报要素 proposed by the product library, as the library keeps them. */
  elements?: string;
}

/** Head values proposed for the declaration (the broker chooses which to take). */
export interface ProposedHead {
  /** Invoice number, offered for 合同协议号. */
  ContrNo?: ProposedValue;
  /** 成交方式 code derived from the Incoterm (FOB → 3, CIF → 1, CFR → 2, EXW → 7 …). */
  TransMode?: ProposedValue;
  /** 件数, 毛重, 净重 from the packing list. */
  PackNo?: ProposedValue;
  GrossWet?: ProposedValue;
  NetWt?: ProposedValue;
  /** Currency of the amounts. */
  TradeCurr?: ProposedValue;
  /**
   * The Incoterm with its place as printed ("DAP Hamburg"): shown beside 成交方式, and alone when the term has no
   * 成交方式 code of its own (FCA, CPT, CIP, DAP, DPU, DDP), for the broker to choose.
   */
  incoterm?: ProposedValue;
}

/** A cross-check that failed: the lines do not add up to what the document prints, or two documents disagree. */
export interface ExtractionMismatch {
  /** `rows-after-totals`: rows that look like goods rows follow the totals row (`expected`: how many; `box`: where). */
  kind: 'total' | 'line-arithmetic' | 'invoice-vs-packing' | 'unmatched-line' | 'rows-after-totals';
  /** The field concerned, as a proposed-line or document-total name. */
  field: string;
  /** The value the document states (or the other document), and what the lines give. */
  expected: string;
  actual: string;
  /** A line index in the proposed lines, when one line is concerned. */
  line?: number;
  /** The document the mismatch was found in (a total, a line's arithmetic, a line no other document has). */
  fileName?: string;
  box?: Box;
}

export interface Extraction {
  documents: ParsedDocument[];
  lines: ProposedLine[];
  head: ProposedHead;
  mismatches: ExtractionMismatch[];
}
