import { describe, expect, it } from 'vitest';
import type { PageOptions } from '../../../test-support/shared/document-text';
import { tableLine, textDocument, textPage } from '../../../test-support/shared/document-text';
import type { InvoiceItem } from '../../../test-support/shared/invoice-text';
import { invoiceText, packingItems, packingText } from '../../../test-support/shared/invoice-text';
import { parseDocument } from './parse-document';

// A goods name may start with the word a totals row is labelled with ("Total station", "TOTAL CARE lotion",
// "总计量表"): the row is a goods line all the same, and the table goes on to the real totals row.

const surveying: readonly InvoiceItem[] = [
  { no: '1', name: 'Theodolite', model: 'DT-02', qty: '2', unit: 'SETS', price: '1,200.00', amount: '2,400.00' },
  {
    no: '2',
    name: 'Total station TS-06',
    model: 'TS-06',
    qty: '3',
    unit: 'SETS',
    price: '4,500.00',
    amount: '13,500.00',
  },
  { no: '3', name: 'Tripod', model: 'TR-1', qty: '5', unit: 'PCS', price: '80.00', amount: '400.00' },
  { no: '4', name: 'Prism pole', model: 'PP-25', qty: '5', unit: 'PCS', price: '60.00', amount: '300.00' },
];
const surveyingTotal = { qty: '15', amount: '16,600.00' };

describe('parseDocument: a goods name starting like a totals label', () => {
  it.each<[string, PageOptions]>([
    ['a text layer', {}],
    ['OCR words, a degree askew', { words: true, skew: 1 }],
  ])('keeps every line of an invoice whose second line is a "Total station", from %s', (_, options) => {
    const doc = parseDocument(invoiceText({ ...options, items: surveying, total: surveyingTotal }));
    expect(doc.lines.map((l) => [l.itemNo?.value, l.nameEn?.value, l.amount?.value])).toEqual([
      ['1', 'Theodolite', '2400.00'],
      ['2', 'Total station TS-06', '13500.00'],
      ['3', 'Tripod', '400.00'],
      ['4', 'Prism pole', '300.00'],
    ]);
    expect(doc.totals.quantity?.value).toBe('15');
    expect(doc.totals.amount?.value).toBe('16600.00');
  });

  it('keeps a line named like a totals label where the name is the first column and no item number is printed', () => {
    // The label of the totals row stands in the name column here too; the goods line has a model and a price.
    const x = { name: 40, model: 200, qty: 280, price: 380, amount: 470 };
    const page = textPage(0, [
      tableLine(x, { name: 'Description', model: 'Model', qty: "Q'ty", price: 'Unit Price', amount: 'Amount' }),
      tableLine(x, { name: 'Hand cream 50ml', model: 'HC-50', qty: '100 PCS', price: '2.00', amount: '200.00' }),
      tableLine(x, {
        name: 'TOTAL CARE lotion 200ml',
        model: 'TC-200',
        qty: '50 PCS',
        price: '4.00',
        amount: '200.00',
      }),
      tableLine(x, { name: 'Lip balm', model: 'LB-5', qty: '200 PCS', price: '1.00', amount: '200.00' }),
      tableLine(x, { name: 'TOTAL:', qty: '350 PCS', amount: '600.00' }),
    ]);
    const doc = parseDocument(textDocument('invoice.pdf', [page]));
    expect(doc.lines.map((l) => l.nameEn?.value)).toEqual(['Hand cream 50ml', 'TOTAL CARE lotion 200ml', 'Lip balm']);
    expect([doc.totals.quantity?.value, doc.totals.amount?.value]).toEqual(['350', '600.00']);
  });

  it('keeps a packing-list line named like a totals label: it has an item number', () => {
    const items = [packingItems[0], { ...packingItems[1], name: 'TOTAL CARE lotion 200ml' }, packingItems[2]];
    const doc = parseDocument(packingText({ items, words: true }));
    expect(doc.lines.map((l) => l.nameEn?.value)).toEqual([
      'Stainless steel bolt',
      'TOTAL CARE lotion 200ml',
      'Tool set',
    ]);
    expect(doc.totals.grossWeight?.value).toBe('128.5');
  });

  it.each<[string, PageOptions]>([
    ['a text layer', {}],
    ['OCR words', { words: true }],
  ])('keeps Chinese goods names starting with 总计 or 小计 (总计量表, 小计算器), from %s', (_, options) => {
    const x = { no: 40, name: 70, model: 170, unit: 240, qty: 290, price: 360, amount: 450 };
    const page = textPage(
      0,
      [
        tableLine(x, {
          no: '序号',
          name: '货物名称',
          model: '型号',
          unit: '单位',
          qty: '数量',
          price: '单价',
          amount: '金额',
        }),
        tableLine(x, {
          no: '1',
          name: '水表',
          model: 'LXS-15',
          unit: '个',
          qty: '10',
          price: '35.00',
          amount: '350.00',
        }),
        tableLine(x, {
          no: '2',
          name: '总计量表',
          model: 'ZJ-80',
          unit: '台',
          qty: '2',
          price: '900.00',
          amount: '1800.00',
        }),
        tableLine(x, {
          no: '3',
          name: '小计算器',
          model: 'JS-12',
          unit: '个',
          qty: '20',
          price: '15.00',
          amount: '300.00',
        }),
        tableLine(x, { no: '4', name: '阀门', model: 'DN25', unit: '个', qty: '8', price: '25.00', amount: '200.00' }),
        tableLine(x, { no: '合计：', qty: '40', amount: '2650.00' }),
      ],
      options,
    );
    const doc = parseDocument(textDocument('发票.pdf', [page]));
    expect(doc.lines.map((l) => [l.nameZh?.value, l.model?.value])).toEqual([
      ['水表', 'LXS-15'],
      ['总计量表', 'ZJ-80'],
      ['小计算器', 'JS-12'],
      ['阀门', 'DN25'],
    ]);
    expect(doc.totals.amount?.value).toBe('2650.00');
  });
});

describe('parseDocument: a goods name starting like a totals label, in a table of names, quantities and weights', () => {
  // No item number, model or price to tell the row from a total: its cells do — a name going on past the label's word,
  // a quantity with its unit, the weights — as the totals row's "TOTAL:" and sums do not.
  const x = { name: 40, qty: 230, unit: 275, ctns: 320, nw: 390, gw: 460 };
  const row = (name: string, qty: string, ctns: string, nw: string, gw: string, unit = 'SETS') =>
    tableLine(x, { name, qty, unit, ctns, nw, gw });
  const header = row('Description of Goods', 'Quantity', 'CTNS', 'N.W. (KGS)', 'G.W. (KGS)', 'Unit');
  const goods = [
    row('Total station surveying instrument', '3', '3', '24.0', '30.0'),
    row('Safety helmet', '50', '2', '20.0', '22.5', 'PCS'),
    row('TOTAL-PROTECT gloves', '200', '4', '16.0', '18.0', 'PAIRS'),
    row('Tripod', '3', '1', '12.0', '13.5'),
    row('小计算器', '20', '1', '4.0', '5.0', '个'),
  ];
  it.each<[string, string, PageOptions]>([
    ['"TOTAL:"', 'TOTAL:', {}],
    ['"TOTAL:", from OCR words', 'TOTAL:', { words: true }],
    // The totals row's own cells filled as a goods row's: its label alone tells it.
    ['"TOTAL" beside a quantity with its unit', 'TOTAL', {}],
    ['"合计："', '合计：', {}],
  ])('keeps the goods lines named "Total …" and ends at %s', (_, label, options) => {
    const total = row(label, '256', '10', '72.0', '84.0', label === 'TOTAL' ? 'PCS' : '');
    const page = textPage(
      0,
      [[[250, 'PACKING LIST']], [], header, ...goods, total, [[40, 'Freight prepaid']]],
      options,
    );
    const doc = parseDocument(textDocument('packing-list.pdf', [page]));
    expect(doc.lines.map((l) => [l.nameEn?.value ?? l.nameZh?.value, l.quantity?.value, l.grossWeight?.value])).toEqual(
      [
        ['Total station surveying instrument', '3', '30.0'],
        ['Safety helmet', '50', '22.5'],
        ['TOTAL-PROTECT gloves', '200', '18.0'],
        ['Tripod', '3', '13.5'],
        ['小计算器', '20', '5.0'],
      ],
    );
    expect([doc.totals.packages?.value, doc.totals.grossWeight?.value]).toEqual(['10', '84.0']);
    expect(doc.rowsAfterTotals).toBeUndefined();
  });
});

describe('parseDocument: the totals row as OCR reads it still ends the table', () => {
  // Each as the bench's scans gave it (the label in the item number's column, garbled or parted over two columns,
  // the total amount set under the unit price, a speck read in the model column), and a label's word set wide.
  const x = { no: 40, name: 70, model: 230, qty: 300, price: 390, amount: 470 };
  const page = (total: Partial<Record<keyof typeof x, string>>) =>
    textPage(0, [
      tableLine(x, {
        no: 'No.',
        name: 'Description',
        model: 'Model',
        qty: 'Qty',
        price: 'Unit Price',
        amount: 'Amount',
      }),
      tableLine(x, { no: '1', name: 'Theodolite', model: 'DT-02', qty: '2', price: '4,500.00', amount: '9,000.00' }),
      tableLine(x, { no: '2', name: 'Tripod', model: 'TR-1', qty: '4', price: '100.00', amount: '400.00' }),
      tableLine(x, total),
      // A charge after the total, which a table going on would take for a goods line. (A row carrying the item
      // numbers on would make the totals row a page's sub-total: parse-subtotals.test.ts.)
      tableLine(x, { name: 'Freight', amount: '50.00' }),
    ]);
  it.each<[string, Partial<Record<keyof typeof x, string>>, string | undefined]>([
    ['"Ait: TOTAL:" in the item number column', { no: 'Ait: TOTAL:', amount: '9,400.00' }, '9400.00'],
    ['"合计:" and "TOTAL:" parted into two columns', { no: '合计:', name: 'TOTAL:', amount: '9,400.00' }, '9400.00'],
    ['a speck in the model column', { no: 'TOTAL', model: 'i', amount: '9,400.00' }, '9400.00'],
    [
      'a label word spilled into the model column',
      { no: 'TOTAL', model: 'AMOUNT (USD):', amount: '9,400.00' },
      '9400.00',
    ],
    ['the label in the model column', { model: 'TOTAL:', amount: '9,400.00' }, '9400.00'],
    // A Chinese table's 合计： alone, which OCR read as a word of Latin letters: no name, no model, the rows' sum.
    ['"合计：" read "ait:", no TOTAL beside it', { no: 'ait:', amount: '9,400.00' }, '9400.00'],
    // Under the unit price the total is not taken for the amount; the row still is no goods line.
    ['the total amount under the unit price', { no: '合计 : TOTAL', price: '9,400.00' }, undefined],
  ])('%s', (_, total, amount) => {
    const doc = parseDocument(textDocument('invoice.png', [page(total)]));
    // What follows the totals row is no goods line of the table.
    expect(doc.lines.map((l) => l.nameEn?.value)).toEqual(['Theodolite', 'Tripod']);
    expect(doc.totals.amount?.value).toBe(amount);
  });
});

describe('parseDocument: a totals row whose label OCR garbled is told by its sums', () => {
  // A Chinese packing list's "合计：" read "ait:", as on three of the bench's clean scans: with no name and no model, the
  // packages and weights that are the rows' sums make the row the totals row, not a goods line.
  const x = { no: 40, name: 70, model: 170, unit: 240, qty: 290, ctns: 340, nw: 400, gw: 470 };
  const header = { no: '序号', name: '货物名称', model: '型号', unit: '单位', qty: '数量', ctns: '件数' };
  const rows = [
    {
      no: '1',
      name: '电动工具',
      model: 'CP84-820',
      unit: '台',
      qty: '2921',
      ctns: '8353',
      nw: '178181.00',
      gw: '200459.87',
    },
    { no: '2', name: '陶瓷餐盘', model: 'CP-01', unit: '个', qty: '936', ctns: '35', nw: '486.72', gw: '517.88' },
  ];
  it.each<[string, Partial<Record<keyof typeof x, string>>]>([
    ['every figure adding up', { no: 'ait:', ctns: '8388', nw: '178667.72', gw: '200977.75' }],
    ['one figure misread', { no: 'ait:', ctns: '8388', nw: '178667.72', gw: '200971.75' }],
  ])("reads the packing list's totals, %s", (_, total) => {
    const page = textPage(
      0,
      [
        [[250, '装箱单']],
        [],
        tableLine(x, { ...header, nw: '净重 (千克)', gw: '毛重 (千克)' }),
        ...rows.map((r) => tableLine(x, r)),
        tableLine(x, total),
        [[40, '共计：8388 箱']],
      ],
      { words: true },
    );
    const doc = parseDocument(textDocument('装箱单.png', [page]));
    expect(doc.lines.map((l) => l.model?.value)).toEqual(['CP84-820', 'CP-01']);
    expect([doc.totals.packages?.value, doc.totals.netWeight?.value]).toEqual(['8388', '178667.72']);
  });
});
