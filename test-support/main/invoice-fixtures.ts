// A customer's invoice and packing list for tests of reading, parsing and proposing goods lines: a text PDF of each
// (bilingual headers and names, five lines, origins per line), a 150 dpi scan of the invoice (grey, turned 0.6°),
// the text runs each PDF's sheets hold as laid out, and what a perfect reading gives. Made by
// bench/extract/make-fixtures.ts with Chromium and committed, so a test reads them in milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentText } from '../../shared/extract/document';
import type { TruthDocument, TruthExtraction } from '../../bench/extract/truth';

export const invoicePairDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'invoice-pair');

export interface FixtureFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface InvoicePairTruth {
  seed: number;
  layout: string;
  /** The scan's size in pixels, its resolution and the degrees it was turned clockwise. */
  scan: { width: number; height: number; dpi: number; rotate: number };
  invoice: TruthDocument;
  packingList: TruthDocument;
  extraction: TruthExtraction;
}

const file = (fileName: string): FixtureFile => ({
  fileName,
  bytes: new Uint8Array(fs.readFileSync(path.join(invoicePairDir, fileName))),
});

const json = <T>(fileName: string): T => JSON.parse(fs.readFileSync(path.join(invoicePairDir, fileName), 'utf8')) as T;

/** The invoice as a text PDF (one A4 sheet). */
export const invoicePdf = (): FixtureFile => file('invoice.pdf');

/** Its packing list as a text PDF (one A4 sheet). */
export const packingListPdf = (): FixtureFile => file('packing-list.pdf');

/** The invoice scanned: a PNG without a text layer (1259 × 1768 pixels, 16 greys). */
export const invoiceScanPng = (): FixtureFile => file('invoice-scan.png');

/** The runs of each document as laid out (what a text layer gives, within a reader's rounding), for a parser's test. */
export const invoiceText = (): DocumentText => json<DocumentText>('invoice.text.json');
export const packingListText = (): DocumentText => json<DocumentText>('packing-list.text.json');

/** What a perfect reading of the pair gives: each ParsedDocument's values, the proposed lines and head values. */
export const invoicePairTruth = (): InvoicePairTruth => json<InvoicePairTruth>('truth.json');
