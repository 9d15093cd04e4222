import { describe, expect, it } from 'vitest';
import { layouts, loadLayouts } from './layouts';
import { drawShipment } from './shipment';

describe('the invoice layouts (layouts.json)', () => {
  const classic = {
    id: 'classic',
    font: 'serif',
    fontSize: 8.5,
    lang: 'en',
    table: 'bordered',
    numbers: { grouped: true, priceDecimals: 2 },
    date: 'iso',
    words: true,
    columns: { invoice: ['item', 'nameEn', 'origin'], 'packing-list': ['nameEn', 'packages'] },
  };

  it('prints each role’s columns in order, the origin column only when the lines’ origins differ', () => {
    const [layout] = loadLayouts([classic]);
    const s = drawShipment(7);
    const headers = (commonOrigin: typeof s.commonOrigin) =>
      layout?.columns('invoice', { ...s, commonOrigin }).map((c) => c.header);
    expect(headers(undefined)).toEqual(['No.', 'Description of Goods', 'Origin']);
    expect(headers(s.lines[0]?.origin)).toEqual(['No.', 'Description of Goods']);
    expect(layout?.columns('packing-list', s).map((c) => c.prints)).toEqual([['nameEn'], ['packages']]);
    expect(layouts.length).toBeGreaterThan(1);
  });

  it('refuses a layout naming a column there is none of, or lacking a field', () => {
    const named = { ...classic, columns: { ...classic.columns, invoice: ['item', 'hsCode'] } };
    expect(() => loadLayouts([named])).toThrow(/^bench\/extract\/layouts\.json: [\s\S]*columns\.invoice\[1\]/);
    const { words: _, ...noWords } = classic;
    expect(() => loadLayouts([noWords])).toThrow(/at \[0\]\.words/);
  });
});
