import { describe, expect, it } from 'vitest';
import type { PageOptions, TextLine } from '../../../test-support/shared/document-text';
import { tableLine, textDocument, textPage } from '../../../test-support/shared/document-text';
import { invoiceColumns, invoiceHead, invoiceHeader } from '../../../test-support/shared/invoice-text';
import { parseDocument } from './parse-document';

// A row labelled like a total in the middle of the goods table — a page's sub-total, the sum carried to the next
// page — must not lose the lines after it without a word: where the item numbers go on, the table goes on past it;
// where nothing tells, the parsed document says how many rows that look like goods rows follow the totals row.

type Cells = Partial<Record<keyof typeof invoiceColumns, string>>;

const part = (n: number): Cells => ({
  no: String(n),
  name: `Part ${n}`,
  model: `P-${100 + n}`,
  qty: '10',
  unit: 'PCS',
  price: '1.50',
  amount: '15.00',
});

/** An invoice over two pages: `first` and `second` are the rows of each page's table; the header is repeated. */
function twoPages(first: readonly Cells[], second: readonly Cells[], options: PageOptions & { header?: boolean } = {}) {
  const row = (cells: Cells) => tableLine(invoiceColumns, cells);
  const page1: TextLine[] = [...invoiceHead, invoiceHeader, ...first.map(row), [], [[260, 'Page 1 of 2']]];
  const page2: TextLine[] = [
    [[230, 'COMMERCIAL INVOICE (continued)']],
    [],
    ...(options.header === false ? [] : [invoiceHeader]),
    ...second.map(row),
    [],
    [[40, 'SAY US DOLLARS ONE HUNDRED EIGHTY ONLY']],
  ];
  return textDocument('invoice-2p.pdf', [textPage(0, page1, options), textPage(1, page2, options)]);
}

const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => part(from + i));

describe('parseDocument: a sub-total mid-table, the item numbers going on after it', () => {
  it.each<[string, PageOptions]>([
    ['a text layer', {}],
    ['OCR words, a degree askew', { words: true, skew: 1 }],
  ])('keeps every line of a two-page invoice with "Sub-total" at the foot of page 1, from %s', (_, options) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7), { name: 'Sub-total', qty: '70', amount: '105.00' }],
        [...items(8, 12), { name: 'TOTAL', qty: '120', amount: '180.00' }],
        options,
      ),
    );
    expect(doc.lines.map((l) => l.itemNo?.value)).toEqual(items(1, 12).map((c) => c.no));
    expect(doc.lines.map((l) => l.nameEn?.value)).not.toContain('Sub-total');
    // The final totals row is the one the lines are checked against.
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['120', '180.00']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  it.each<[string, boolean]>([
    ['under the header printed again', true],
    ['on a page without a header', false],
  ])('keeps every line of a Chinese invoice with 小计 on page 1 and 承上页 on page 2, %s', (_, header) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7), { no: '小计', qty: '70', amount: '105.00' }],
        [{ no: '承上页', qty: '70', amount: '105.00' }, ...items(8, 12), { no: '合计', qty: '120', amount: '180.00' }],
        { header },
      ),
    );
    expect(doc.lines.map((l) => [l.itemNo?.value, l.model?.value])).toEqual(items(1, 12).map((c) => [c.no, c.model]));
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['120', '180.00']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  it('keeps every line past "Carried forward" and "Brought forward" rows, neither taken for a goods line', () => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7), { name: 'Carried forward', qty: '70', amount: '105.00' }],
        [{ name: 'Brought forward', qty: '70', amount: '105.00' }, ...items(8, 12), { name: 'TOTAL', qty: '120' }],
      ),
    );
    expect(doc.lines).toHaveLength(12);
    expect(doc.lines.every((l) => l.itemNo !== undefined)).toBe(true);
    expect(doc.totals.quantity?.value).toBe('120');
  });

  it('ends the table at the total when a lone "Freight 50.00" follows it: no goods line, nothing to say', () => {
    const doc = parseDocument(
      twoPages(items(1, 3), [
        ...items(4, 5),
        { name: 'TOTAL', qty: '50', amount: '75.00' },
        { name: 'Freight', amount: '50.00' },
      ]),
    );
    expect(doc.lines.map((l) => l.nameEn?.value)).toEqual(items(1, 5).map((c) => c.name));
    expect(doc.totals.amount?.value).toBe('75.00');
    expect(doc.rowsAfterTotals).toBeUndefined();
  });
});

describe('parseDocument: rows that look like goods rows after the totals row are said', () => {
  // No item numbers: nothing tells a page's sub-total from the total, so the table ends there and the rows after it
  // are counted, with where they stand.
  const unnumbered = (cells: Cells): Cells => ({ ...cells, no: '' });

  it('counts the rows after a sub-total on the same page, the later total not among them', () => {
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 3).map(unnumbered),
          { name: 'Sub-total', qty: '30', amount: '45.00' },
          ...items(4, 5).map(unnumbered),
          { name: 'TOTAL', qty: '50', amount: '75.00' },
        ],
        [],
      ),
    );
    expect(doc.lines).toHaveLength(3);
    expect(doc.totals.amount?.value).toBe('45.00');
    expect(doc.rowsAfterTotals?.rows).toBe(2);
    const box = doc.rowsAfterTotals?.box;
    expect(box?.page).toBe(0);
    // The box covers the two rows: from the fifth table row's top to the sixth's foot, across the table.
    expect(box && box.h).toBeGreaterThan(0);
    expect(box && box.x).toBeLessThan(invoiceColumns.name / 595 + 0.01);
  });

  it.each<[string, PageOptions]>([
    ['a text layer', {}],
    ['OCR words', { words: true }],
  ])('counts the rows on the next page after "Carried forward", and names that page, from %s', (_, options) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7).map(unnumbered), { name: 'Carried forward', qty: '70', amount: '105.00' }],
        [...items(8, 12).map(unnumbered), { name: 'TOTAL', qty: '120', amount: '180.00' }],
        options,
      ),
    );
    expect(doc.lines).toHaveLength(7);
    expect(doc.rowsAfterTotals?.rows).toBe(5);
    expect(doc.rowsAfterTotals?.box.page).toBe(1);
  });
});
