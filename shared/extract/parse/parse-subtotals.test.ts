import { describe, expect, it } from 'vitest';
import type { PageOptions, TextLine } from '../../../test-support/shared/document-text';
import { tableLine, textDocument, textPage } from '../../../test-support/shared/document-text';
import { invoiceColumns, invoiceHead, invoiceHeader, packingText } from '../../../test-support/shared/invoice-text';
import { parseDocument } from './parse-document';

// A row labelled like a total in the middle of the goods table — a page's sub-total, the sum carried to the next
// page — must not lose the lines after it without a word: where the item numbers go on, or the row's label names a part
// sum, the table goes on past it; where nothing tells, the parsed document says how many rows that look like goods
// rows follow the totals row.

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
/** The two kinds of text a table comes in: a text layer's runs, or OCR's words. */
const textOrWords: [string, PageOptions][] = [
  ['a text layer', {}],
  ['OCR words', { words: true }],
];
/** A row of a table that prints no item numbers. */
const unnumbered = (cells: Cells): Cells => ({ ...cells, no: '' });
/** An invoice printing no item numbers: a row labelled `label` after its third row, TOTAL after its fifth. */
const midPage = (label: string) =>
  twoPages(
    [
      ...items(1, 3).map(unnumbered),
      { name: label, qty: '30', amount: '45.00' },
      ...items(4, 5).map(unnumbered),
      { name: 'TOTAL', qty: '50', amount: '75.00' },
    ],
    [],
  );

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

  it.each<[string, (n: number) => number]>([
    ['by ten, as SAP numbers lines', (n) => n * 10],
    ['past a gap a deleted line left (7, then 9)', (n) => (n < 8 ? n : n + 1)],
  ])("keeps every line past a page's 合计 where the item numbers go on %s", (_, numbered) => {
    const renumbered = (c: Cells, i: number) => ({ ...c, no: String(numbered(i + 1)) });
    const all = items(1, 12).map(renumbered);
    const doc = parseDocument(
      twoPages(
        [...all.slice(0, 7), { no: '合计', qty: '70', amount: '105.00' }],
        [...all.slice(7), { no: '合计', qty: '120', amount: '180.00' }],
      ),
    );
    expect(doc.lines.map((l) => [l.itemNo?.value, l.model?.value])).toEqual(all.map((c) => [c.no, c.model]));
    expect(doc.totals.amount?.value).toBe('180.00');
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  it("ends at a page's 合计 where the item numbers go down after it (10 … 70, then 1), and says the rows after it", () => {
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 7).map((c, i) => ({ ...c, no: String((i + 1) * 10) })),
          { no: '合计', qty: '70', amount: '105.00' },
        ],
        [...items(1, 5), { no: '合计', qty: '50', amount: '75.00' }],
      ),
    );
    expect(doc.lines).toHaveLength(7);
    expect(doc.totals.amount?.value).toBe('105.00');
    expect(doc.rowsAfterTotals?.rows).toBe(5);
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
  // No item numbers, and a TOTAL or 合计 label, which a page's total may carry as well as the last: the table ends there
  // and the rows after it are counted, with where they stand.
  it('counts the rows after a mid-table total on the same page, the later total not among them', () => {
    const doc = parseDocument(midPage('TOTAL'));
    expect(doc.lines).toHaveLength(3);
    expect(doc.totals.amount?.value).toBe('45.00');
    expect(doc.rowsAfterTotals?.rows).toBe(2);
    const box = doc.rowsAfterTotals?.box;
    expect(box?.page).toBe(0);
    // The box covers the two rows: from the fifth table row's top to the sixth's foot, across the table.
    expect(box && box.h).toBeGreaterThan(0);
    expect(box && box.x).toBeLessThan(invoiceColumns.name / 595 + 0.01);
  });

  it.each(textOrWords)(
    'counts the rows on the next page after a page total, and names that page, from %s',
    (_, options) => {
      const doc = parseDocument(
        twoPages(
          [...items(1, 7).map(unnumbered), { name: '合计', qty: '70', amount: '105.00' }],
          [...items(8, 12).map(unnumbered), { name: 'TOTAL', qty: '120', amount: '180.00' }],
          options,
        ),
      );
      expect(doc.lines).toHaveLength(7);
      expect(doc.rowsAfterTotals?.rows).toBe(5);
      expect(doc.rowsAfterTotals?.box.page).toBe(1);
    },
  );

  it('ends at a "Sub-total" followed by the charges and the total, and says the rows after that total', () => {
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 3).map(unnumbered),
          { name: 'Sub-total', qty: '30', amount: '45.00' },
          { name: 'Freight', amount: '5.00' },
          { name: 'TOTAL', amount: '50.00' },
          ...items(4, 5).map(unnumbered),
        ],
        [],
      ),
    );
    expect(doc.lines).toHaveLength(3);
    expect(doc.totals.amount?.value).toBe('45.00');
    expect(doc.rowsAfterTotals?.rows).toBe(2);
  });

  it('ends at a "Sub-total" followed by another table under a header of its own on the page', () => {
    const row = (cells: Cells) => tableLine(invoiceColumns, cells);
    const page: TextLine[] = [
      ...invoiceHead,
      invoiceHeader,
      ...items(1, 3).map(unnumbered).map(row),
      row({ name: 'Sub-total', qty: '30', amount: '45.00' }),
      [],
      invoiceHeader,
      ...items(4, 5).map(unnumbered).map(row),
    ];
    const doc = parseDocument(textDocument('two-tables.pdf', [textPage(0, page)]));
    expect(doc.lines).toHaveLength(3);
    expect(doc.rowsAfterTotals?.rows).toBe(2);
  });

  it.each(['Invoice Total', 'Amount due'])(
    'ends at a "Sub-total" followed by "Freight" and "%s", a packing list on the next page not read in',
    (total) => {
      const row = (cells: Cells) => tableLine(invoiceColumns, cells);
      const invoice = textPage(0, [
        ...invoiceHead,
        invoiceHeader,
        ...items(1, 3).map(unnumbered).map(row),
        row({ name: 'Sub-total', qty: '30', amount: '45.00' }),
        row({ name: 'Freight', amount: '5.00' }),
        row({ name: total, amount: '50.00' }),
      ]);
      // The packing list that follows in the same PDF, under a header of its own: its rows are no invoice lines.
      const packing = packingText().pages[0];
      if (!packing) throw new Error('the packing list has a page');
      const page1 = { ...packing, index: 1, runs: packing.runs.map((r) => ({ ...r, box: { ...r.box, page: 1 } })) };
      const doc = parseDocument(textDocument('invoice-and-packing.pdf', [invoice, page1]));
      expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 3).map((c) => c.model));
      expect(doc.totals.amount?.value).toBe('45.00');
      expect(doc.rowsAfterTotals?.rows).toBe(3);
      expect(doc.rowsAfterTotals?.box.page).toBe(1);
    },
  );

  it('takes a goods name starting with 小计 (小计算器, in a table printing no model, price or unit) for no part sum', () => {
    // Without its unit, nothing in the row's cells tells it from a total (with it, it is a goods line:
    // parse-totals-row.test.ts); a part sum it is not, so the table ends there and the rows after it are said.
    const bare = (cells: Cells): Cells => ({ ...unnumbered(cells), model: '', price: '', unit: '' });
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 3).map(bare),
          { name: '小计算器', qty: '10', amount: '15.00' },
          ...items(4, 5).map(bare),
          { name: 'TOTAL', qty: '50', amount: '75.00' },
        ],
        [],
      ),
    );
    expect(doc.lines).toHaveLength(3);
    expect(doc.rowsAfterTotals?.rows).toBe(2);
  });
});

describe('parseDocument: a row labelled as a part sum, where no item numbers tell', () => {
  // "Sub-total", 小计, "Carried forward", 承上页: the label itself says the goods go on, so the table goes on to the first
  // row that looks like a goods row after it, and the last total is the one the lines are checked against.
  it('keeps every line past a "Sub-total" on the same page', () => {
    const doc = parseDocument(midPage('Sub-total'));
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 5).map((c) => c.model));
    expect(doc.totals.amount?.value).toBe('75.00');
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  it('keeps a goods line named "Total station" past a "Sub-total": a goods row naming a total ends nothing', () => {
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 3).map(unnumbered),
          { name: 'Sub-total', qty: '30', amount: '45.00' },
          { ...unnumbered(part(4)), name: 'Total station TS-06' },
          unnumbered(part(5)),
          { name: 'TOTAL', qty: '50', amount: '75.00' },
        ],
        [],
      ),
    );
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 5).map((c) => c.model));
    expect(doc.totals.amount?.value).toBe('75.00');
  });

  it("keeps every line past a group's 小计 where the item numbers start again after it", () => {
    const again = items(1, 2).map((c, i) => ({ ...c, model: `Q-${i + 1}` }));
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 3),
          { name: '小计', qty: '30', amount: '45.00' },
          ...again,
          { name: '合计', qty: '50', amount: '75.00' },
        ],
        [],
      ),
    );
    expect(doc.lines.map((l) => [l.itemNo?.value, l.model?.value])).toEqual([
      ...items(1, 3).map((c) => [c.no, c.model]),
      ['1', 'Q-1'],
      ['2', 'Q-2'],
    ]);
    expect(doc.totals.amount?.value).toBe('75.00');
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  it.each<[string, string, string, string, PageOptions & { header?: boolean }]>([
    ['"Carried forward" and "Brought forward", from a text layer', 'Carried forward', 'Brought forward', 'TOTAL', {}],
    [
      '"Carried forward" and "Brought forward", from OCR words',
      'Carried forward',
      'Brought forward',
      'TOTAL',
      { words: true },
    ],
    ['小计 and 承上页 of a Chinese invoice, on a page without a header', '小计', '承上页', '合计', { header: false }],
  ])('keeps every line past %s', (_, foot, top, total, options) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7).map(unnumbered), { name: foot, qty: '70', amount: '105.00' }],
        [
          { name: top, qty: '70', amount: '105.00' },
          ...items(8, 12).map(unnumbered),
          { name: total, qty: '120', amount: '180.00' },
        ],
        options,
      ),
    );
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 12).map((c) => c.model));
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['120', '180.00']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });
});

describe("parseDocument: a page's total is a part sum; only a line naming the total ends the table", () => {
  // "Page total", "Total this page", 本页合计, "Total carried over" sum one page's goods: the table goes on past them (as
  // past "Sub-total"), and where the last page's is followed by the total, the lines are checked against that total.
  it.each(
    ['Page total', 'Total this page', '本页合计', 'Total carried over'].flatMap((label) => [
      [label, 'item numbers', (c: Cells) => c],
      [label, 'no item numbers', unnumbered],
    ]),
  )('keeps every line past "%s" on each page, with %s, and takes the Grand total after it', (label, _, cells) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7).map(cells), { name: label, qty: '70', amount: '105.00' }],
        [
          ...items(8, 12).map(cells),
          { name: label, qty: '50', amount: '75.00' },
          { name: 'Grand total', qty: '120', amount: '180.00' },
        ],
      ),
    );
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 12).map((c) => c.model));
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['120', '180.00']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });
});

describe("parseDocument: a charge between a page's sum and the total", () => {
  // The total after "Freight" holds the freight, the goods' sum does not: the lines are not checked against it.
  it('ends a one-page invoice at "Page total" when "Freight" stands before the Grand total, as at a "Sub-total"', () => {
    const doc = parseDocument(
      twoPages(
        [
          ...items(1, 7),
          { name: 'Page total', qty: '70', amount: '105.00' },
          { name: 'Freight', amount: '50.00' },
          { name: 'Grand total', amount: '155.00' },
        ],
        [],
      ),
    );
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 7).map((c) => c.model));
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['70', '105.00']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });

  // On the last of several pages, the page's sum is the lines' total only where it sums every page (a running sum);
  // one page's own sum is no total of the lines, and the goods' total is then printed nowhere.
  it.each<[string, string, string, Record<string, string | undefined>]>([
    ["the last page's own sum", '50', '75.00', {}],
    ['a running sum of every page', '120', '180.00', { quantity: '120', amount: '180.00' }],
  ])('keeps every line of two pages past "Page total" and "Freight", with %s', (_, qty, amount, totals) => {
    const doc = parseDocument(
      twoPages(
        [...items(1, 7), { name: 'Page total', qty: '70', amount: '105.00' }],
        [
          ...items(8, 12),
          { name: 'Page total', qty, amount },
          { name: 'Freight', amount: '50.00' },
          { name: 'Grand total', amount: '230.00' },
        ],
      ),
    );
    expect(doc.lines.map((l) => l.model?.value)).toEqual(items(1, 12).map((c) => c.model));
    expect({ quantity: doc.totals.quantity?.value, amount: doc.totals.amount?.value }).toEqual({
      quantity: totals.quantity,
      amount: totals.amount,
    });
    expect(doc.rowsAfterTotals).toBeUndefined();
  });
});
