import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../catalog';
import { validateDeclaration } from '../validation';
import { sampleDeclaration } from '../validation/sample-declaration';
import { createClientCodeLookup } from './client-lookup';
import { parseCsv, UnclosedQuoteError } from './csv';
import { createMemoryCodeLookup } from './memory-lookup';
import { normalizeTable } from './normalize';
import { tableIdForFileName } from './tables';
import { searchRows } from './search';
import { parseDeclarationElements, tariffInfoFromRow } from './tariff';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFcode,name_zh\r\n"01","a, ""b""\nc"\r\n02,d\n')).toEqual([
      ['code', 'name_zh'],
      ['01', 'a, "b"\nc'],
      ['02', 'd'],
    ]);
  });
  it('refuses an unterminated quote, naming the line and column where it opened', () => {
    expect(() => parseCsv('code\n"01')).toThrow(new UnclosedQuoteError(2, 1));
    expect(() => parseCsv('code,name\r\n01,a\r\n02,"b\r\nc')).toThrow(new UnclosedQuoteError(3, 4));
  });
  it('property: what a writer quotes, the parser reads back', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', ' ', '0') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (records) => {
          const rows = records.map((r) => ['x', ...r]);
          const text = rows
            .map((r) => r.map((v) => (/[",\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
            .join('\n');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });
});

describe('tariff rows', () => {
  it('reads 申报要素 in every numbering and drops the 品名 third-party sites prepend', () => {
    expect(parseDeclarationElements('1:品名;2:品牌类型;3:出口享惠情况;4:用途;')).toEqual([
      '品牌类型',
      '出口享惠情况',
      '用途',
    ]);
    expect(parseDeclarationElements('0:品牌类型;1:出口享惠情况;2:用途')).toEqual(['品牌类型', '出口享惠情况', '用途']);
    expect(parseDeclarationElements('品牌类型|出口享惠情况')).toEqual(['品牌类型', '出口享惠情况']);
    expect(parseDeclarationElements('')).toEqual([]);
  });
  it('normalizes a tariff file: codes without dots, units, elements renumbered from 0', () => {
    const table = normalizeTable('tariff', [
      ['商品编号', '商品名称', '第一法定单位', '第二法定单位', '申报要素', '监管条件'],
      ['84798200.90', '混合机', '001', '035', '1:品名;2:品牌类型;3:出口享惠情况;4:用途', 'A/B'],
    ]);
    expect(table.problems).toEqual([]);
    const info = tariffInfoFromRow(table.rows[0] ?? {});
    expect(info).toEqual({
      code: '8479820090',
      name: '混合机',
      firstUnit: '001',
      secondUnit: '035',
      elements: ['品牌类型', '出口享惠情况', '用途'],
      conditions: 'AB',
      inspection: '',
    });
  });
});

describe('lookups', () => {
  // A complete table, a partial one and a row with extra columns, as the built-ins and imports give them.
  const builtins = [
    {
      id: 'transport-modes',
      complete: true,
      rows: [
        { code: '2', name_zh: '水路运输', name_en: 'Waterway' },
        { code: '3', name_zh: '铁路运输', name_en: 'Rail' },
        { code: '4', name_zh: '公路运输', name_en: 'Road' },
        { code: '5', name_zh: '航空运输', name_en: 'Air' },
      ],
    },
    { id: 'trade-modes', complete: false, rows: [{ code: '0110', name_zh: '一般贸易' }] },
    { id: 'licence-doc-types', complete: true, rows: [{ code: 'A', name_zh: '检验检疫', applies_import: 'Y' }] },
  ];

  it('answers found / missing / unknown by whether a table is complete', () => {
    const lookup = createMemoryCodeLookup(builtins);
    expect(lookup.has('transport-modes', '2')).toBe(true);
    expect(lookup.has('transport-modes', 'Q')).toBe(false);
    expect(lookup.has('trade-modes', '0110')).toBe(true);
    expect(lookup.has('trade-modes', '0200')).toBeUndefined();
    expect(lookup.has('ports', 'USA042')).toBeUndefined();
    expect(lookup.tariff?.('0808100000')).toBeUndefined();
    expect(lookup.row?.('licence-doc-types', 'A')?.applies_import).toBe('Y');
  });

  it('lets the renderer judge the tariff lines it fetched, and only those', () => {
    const apple = tariffInfoFromRow({
      code: '0808100000',
      name_zh: '鲜苹果',
      first_unit: '035',
      declaration_elements: '0:品牌类型;1:出口享惠情况',
    });
    const lookup = createClientCodeLookup({
      tables: builtins,
      tariff: { complete: true, asked: ['0808100000', '0808109999'], found: [apple] },
    });
    expect(lookup.has('tariff', '0808100000')).toBe(true);
    expect(lookup.has('tariff', '0808109999')).toBe(false);
    expect(lookup.tariff?.('0808109999')).toBeNull();
    expect(lookup.has('tariff', '0101000000')).toBeUndefined();
    const doc = sampleDeclaration(1);
    if (doc.lines[0]) doc.lines[0].FirstUnit = '007';
    const findings = validateDeclaration(doc, {
      catalog: goodsDeclaration,
      stage: 'declare',
      ieFlag: 'I',
      codes: lookup,
    });
    expect(findings.map((f) => f.code)).toEqual(['legal-unit-mismatch', 'gmodel-too-many']);
  });

  it('searches rows in memory with the same ranks as the store', () => {
    const modes = builtins.find((t) => t.id === 'transport-modes')?.rows ?? [];
    const withInitials = modes.map((r) => ({ ...r, initials: r.code === '2' ? 'slys' : '' }));
    expect(searchRows(withInitials, '2')[0]).toMatchObject({ code: '2', rank: 0 });
    expect(searchRows(withInitials, 'slys')[0]).toMatchObject({ code: '2', rank: 2 });
    expect(searchRows(withInitials, '水路')[0]).toMatchObject({ code: '2', rank: 3 });
    expect(searchRows(withInitials, '运输').length).toBeGreaterThan(3);
    expect(searchRows(withInitials, 'air')[0]).toMatchObject({ code: '5', rank: 3 });
  });
});

describe('tableIdForFileName', () => {
  it('names the table a parameter file fills, by its name or a known alias, on either path style', () => {
    expect(tableIdForFileName('trade-modes.csv')).toBe('trade-modes');
    expect(tableIdForFileName('/data/params/HS.xlsx')).toBe('tariff');
    expect(tableIdForFileName('C:\\params\\administrative-divisions.csv')).toBe('admin-divisions');
    expect(tableIdForFileName('licence-document-types.xlsx')).toBe('licence-doc-types');
  });

  it('names nothing for a file that is not a code table', () => {
    expect(tableIdForFileName('SOURCES.md')).toBeUndefined();
    expect(tableIdForFileName('notes.csv')).toBeUndefined();
    expect(tableIdForFileName('')).toBeUndefined();
  });
});
