import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeclarationDoc } from '../../catalog';
import { applyPatch, goodsDeclaration } from '../../catalog';
import { sampleDeclaration } from '../../validation/sample-declaration';
import { UnclosedQuoteError } from '../../code-tables/csv';
import { columnLetter, detectDelimiter, parseDelimited } from './delimited';
import {
  cellValue,
  checkLines,
  checkMapping,
  lineOps,
  linesAfter,
  mappedFields,
  placedRows,
  readLines,
} from './line-import';
import type { LineMapping } from './line-mapping';
import { DESTINATION, ORIGIN, normalizeHeader, remapByHeaders, suggestMapping } from './line-mapping';

const catalog = goodsDeclaration;
const def = (xml: string) => catalog.sections.find((s) => s.id === 'lines')?.elements.find((e) => e.xml === xml);

describe('delimited text', () => {
  it('reads a block copied from Excel (tabs, quoted cells with line breaks and quotes, CRLF, a final line break)', () => {
    const text = '商品编号\t商品名称\t数量\r\n0808100000\t"鲜苹果\n富士"\t1000\r\n8703236010\t"说""明"\t2\r\n';
    expect(detectDelimiter(text)).toBe('\t');
    expect(parseDelimited(text)).toEqual([
      ['商品编号', '商品名称', '数量'],
      ['0808100000', '鲜苹果\n富士', '1000'],
      ['8703236010', '说"明', '2'],
    ]);
  });

  it('reads CSV with a BOM, commas or semicolons, and refuses an unclosed quote', () => {
    expect(parseDelimited('\uFEFFa,b\n1,"2,5"')).toEqual([
      ['a', 'b'],
      ['1', '2,5'],
    ]);
    expect(parseDelimited('a;b;c\n1;2;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(() => parseDelimited('a,"b\n1,2')).toThrow(new UnclosedQuoteError(1, 3));
    expect(() => parseDelimited('品名\t数量\r苹果\t"2')).toThrow(new UnclosedQuoteError(2, 4));
  });

  it('round-trips any table of text through tab-separated text as Excel writes it', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', '"', '\t', '\n', ',', '1'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]?.length ?? 0;
        const table = rows.map((r) => Array.from({ length: width }, (_v, i) => r[i] ?? ''));
        const quote = (v: string) => (/["\t\n\r]/.test(v) || v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v);
        const text = table.map((r) => r.map(quote).join('\t')).join('\r\n');
        // A single empty cell is an empty line: Excel copies it as one too.
        if (width === 1) return;
        expect(parseDelimited(text, '\t')).toEqual(table);
      }),
    );
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('column mapping', () => {
  it('guesses the mapping from Chinese and English headers, countries by meaning, each field once', () => {
    const headers = [
      '项号',
      'HS编码',
      '品名',
      '规格型号',
      'Qty',
      '单位',
      'Unit Price',
      '总价',
      '币制',
      '原产国（地区）',
      'Destination',
      '备注',
      '数量',
    ];
    expect(suggestMapping(catalog, headers).map((c) => `${c.index}:${c.target}`)).toEqual([
      '1:CodeTS',
      '2:GName',
      '3:GModel',
      '4:GQty',
      '5:GUnit',
      '6:DeclPrice',
      '7:DeclTotal',
      '8:TradeCurr',
      `9:${ORIGIN}`,
      `10:${DESTINATION}`,
    ]);
    expect(normalizeHeader(' 原产国（地区） ')).toBe('原产国');
  });

  it('takes an English sheet’s model or specification column for 规格型号', () => {
    for (const header of ['Model', 'Model No.', 'Specification', 'Spec'])
      expect(
        suggestMapping(catalog, ['Description', header]).map((c) => c.target),
        header,
      ).toEqual(['GName', 'GModel']);
  });

  it('finds a saved mapping’s columns again when they moved', () => {
    const saved = [
      { index: 0, header: '料号', target: 'ExgNo' },
      { index: 1, header: 'HS', target: 'CodeTS' },
      { index: 4, header: '不再有', target: 'GName' },
    ];
    expect(remapByHeaders(saved, ['HS', '备注', '料号'])).toEqual([
      { index: 2, header: '料号', target: 'ExgNo' },
      { index: 0, header: 'HS', target: 'CodeTS' },
    ]);
  });

  it('refuses unknown and doubled targets, and an empty mapping', () => {
    const mapping: LineMapping = {
      sheet: null,
      headerRow: 1,
      columns: [
        { index: 0, header: 'a', target: 'GName' },
        { index: 2, header: 'c', target: 'GName' },
        { index: 3, header: '', target: 'Nope' },
      ],
    };
    expect(checkMapping(catalog, mapping).map((p) => `${p.code} ${p.column}`)).toEqual([
      'duplicate-target C c',
      'unknown-target D',
    ]);
    expect(checkMapping(catalog, { ...mapping, columns: [] }).map((p) => p.code)).toEqual(['nothing-mapped']);
  });
});

describe('reading and checking lines', () => {
  it('turns cells into values: numbers without formatting, short codes with their leading zeros, dates as yyyyMMdd', () => {
    // A 商品编号 is never padded: 9 digits may have lost a leading zero or a last digit (the import refuses it).
    expect(cellValue(808100000, def('CodeTS'))).toBe('808100000');
    expect(cellValue(35, def('GUnit'))).toBe('035');
    expect(cellValue(2.5, def('DeclPrice'))).toBe('2.5');
    expect(cellValue(1e-7, def('GQty'))).toBe('0.0000001');
    expect(cellValue(123, def('GName'))).toBe('123');
    expect(cellValue('110', def('CutMode'))).toBe('110');
    expect(cellValue('7', def('GUnit'))).toBe('007');
    expect(cellValue('12345', def('CodeTS'))).toBe('12345');
    expect(cellValue(new Date(Date.UTC(2026, 10, 22)), def('ProdValidDt'))).toBe('20261122');
    expect(cellValue('  鲜苹果 ', def('GName'))).toBe('鲜苹果');
    expect(cellValue(null, def('GName'))).toBe('');
  });

  const mapping: LineMapping = {
    sheet: null,
    headerRow: 1,
    columns: [
      { index: 0, header: '商品编号', target: 'CodeTS' },
      { index: 1, header: '品名', target: 'GName' },
      { index: 2, header: '数量', target: 'GQty' },
      { index: 3, header: '原产国', target: ORIGIN },
      { index: 4, header: '目的国', target: DESTINATION },
    ],
  };
  const cells = [
    ['商品编号', '品名', '数量', '原产国', '目的国'],
    ['0808100000', '鲜苹果', 1000, 'CHN', 'JPN'],
    [null, null, null, null, null],
    ['0808100000', '梨', 'many', 'CHN', 'USA'],
    ['12345', '', 5, '', ''],
  ];

  it('reads rows after the header, skips empty rows, and applies the export swap to the country columns', () => {
    const lines = readLines(catalog, cells, mapping, 'E');
    expect(lines.map((l) => l.source)).toEqual([2, 4, 5]);
    expect(lines[0]?.row).toEqual({
      CodeTS: '0808100000',
      GName: '鲜苹果',
      GQty: '1000',
      OriginCountry: 'JPN',
      DestinationCountry: 'CHN',
    });
    expect(readLines(catalog, cells, mapping, 'I')[0]?.row).toMatchObject({
      OriginCountry: 'CHN',
      DestinationCountry: 'JPN',
    });
    expect(mappedFields(mapping, 'E')).toEqual(['CodeTS', 'GName', 'GQty', 'DestinationCountry', 'OriginCountry']);
  });

  it('checks every row and names the sheet row, the column and the field of each problem', () => {
    const lines = readLines(catalog, cells, mapping, 'I');
    const problems = checkLines(catalog, lines, { ieFlag: 'I', head: { IEFlag: 'I' }, mapping });
    expect(problems.map((p) => `${p.row} ${p.column} ${p.field} ${p.code} ${p.severity}`)).toEqual([
      // Made in China on an import: the engine suspects the columns were swapped.
      '2 D 原产国 OriginCountry country-swap-suspect warning',
      '4 C 数量 GQty decimal-format error',
      '4 D 原产国 OriginCountry country-swap-suspect warning',
      '5 A 商品编号 CodeTS hs-code-format error',
      // 最终目的国 is asked for even in a draft (暂存必填), but a draft may be completed later: a warning.
      '5 E 目的国 DestinationCountry required warning',
    ]);
    const gQty = problems.find((p) => p.field === 'GQty');
    expect(gQty?.message).toMatch(/^成交数量/);
    expect(gQty?.messageEn).toMatch(/^Quantity/);
  });
});

describe('placing lines', () => {
  const rows = [
    { CodeTS: '0808100000', GName: '新一' },
    { CodeTS: '0808100000', GName: '新二' },
  ];
  function apply(doc: DeclarationDoc, ops: ReturnType<typeof lineOps>): DeclarationDoc {
    return applyPatch(catalog, doc, ops).doc;
  }

  it('appends, replaces (with what hung on the old lines), or overwrites from a line keeping other fields', () => {
    const doc = sampleDeclaration(3);
    for (const l of doc.lines) delete l.GNo;
    doc.tables.goodsLimits = [{ GoodsNo: '1', LicenceNo: 'X' }];
    expect(apply(doc, lineOps(catalog, doc, rows, { mode: 'append' })).lines.map((l) => l.GName)).toEqual([
      '鲜苹果',
      '鲜苹果',
      '鲜苹果',
      '新一',
      '新二',
    ]);
    const replaced = apply(doc, lineOps(catalog, doc, rows, { mode: 'replace' }));
    expect(replaced.lines).toEqual(rows);
    expect(replaced.tables.goodsLimits).toBeUndefined();
    const at = { mode: 'at', line: 1 } as const;
    const over = apply(
      doc,
      lineOps(catalog, doc, placedRows(doc, [{ GName: '新一' }, {}, { GName: '新三' }], at, ['GName']), at),
    );
    expect(over.lines.map((l) => l.GName)).toEqual(['鲜苹果', '新一', undefined, '新三']);
    expect(over.lines[1]).toMatchObject({ CodeTS: '0808100000', GQty: '1000', GName: '新一' });
    expect(over.tables.goodsLimits).toEqual(doc.tables.goodsLimits);
    expect(
      lineOps(
        catalog,
        doc,
        Array.from({ length: 50 }, () => ({ GName: 'x' })),
        { mode: 'at', line: 0 },
      ).length,
    ).toBeLessThanOrEqual(100);
    expect([
      linesAfter(3, 2, { mode: 'append' }),
      linesAfter(3, 2, { mode: 'replace' }),
      linesAfter(3, 2, { mode: 'at', line: 2 }),
    ]).toEqual([5, 2, 4]);
  });
});
