import { describe, expect, it } from 'vitest';
import { builtinFinder } from '../../../test-support/main/code-tables';
import { invoiceItems, invoiceText, packingItems, packingText } from '../../../test-support/shared/invoice-text';
import type { ProposedLine } from '../document';
import { parseDocument } from '../parse';
import type { ProductCandidate } from './product';
import { proposeExtraction } from './propose-extraction';
import { transModeCode } from '../codes';
import { extractionSchema } from '../../api/extract-schemas';

const codes = builtinFinder();
const valuesOf = (line: ProposedLine | undefined) =>
  Object.fromEntries(Object.entries(line?.values ?? {}).map(([k, v]) => [k, v.value]));

describe('proposeExtraction', () => {
  it('proposes goods lines from an invoice and its packing list, with codes from the code tables', () => {
    const docs = [parseDocument(packingText()), parseDocument(invoiceText())];
    const x = proposeExtraction(docs, { codes });
    expect(x.lines.map((l) => [l.invoiceLine, l.packingLine])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(valuesOf(x.lines[0])).toEqual({
      GName: 'Stainless steel bolt',
      GNameEn: 'Stainless steel bolt',
      GModel: 'M8x40',
      GQty: '1000',
      GUnit: '007',
      DeclPrice: '0.25',
      DeclTotal: '250.00',
      TradeCurr: 'USD',
      OriginCountry: 'CHN',
      NetWt: '40.5',
      GrossWt: '42.0',
    });
    expect(valuesOf(x.lines[2])).toMatchObject({ GUnit: '006', DeclTotal: '1234.50', NetWt: '60.0' });
    // Each value says where it was read: the packing list's weight, with its box on that page.
    expect(x.lines[0]?.values.NetWt?.source).toMatchObject({ fileName: 'packing-list.pdf', value: '40.5' });
    expect(x.lines[0]?.values.NetWt?.source?.box).toBeDefined();
    expect(Object.fromEntries(Object.entries(x.head).map(([k, v]) => [k, v.value]))).toEqual({
      ContrNo: 'INV-2026-0315',
      TransMode: '3',
      incoterm: 'FOB Shanghai',
      TradeCurr: 'USD',
      PackNo: '11',
      GrossWet: '128.5',
      NetWt: '120.5',
    });
    expect(x.mismatches).toEqual([]);
  });

  it('matches packing-list lines printed in another order and by name, and flags what only one document has', () => {
    const [bolt, nut, tools] = packingItems;
    const packing = [
      { ...tools, no: '1' },
      { ...nut, no: '2', name: 'HEX NUT' },
      { ...bolt, no: '3' },
      { no: '4', name: 'Spare washers', qty: '10 PCS', ctns: '1', nw: '1.0', gw: '1.2' },
    ];
    const total = { qty: '3,060', ctns: '12', nw: '121.5', gw: '129.7' };
    const x = proposeExtraction([parseDocument(invoiceText()), parseDocument(packingText({ items: packing, total }))], {
      codes,
    });
    expect(x.lines.map((l) => [l.invoiceLine, l.packingLine])).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
      [null, 3],
    ]);
    expect(x.mismatches).toEqual([
      expect.objectContaining({ kind: 'unmatched-line', field: 'invoiceLine', expected: 'Spare washers', line: 3 }),
    ]);
    expect(x.mismatches[0]?.box).toBeDefined();
  });

  it('flags totals that the lines do not add up to, a line whose quantity × price is not its amount, and quantities the documents disagree on', () => {
    const items = [invoiceItems[0], { ...invoiceItems[1], amount: '1,000.00' }, invoiceItems[2]];
    const invoice = parseDocument(invoiceText({ items, total: { qty: '3,050', amount: '1,584.50' } }));
    const packing = parseDocument(
      packingText({
        items: [packingItems[0], packingItems[1], { ...packingItems[2], qty: '48 SETS' }],
        total: { qty: '3,048', ctns: '11', nw: '120.0', gw: '128.5' },
      }),
    );
    const x = proposeExtraction([invoice, packing], { codes });
    const found = x.mismatches.map(({ kind, field, expected, actual, line, fileName }) => ({
      kind,
      field,
      expected,
      actual,
      line,
      fileName,
    }));
    expect(found).toEqual([
      {
        kind: 'total',
        field: 'amount',
        expected: '1584.50',
        actual: '2484.50',
        line: undefined,
        fileName: 'invoice.pdf',
      },
      {
        kind: 'total',
        field: 'netWeight',
        expected: '120.0',
        actual: '120.5',
        line: undefined,
        fileName: 'packing-list.pdf',
      },
      {
        kind: 'line-arithmetic',
        field: 'DeclTotal',
        expected: '1000.00',
        actual: '100.00',
        line: 1,
        fileName: 'invoice.pdf',
      },
      {
        kind: 'invoice-vs-packing',
        field: 'GQty',
        expected: '50',
        actual: '48',
        line: 2,
        fileName: 'packing-list.pdf',
      },
    ]);
    expect(x.mismatches.every((m) => m.box)).toBe(true);
  });

  it('says that rows looking like goods rows follow a document’s totals row, first, with the document and where they stand, across the contract', () => {
    const box = { page: 1, x: 0.07, y: 0.2, w: 0.8, h: 0.05 };
    const invoice = { ...parseDocument(invoiceText()), rowsAfterTotals: { rows: 2, box } };
    const x = proposeExtraction([parseDocument(packingText()), invoice], { codes });
    const said = { kind: 'rows-after-totals', field: 'rows', expected: '2', actual: '', fileName: 'invoice.pdf', box };
    expect(x.mismatches).toEqual([said]);
    // The review names the document, so the file name crosses the contract with the box.
    expect(extractionSchema.parse(x).mismatches).toEqual([said]);
  });

  it('maps the Incoterms the 成交方式 table names, and proposes none for the others', () => {
    const terms = ['CIF', 'CFR', 'FOB', 'C&I', 'EXW', 'DAP', 'DDP', 'FCA', 'CPT', 'CIP'];
    expect(terms.map((t) => transModeCode(codes, t) ?? null)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '7',
      null,
      null,
      null,
      null,
      null,
    ]);
    const docs = [parseDocument(invoiceText())];
    const incoterm = docs[0]?.head.incoterm;
    if (incoterm) Object.assign(incoterm, { value: 'DAP', raw: 'DAP Hamburg' });
    const x = proposeExtraction(docs, { codes });
    expect(x.head.TransMode).toBeUndefined();
    expect(x.head.incoterm?.value).toBe('DAP Hamburg');
  });

  it('proposes the own unit of the goods where the invoice says pieces and the packing list names it for as many', () => {
    const items = [{ ...packingItems[0], qty: '1,000 件' }, { ...packingItems[1], qty: '2,000 千克' }, packingItems[2]];
    const x = proposeExtraction([parseDocument(invoiceText()), parseDocument(packingText({ items }))], { codes });
    expect(x.lines.map((l) => [l.values.GUnit?.value, l.values.GUnit?.source?.fileName])).toEqual([
      ['011', 'packing-list.pdf'],
      // A weight is no count of the same pieces: the invoice's unit stands.
      ['007', 'invoice.pdf'],
      ['006', 'invoice.pdf'],
    ]);
  });

  it('proposes the unit a product released before was declared in where the invoice says pieces', () => {
    const products: ProductCandidate[] = [
      {
        id: 'p-bolt',
        learned: true,
        fields: { DeclGoodsEname: 'Stainless steel bolt', CodeTS: '7318151001', GUnit: '017' },
      },
      { id: 'p-set', learned: true, fields: { DeclGoodsEname: 'Tool set', CodeTS: '8206000000', GUnit: '035' } },
    ];
    const x = proposeExtraction([parseDocument(invoiceText())], { codes, findProduct: () => products });
    expect(x.lines.map((l) => l.values.GUnit)).toEqual([
      { value: '017', fromLibrary: { productId: 'p-bolt' } },
      expect.objectContaining({ value: '007' }),
      // Sets stay sets: the library's kilograms count something else.
      expect.objectContaining({ value: '006' }),
    ]);
  });

  it('proposes 商品编号 and 申报要素 from a product released before under the same name, not from one never released', () => {
    const products: ProductCandidate[] = [
      { id: 'p-new', learned: false, fields: { GName: 'Hex nut', CodeTS: '7318160000', GModel: '0|0|螺母' } },
      {
        id: 'p-bolt',
        learned: true,
        fields: {
          GName: '螺栓',
          DeclGoodsEname: 'Stainless Steel Bolt',
          CodeTS: '7318151001',
          GModel: '0|0|不锈钢|M8x40',
        },
      },
    ];
    const asked: string[] = [];
    const findProduct = ({ name }: { name: string }) => {
      asked.push(name);
      return products;
    };
    const x = proposeExtraction([parseDocument(invoiceText())], { codes, findProduct });
    expect(x.lines[0]?.values.CodeTS).toEqual({ value: '7318151001', fromLibrary: { productId: 'p-bolt' } });
    expect(x.lines[0]?.elements).toBe('0|0|不锈钢|M8x40');
    expect(x.lines[1]?.values.CodeTS).toBeUndefined();
    expect(asked).toContain('Hex nut');
  });
});
