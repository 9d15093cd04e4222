import { describe, expect, it } from 'vitest';
import type { DocumentLine, ParsedDocument } from '../document';
import { tableLine, textDocument, textPage } from '../../../test-support/shared/document-text';
import {
  invoiceColumns,
  invoiceHeader,
  invoiceItems,
  invoiceText,
  twoPageInvoice,
} from '../../../test-support/shared/invoice-text';
import { builtinFinder } from '../../../test-support/main/code-tables';
import { parseDocument } from './parse-document';

const values = (line: DocumentLine) =>
  Object.fromEntries(
    Object.entries(line).flatMap(([k, v]) => (k === 'index' ? [] : [[k, (v as { value: string }).value]])),
  );

function expectCleanInvoice(doc: ParsedDocument) {
  expect(doc.role).toBe('invoice');
  expect(doc.lines.map(values)).toEqual([
    {
      itemNo: '1',
      nameEn: 'Stainless steel bolt',
      model: 'M8x40',
      quantity: '1000',
      unit: 'PCS',
      unitPrice: '0.25',
      amount: '250.00',
    },
    {
      itemNo: '2',
      nameEn: 'Hex nut',
      model: 'M8',
      quantity: '2000',
      unit: 'PCS',
      unitPrice: '0.05',
      amount: '100.00',
    },
    {
      itemNo: '3',
      nameEn: 'Tool set',
      model: 'TS-12',
      quantity: '50',
      unit: 'SETS',
      unitPrice: '24.69',
      amount: '1234.50',
    },
  ]);
  expect(doc.totals.quantity?.value).toBe('3050');
  expect(doc.totals.amount?.value).toBe('1584.50');
  expect(doc.head.invoiceNo?.value).toBe('INV-2026-0315');
  expect(doc.head.invoiceDate?.value).toBe('2026-03-15');
  expect(doc.head.incoterm?.value).toBe('FOB');
  expect(doc.head.incoterm?.raw).toBe('FOB Shanghai');
  expect(doc.head.currency?.value).toBe('USD');
  expect(doc.head.seller?.value).toBe('Ningbo Hardware Co., Ltd.');
  expect(doc.head.buyer?.value).toBe('Rotterdam Tools B.V.');
  expect(doc.head.origin?.value).toBe('China');
}

describe('parseDocument', () => {
  it('reads a clean invoice: head values, every goods line, the totals row, each value with its box', () => {
    const doc = parseDocument(invoiceText());
    expectCleanInvoice(doc);
    const amount = doc.lines[2]?.amount;
    expect(amount?.raw).toBe('1,234.50');
    // The box is where the amount is printed: the amount column, on the third row under the header.
    expect(amount?.box?.x).toBeCloseTo(470 / 595, 3);
    expect(amount?.box?.page).toBe(0);
    expect(doc.lines[0]?.quantity?.box?.y).toBeLessThan(doc.lines[1]?.quantity?.box?.y ?? 0);
  });

  it('reads the same invoice from OCR runs: a word per run, split numbers, a skew of a degree, runs out of order', () => {
    const doc = parseDocument(
      invoiceText({ skew: 1, words: true, splitTexts: ['1,234.50', '2,000', 'INV-2026-0315'] }),
    );
    expectCleanInvoice(doc);
  });

  it('gives each value read by OCR the least confidence of its runs, and a text layer gives none', () => {
    const text = invoiceText({ words: true, splitTexts: ['1,234.50'] });
    const doubtful = new Map([
      ['4.50', 0.41],
      ['Ningbo', 0.6],
    ]);
    for (const run of text.pages[0]?.runs ?? []) run.confidence = doubtful.get(run.text) ?? 0.95;
    const doc = parseDocument(text);
    expect(doc.lines[2]?.amount).toMatchObject({ value: '1234.50', confidence: 0.41 });
    expect(doc.head.seller).toMatchObject({ value: 'Ningbo Hardware Co., Ltd.', confidence: 0.6 });
    expect(doc.lines[0]?.quantity?.confidence).toBe(0.95);
    expect(parseDocument(invoiceText()).lines[2]?.amount).not.toHaveProperty('confidence');
  });

  it('reads an invoice printed in a monospaced font, its text layer a run per word set a wide space apart', () => {
    expectCleanInvoice(parseDocument(invoiceText({ words: true, space: 0.55 })));
  });

  it('takes the name of a party under its label whole when the text layer sets it as several runs', () => {
    const name = 'NINGBO HAIXING IMP. & EXP. CO., LTD.';
    const lines = [[[40, 'Buyer:']], [[40, name]], [[40, 'No. 588 Tiantong Road, Ningbo']]] as const;
    const doc = parseDocument(textDocument('invoice.pdf', [textPage(0, lines, { splitTexts: [name] })]));
    expect(doc.head.buyer?.value).toBe(name);
  });

  it('follows the table onto the next page, under a repeated header or under none', () => {
    for (const repeat of [true, false]) {
      const doc = parseDocument(twoPageInvoice(repeat));
      expect(doc.lines.map((l) => l.itemNo?.value)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
      expect(doc.lines[7]?.quantity?.box?.page).toBe(1);
      expect(doc.lines.every((l) => l.amount?.value === '15.00')).toBe(true);
      expect(doc.totals.amount?.value).toBe('180.00');
    }
  });

  it('goes on past a page foot set far under the last row when the next page prints the header again', () => {
    const doc = parseDocument(twoPageInvoice(true, { footerGap: 5 }));
    expect(doc.lines.map((l) => l.itemNo?.value)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(doc.totals.amount?.value).toBe('180.00');
    // Without the header again, what stands far under the last row may be anything: the table ends there.
    expect(parseDocument(twoPageInvoice(false, { footerGap: 5 })).lines).toHaveLength(7);
  });

  it('keeps a page number set two lines under the last row out of that row', () => {
    const rows = invoiceItems.map((item) => tableLine(invoiceColumns, item));
    const page = textPage(0, [invoiceHeader, ...rows, [], [[invoiceColumns.model, 'Page 1 of 1']]]);
    const doc = parseDocument(textDocument('invoice.pdf', [page]));
    expect(doc.lines.map((l) => l.model?.value)).toEqual(invoiceItems.map((item) => item.model));
  });

  it('does not take a title set just above the header for the first line of the header', () => {
    const row = tableLine(invoiceColumns, { ...invoiceItems[0], name: 'Hex nut' });
    const page = textPage(0, [[[40, 'COMMERCIAL INVOICE INV-2026-0315 (continued)']], invoiceHeader, row]);
    const doc = parseDocument(textDocument('invoice.pdf', [page]));
    expect(doc.lines.map((l) => [l.nameEn?.value, l.model?.value, l.amount?.value])).toEqual([
      ['Hex nut', 'M8x40', '250.00'],
    ]);
  });

  it('reads a page without a header by the order of its cells when its columns stand elsewhere', () => {
    const doc = parseDocument(twoPageInvoice(false, { moved: true }));
    expect(doc.lines.slice(7).map((l) => [l.nameEn?.value, l.model?.value])).toEqual(
      Array.from({ length: 5 }, (_, i) => [`Part ${i + 8}`, `P-${107 + i}`]),
    );
  });

  it('splits bilingual names into Chinese and English and joins a name wrapped onto the next line', () => {
    const items = [
      { ...invoiceItems[0], name: '不锈钢螺栓', name2: 'Stainless steel bolt' },
      { ...invoiceItems[1], name: '六角螺母 Hex nut' },
      { ...invoiceItems[2], name: 'Tool set, 12 pieces,', name2: 'in a plastic case' },
    ];
    const doc = parseDocument(invoiceText({ items }));
    expect(doc.lines.map((l) => [l.nameZh?.value, l.nameEn?.value])).toEqual([
      ['不锈钢螺栓', 'Stainless steel bolt'],
      ['六角螺母', 'Hex nut'],
      [undefined, 'Tool set, 12 pieces, in a plastic case'],
    ]);
    expect(doc.lines).toHaveLength(3);
  });

  it('reads a Chinese packing list with a two-line header (Chinese over English) and its totals', () => {
    const x = { no: 40, name: 80, qty: 250, ctns: 320, nw: 390, gw: 460 };
    const line = (cells: readonly string[]) =>
      tableLine(x, { no: cells[0], name: cells[1], qty: cells[2], ctns: cells[3], nw: cells[4], gw: cells[5] });
    const page = textPage(0, [
      [[250, '装箱单 PACKING LIST']],
      [[40, '发票号：INV-2026-0315']],
      [],
      line(['序号', '品名', '数量', '件数', '净重', '毛重']),
      line(['No.', 'Description', 'Qty', 'CTNS', 'N.W.(KGS)', 'G.W.(KGS)']),
      line(['1', '不锈钢螺栓', '1,000 PCS', '4', '40.5', '42.0']),
      line(['2', '六角螺母', '2,000 PCS', '2', '20.0', '21.0']),
      tableLine(x, { name: '合计', qty: '3,000', ctns: '6', nw: '60.5', gw: '63.0' }),
    ]);
    const doc = parseDocument(textDocument('packing.pdf', [page]));
    expect(doc.role).toBe('packing-list');
    expect(doc.head.invoiceNo?.value).toBe('INV-2026-0315');
    expect(doc.lines.map(values)).toEqual([
      {
        itemNo: '1',
        nameZh: '不锈钢螺栓',
        quantity: '1000',
        unit: 'PCS',
        packages: '4',
        netWeight: '40.5',
        grossWeight: '42.0',
      },
      {
        itemNo: '2',
        nameZh: '六角螺母',
        quantity: '2000',
        unit: 'PCS',
        packages: '2',
        netWeight: '20.0',
        grossWeight: '21.0',
      },
    ]);
    expect(Object.fromEntries(Object.entries(doc.totals).map(([k, v]) => [k, v.value]))).toEqual({
      quantity: '3000',
      packages: '6',
      netWeight: '60.5',
      grossWeight: '63.0',
    });
  });

  it('reads a head value set as OCR words, over half a box height apart, to the next column or label', () => {
    // Latin letters are 0.55 of the 9-point font wide in the hand-made pages; `gap` in box heights.
    const words = (x: number, text: string, gap: number) => {
      const out: [number, string][] = [];
      let at = x;
      for (const word of text.split(' ')) {
        out.push([at, word]);
        at += word.length * 0.55 * 9 + gap * 9;
      }
      return out;
    };
    const page = textPage(0, [
      [[40, 'Buyer'], ...words(350, 'Date 23 MAY 2026', 0.7)],
      [...words(40, 'QINGDAO ORIENT FOODS CO., LTD.', 1.25), [400, 'Terms:'], [450, 'FOB']],
    ]);
    const doc = parseDocument(textDocument('invoice.pdf', [page]));
    expect(doc.head.invoiceDate?.value).toBe('2026-05-23');
    expect(doc.head.buyer?.value).toBe('QINGDAO ORIENT FOODS CO., LTD.');
  });

  it('reads European numbers when the document writes them so, and an Incoterm with its place', () => {
    const items = [
      { ...invoiceItems[0], qty: '1.000', price: '0,25', amount: '250,00' },
      { ...invoiceItems[1], qty: '2.000', price: '0,05', amount: '100,00' },
      { ...invoiceItems[2], qty: '50', price: '24,69', amount: '1.234,50' },
    ];
    const doc = parseDocument(invoiceText({ items, total: { qty: '3.050', amount: '1.584,50' } }));
    expect(doc.lines.map((l) => [l.quantity?.value, l.unitPrice?.value, l.amount?.value])).toEqual([
      ['1000', '0.25', '250.00'],
      ['2000', '0.05', '100.00'],
      ['50', '24.69', '1234.50'],
    ]);
    expect(doc.totals.amount).toMatchObject({ value: '1584.50', raw: '1.584,50' });
  });

  it('gives a line a currency only when the line prints one', () => {
    const items = [{ ...invoiceItems[0], amount: 'EUR 250.00' }, invoiceItems[1], invoiceItems[2]];
    const doc = parseDocument(invoiceText({ items }));
    expect(doc.lines.map((l) => [l.amount?.value, l.currency?.value])).toEqual([
      ['250.00', 'EUR'],
      ['100.00', undefined],
      ['1234.50', undefined],
    ]);
    expect(doc.lines[0]?.currency?.box).toEqual(doc.lines[0]?.amount?.box);
    expect(doc.head.currency?.value).toBe('USD');
  });

  it('drops the zeros a unit price is padded with past the cent, keeping the printed text', () => {
    const items = [
      { ...invoiceItems[0], price: '0.2500' },
      { ...invoiceItems[1], price: '0.0450', amount: '90.00' },
      invoiceItems[2],
    ];
    const doc = parseDocument(invoiceText({ items, total: { qty: '3,050', amount: '1,574.50' } }));
    expect(doc.lines.map((l) => [l.unitPrice?.value, l.unitPrice?.raw])).toEqual([
      ['0.25', '0.2500'],
      ['0.045', '0.0450'],
      ['24.69', undefined],
    ]);
  });

  it('gives countries of origin as ISO alpha-3 codes when it has the code tables, keeping what was printed', () => {
    const x = { no: 40, name: 70, origin: 200, qty: 300, price: 390, amount: 470 };
    const printed = ['ITALY', '意大利', 'P.R.C.', 'U.K.', 'USA', 'Made in Germany', 'Korea', 'Atlantis'];
    const page = textPage(0, [
      [[40, 'Country of Origin: Italy']],
      [],
      tableLine(x, { no: 'No.', name: 'Description', origin: 'Origin', qty: 'Qty', price: 'Price', amount: 'Amount' }),
      ...printed.map((origin, i) =>
        tableLine(x, { no: String(i + 1), name: 'Bolt', origin, qty: '10', price: '1.00', amount: '10.00' }),
      ),
    ]);
    const text = textDocument('invoice.pdf', [page]);
    const doc = parseDocument(text, { codes: builtinFinder() });
    expect(doc.head.origin).toMatchObject({ value: 'ITA', raw: 'Italy' });
    expect(doc.lines.map((l) => [l.origin?.value, l.origin?.raw])).toEqual([
      ['ITA', 'ITALY'],
      ['ITA', '意大利'],
      ['CHN', 'P.R.C.'],
      ['GBR', 'U.K.'],
      ['USA', 'USA'],
      ['DEU', 'Made in Germany'],
      ['KOR', 'Korea'],
      // A country the table does not know stays as printed, for the broker to see.
      ['Atlantis', undefined],
    ]);
    expect(parseDocument(text).lines[0]?.origin?.value).toBe('ITALY');
  });

  it('finds no goods lines in a page without a table, and says it does not know what the document is', () => {
    const doc = parseDocument(textDocument('letter.pdf', [textPage(0, [[[40, 'Dear Sir, please find the goods.']]])]));
    expect(doc).toMatchObject({ role: 'unknown', lines: [], totals: {} });
  });
});
