import type { DocumentText, Extraction, ParsedDocument, ProposedValue } from '../../shared/extract/document';

// An invoice of three lines as reading, parsing and proposing would give it, made by hand so the review and the
// write can be tested before (and apart from) the parts that read real files. Line 3's amount is wrong on purpose
// (500 × 1.20 is 600.00, the invoice prints 610.00), and so the document's total disagrees with its lines.

const FILE = 'invoice-118.pdf';
const at = (value: string, y: number, x: number, w = 0.1): ProposedValue => ({
  value,
  source: { value, fileName: FILE, box: { page: 0, x, y, w, h: 0.02 } },
});

export const sampleInvoiceText: DocumentText = {
  fileName: FILE,
  pages: [
    {
      index: 0,
      width: 595,
      height: 842,
      kind: 'text-pdf',
      rotation: 0,
      runs: [{ text: 'COMMERCIAL INVOICE', box: { page: 0, x: 0.3, y: 0.05, w: 0.4, h: 0.03 } }],
    },
  ],
};

export const sampleInvoice: ParsedDocument = {
  fileName: FILE,
  role: 'invoice-and-packing-list',
  head: {
    invoiceNo: { value: 'INV-2026-118', box: { page: 0, x: 0.7, y: 0.12, w: 0.2, h: 0.02 } },
    incoterm: { value: 'FOB', box: { page: 0, x: 0.7, y: 0.15, w: 0.15, h: 0.02 } },
  },
  lines: [],
  totals: { amount: { value: '6600.00', box: { page: 0, x: 0.75, y: 0.6, w: 0.12, h: 0.02 } } },
};

export const sampleExtraction: Extraction = {
  documents: [sampleInvoice],
  lines: [
    {
      invoiceLine: 0,
      packingLine: 0,
      values: {
        GName: at('保温杯', 0.35, 0.1, 0.2),
        GNameEn: at('Vacuum cup', 0.37, 0.1, 0.2),
        GModel: at('SV-500', 0.35, 0.32),
        GQty: at('1200', 0.35, 0.45),
        GUnit: {
          value: '007',
          source: { value: 'PCS', raw: 'PCS', fileName: FILE, box: { page: 0, x: 0.52, y: 0.35, w: 0.05, h: 0.02 } },
        },
        DeclPrice: at('2.50', 0.35, 0.6),
        DeclTotal: at('3000.00', 0.35, 0.75),
        TradeCurr: at('USD', 0.3, 0.75),
        OriginCountry: at('DEU', 0.35, 0.88),
        CodeTS: { value: '9617001100', fromLibrary: { productId: 'p-vacuum-cup' } },
      },
      elements: '0|0|保温杯|不锈钢|无品牌',
    },
    {
      invoiceLine: 1,
      packingLine: 1,
      values: {
        GName: at('咖啡研磨机', 0.4, 0.1, 0.2),
        GModel: at('CG-2', 0.4, 0.32),
        GQty: at('200', 0.4, 0.45),
        GUnit: at('001', 0.4, 0.52, 0.05),
        DeclPrice: at('15.00', 0.4, 0.6),
        DeclTotal: at('3000.00', 0.4, 0.75),
        TradeCurr: at('USD', 0.3, 0.75),
      },
    },
    {
      invoiceLine: 2,
      packingLine: null,
      values: {
        GName: at('陶瓷杯', 0.45, 0.1, 0.2),
        GModel: at('CM-1', 0.45, 0.32),
        GQty: at('500', 0.45, 0.45),
        GUnit: at('007', 0.45, 0.52, 0.05),
        DeclPrice: at('1.20', 0.45, 0.6),
        DeclTotal: at('610.00', 0.45, 0.75),
        TradeCurr: at('USD', 0.3, 0.75),
      },
    },
  ],
  head: {
    ContrNo: at('INV-2026-118', 0.12, 0.7, 0.2),
    TransMode: {
      value: '3',
      source: { value: 'FOB', fileName: FILE, box: { page: 0, x: 0.7, y: 0.15, w: 0.15, h: 0.02 } },
    },
    PackNo: at('45', 0.65, 0.3),
    GrossWet: at('880', 0.65, 0.5),
    NetWt: at('800', 0.65, 0.6),
  },
  mismatches: [
    { kind: 'line-arithmetic', field: 'DeclTotal', expected: '610.00', actual: '600.00', line: 2 },
    {
      kind: 'total',
      field: 'amount',
      expected: '6600.00',
      actual: '6610.00',
      box: { page: 0, x: 0.75, y: 0.6, w: 0.12, h: 0.02 },
    },
    { kind: 'unmatched-line', field: 'GName', expected: '', actual: '陶瓷杯', line: 2 },
  ],
};

/** A 1×1 white PNG: a page picture for tests that do not look at it. */
export const tinyPng = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);
