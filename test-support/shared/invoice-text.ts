import type { PageOptions, TextLine } from './document-text';
import { tableLine, textDocument, textPage } from './document-text';

/** Column positions (points) of the hand-made invoice's goods table. */
export const invoiceColumns = { no: 40, name: 70, model: 230, qty: 300, unit: 345, price: 390, amount: 470 } as const;

export interface InvoiceItem {
  no: string;
  name: string;
  /** A second line of the name, set under the first (a wrapped or bilingual name). */
  name2?: string;
  model: string;
  qty: string;
  unit: string;
  price: string;
  amount: string;
}

export const invoiceItems: readonly [InvoiceItem, InvoiceItem, InvoiceItem] = [
  { no: '1', name: 'Stainless steel bolt', model: 'M8x40', qty: '1,000', unit: 'PCS', price: '0.25', amount: '250.00' },
  { no: '2', name: 'Hex nut', model: 'M8', qty: '2,000', unit: 'PCS', price: '0.05', amount: '100.00' },
  { no: '3', name: 'Tool set', model: 'TS-12', qty: '50', unit: 'SETS', price: '24.69', amount: '1,234.50' },
];

function itemLines(
  items: readonly InvoiceItem[],
  c: Record<keyof typeof invoiceColumns, number> = invoiceColumns,
): TextLine[] {
  return items.flatMap((it) => {
    const row = tableLine(c, it);
    return it.name2 ? [row, [[c.name, it.name2]] as TextLine] : [row];
  });
}

export const invoiceHeader: TextLine = tableLine(invoiceColumns, {
  no: 'No.',
  name: 'Description of Goods',
  model: 'Model',
  qty: 'Qty',
  unit: 'Unit',
  price: 'Unit Price',
  amount: 'Amount (USD)',
});

/** The head of the hand-made invoice: title, number, date, parties, terms. */
export const invoiceHead: readonly TextLine[] = [
  [[230, 'COMMERCIAL INVOICE']],
  [
    [40, 'Seller: Ningbo Hardware Co., Ltd.'],
    [350, 'Invoice No.: INV-2026-0315'],
  ],
  [
    [40, 'Buyer: Rotterdam Tools B.V.'],
    [350, 'Date: 15 Mar 2026'],
  ],
  [
    [40, 'Terms of Delivery: FOB Shanghai'],
    [350, 'Country of Origin: China'],
  ],
  [],
];

/** A whole invoice on one page: head, table, totals row; `items` and `total` replace the defaults. */
export function invoiceText(
  options: PageOptions & { items?: readonly InvoiceItem[]; total?: { qty: string; amount: string } } = {},
) {
  const items = options.items ?? invoiceItems;
  const total = options.total ?? { qty: '3,050', amount: '1,584.50' };
  const lines: TextLine[] = [
    ...invoiceHead,
    invoiceHeader,
    ...itemLines(items),
    tableLine(invoiceColumns, { name: 'TOTAL', ...total }),
    [],
    [[40, 'SAY US DOLLARS ONE THOUSAND FIVE HUNDRED EIGHTY FOUR AND CENTS FIFTY ONLY']],
  ];
  return textDocument('invoice.pdf', [textPage(0, lines, options)]);
}

/**
 * The invoice's table over two pages, the header repeated on the second or not; `moved` shifts the second
 * page's name and model columns, as a table laid out again on each page does; `footerGap` sets the page number
 * that many lines under the last row (one blank line by default).
 */
export function twoPageInvoice(
  repeatHeader: boolean,
  options: PageOptions & { moved?: boolean; footerGap?: number } = {},
) {
  const moved = options.moved ? 1 : 0;
  // Under the first page's model header's left half: read by the first page's columns, the model is a name.
  const shifted = {
    ...invoiceColumns,
    name: invoiceColumns.name - moved * 10,
    model: invoiceColumns.model - moved * 80,
  };
  const many: InvoiceItem[] = Array.from({ length: 12 }, (_, i) => ({
    no: String(i + 1),
    name: `Part ${i + 1}`,
    model: `P-${100 + i}`,
    qty: '10',
    unit: 'PCS',
    price: '1.50',
    amount: '15.00',
  }));
  const gap: TextLine[] = Array.from({ length: options.footerGap ?? 1 }, () => []);
  const first: TextLine[] = [
    ...invoiceHead,
    invoiceHeader,
    ...itemLines(many.slice(0, 7)),
    ...gap,
    [[260, 'Page 1 of 2']],
  ];
  const second: TextLine[] = [
    [[230, 'COMMERCIAL INVOICE (continued)']],
    [],
    ...(repeatHeader ? [invoiceHeader] : []),
    ...itemLines(many.slice(7), shifted),
    tableLine(invoiceColumns, { name: 'TOTAL', qty: '120', amount: '180.00' }),
  ];
  return textDocument('invoice-2p.pdf', [textPage(0, first, options), textPage(1, second, options)]);
}

/** A packing-list line of the hand-made documents. */
export interface PackingItem {
  no: string;
  name: string;
  qty: string;
  ctns: string;
  nw: string;
  gw: string;
}

export const packingItems: readonly [PackingItem, PackingItem, PackingItem] = [
  { no: '1', name: 'Stainless steel bolt', qty: '1,000 PCS', ctns: '4', nw: '40.5', gw: '42.0' },
  { no: '2', name: 'Hex nut', qty: '2,000 PCS', ctns: '2', nw: '20.0', gw: '21.0' },
  { no: '3', name: 'Tool set', qty: '50 SETS', ctns: '5', nw: '60.0', gw: '65.5' },
];

/** The packing list that goes with the hand-made invoice; `total` replaces its totals row. */
export function packingText(
  options: PageOptions & {
    items?: readonly PackingItem[];
    total?: { qty: string; ctns: string; nw: string; gw: string };
  } = {},
) {
  const x = { no: 40, name: 70, qty: 250, ctns: 330, nw: 390, gw: 460 };
  const items = options.items ?? packingItems;
  const total = options.total ?? { qty: '3,050', ctns: '11', nw: '120.5', gw: '128.5' };
  const lines: TextLine[] = [
    [[250, 'PACKING LIST']],
    [[350, 'Invoice No.: INV-2026-0315']],
    [[350, 'Date: 2026-03-15']],
    [],
    tableLine(x, { no: 'No.', name: 'Description', qty: 'Quantity', ctns: 'CTNS', nw: 'N.W. (KGS)', gw: 'G.W. (KGS)' }),
    ...items.map((it) => tableLine(x, it)),
    tableLine(x, { name: 'TOTAL', ...total }),
  ];
  return textDocument('packing-list.pdf', [textPage(0, lines, options)]);
}
