import type { ProposedLineField } from '../../../shared/extract/document';
import type { ExtractMessages } from './messages-zh';

// The review screen's wording in English.

const totalsEn: Record<string, string> = {
  quantity: 'quantity',
  amount: 'amount',
  packages: 'packages',
  netWeight: 'net weight',
  grossWeight: 'gross weight',
};

const fieldsEn: Record<ProposedLineField, string> = {
  GName: 'Goods name',
  GNameEn: 'English name',
  GModel: 'Specification',
  GQty: 'Quantity',
  GUnit: 'Unit',
  DeclPrice: 'Unit price',
  DeclTotal: 'Amount',
  TradeCurr: 'Currency',
  OriginCountry: 'Origin',
  NetWt: 'Net wt',
  GrossWt: 'Gross wt',
  CodeTS: 'HS code',
};

export const extractEn: ExtractMessages = {
  menu: 'Goods lines from an invoice / packing list…',
  title: 'Goods lines from the invoice and packing list',
  choose:
    'Choose the invoice and packing list (PDF, JPG, PNG, TIFF; several at once; Excel goes to the column mapping)',
  reading: (file, page, pages) => (pages > 0 ? `Reading ${file}: page ${page} of ${pages}` : `Opening ${file}`),
  ocr: (percent) => `Text recognition ${percent}%`,
  cancel: 'Cancel',
  cancelled: 'Reading was cancelled; nothing was proposed',
  page: (file, page, pages) => `${file} page ${page} of ${pages}`,
  prevPage: 'Previous page',
  nextPage: 'Next page',
  picture: (file, page) => `Picture of ${file} page ${page}`,
  lines: 'Goods lines found',
  accept: 'Accept',
  discard: 'Cancel',
  acceptLine: (n) => `Accept line ${n}`,
  acceptAll: 'Accept all',
  fromLibrary: 'Library',
  fromLibraryTitle: 'Proposed by the product library from a product of that name released before, not read',
  head: 'Head',
  takeHead: (label) => `Take ${label}`,
  checks: 'Checks',
  noMismatch: 'The lines agree with the totals on the documents',
  doubtfulBadge: 'check',
  doubtful: 'Read with low certainty: check it against the document',
  doubtfulValue: (where, value) => `${where} ${value}: read with low certainty, check it against the document`,
  lineField: (line, field) => `Line ${line} ${field.toLowerCase()}`,
  fields: fieldsEn,
  heads: {
    ContrNo: 'Contract no. (invoice no.)',
    TransMode: 'Transaction mode (Incoterm)',
    PackNo: 'Packages',
    GrossWet: 'Gross weight',
    NetWt: 'Net weight',
  },
  mismatch(m) {
    const label = fieldsEn[m.field as ProposedLineField] ?? totalsEn[m.field] ?? m.field;
    const line = m.line !== undefined ? `Line ${m.line + 1}` : '';
    if (m.kind === 'total')
      return `Total ${label.toLowerCase()}: the document says ${m.expected}, the lines add up to ${m.actual}`;
    if (m.kind === 'line-arithmetic')
      return `${line}: the ${label.toLowerCase()} is ${m.expected}, quantity × unit price is ${m.actual}`;
    if (m.kind === 'invoice-vs-packing')
      return `${line} ${label.toLowerCase()}: ${m.expected} on the invoice, ${m.actual} on the packing list`;
    if (m.kind === 'rows-after-totals') {
      // Rows the parser did not read: the document and page they stand on, and how many.
      const where = [m.fileName, m.box ? `page ${m.box.page + 1}` : ''].filter(Boolean).join(' ');
      const one = m.expected === '1';
      const rows = one ? 'row that looks like a goods line follows' : 'rows that look like goods lines follow';
      return `${where}: ${m.expected} ${rows} the totals row and ${one ? 'was' : 'were'} not read; check ${one ? 'it' : 'them'} against the document`;
    }
    return `${line} (${m.actual}) has no matching line in the other document`;
  },
  written: (n, seq) => `${n} goods lines from the documents written to declaration ${seq}`,
  writtenHead: 'The chosen head values were written',
  undo: 'Undo',
  dismiss: 'Hide',
  undone: 'What was written from the documents was undone',
  refused: (n) => `${n} errors; nothing was written:`,
};
