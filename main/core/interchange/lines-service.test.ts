import { afterEach, describe, expect, it } from 'vitest';
import type { LineSource } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { linesInterchange, xlsxSource } from '../../../test-support/main/lines-fixture';

const HEADERS = [
  '序号',
  '商品编号',
  '商品名称',
  '规格型号',
  '数量',
  '单位',
  '单价',
  '总价',
  '币制',
  '原产国',
  '最终目的国',
  '境内目的地',
  '征免',
];

function goodsRow(i: number): Array<string | number> {
  return [i, '0808100000', `鲜苹果${i}`, '0|3|鲜|富士', 1000, 35, 1.25, 1250, 'USD', 'USA', 'CHN', '31222', '1'];
}

// Each workbook has a cover sheet before the goods, as a packing list often has.
const xlsx = (rows: Array<Array<string | number | null>>, sheet = '商品') => xlsxSource(rows, { sheet, cover: true });

describe('goods lines from spreadsheets and the clipboard', () => {
  let fx: CoreFixture;
  afterEach(() => fx.close());

  function setup(lines = 0) {
    fx = coreFixture();
    const service = linesInterchange(fx);
    const record = fx.declarations.create({ ieFlag: 'I' });
    const doc = sampleDeclaration(lines);
    const ops = [
      ...Object.entries(doc.head).map(([k, value]) => ({ op: 'set' as const, path: `head.${k}`, value })),
      ...doc.lines.map((row) => {
        const { GNo: _g, ...rest } = row;
        return { op: 'insertRow' as const, table: 'lines', row: rest };
      }),
    ];
    const { revision } = fx.declarations.update({ id: record.id, baseRevision: record.revision, ops });
    return { service, id: record.id, revision };
  }
  const lineCount = (id: string) => fx.declarations.get(id).doc.lines.length;

  it('reads an XLSX in the mapping step: sheets, headers with samples, a mapping guessed from the headers', async () => {
    const { service, id } = setup();
    const source = await xlsx([HEADERS, goodsRow(1), goodsRow(2), [], goodsRow(3)]);
    const preview = await service.preview({ source, declarationId: id, sheet: '商品' });
    expect(preview).toMatchObject({
      sheets: ['封面', '商品'],
      sheet: '商品',
      headerRow: 1,
      rowCount: 3,
      profileId: null,
    });
    expect(preview.columns[1]).toEqual({
      index: 1,
      letter: 'B',
      header: '商品编号',
      samples: ['0808100000', '0808100000', '0808100000'],
    });
    // Each header beside the field guessed from it; 序号 is left unmapped.
    expect(preview.mapping.columns.map((c) => [c.header, c.target])).toEqual([
      ['商品编号', 'CodeTS'],
      ['商品名称', 'GName'],
      ['规格型号', 'GModel'],
      ['数量', 'GQty'],
      ['单位', 'GUnit'],
      ['单价', 'DeclPrice'],
      ['总价', 'DeclTotal'],
      ['币制', 'TradeCurr'],
      ['原产国', '@origin'],
      ['最终目的国', '@destination'],
      ['境内目的地', 'DistrictCode'],
      ['征免', 'DutyMode'],
    ]);
  });

  it('imports every row of an XLSX in one go, saves the mapping as the customer’s profile and reuses it', async () => {
    const { service, id, revision } = setup(1);
    const source = await xlsx([HEADERS, goodsRow(1), goodsRow(2), goodsRow(3)]);
    const { mapping } = await service.preview({ source, sheet: '商品' });
    const report = await service.importLines({
      declarationId: id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'append' },
      saveProfile: { customer: '上海示例食品有限公司', name: '装箱单' },
    });
    expect(report).toMatchObject({ written: true, rowCount: 3, imported: 3, errorCount: 0, revision: revision + 1 });
    const doc = fx.declarations.get(id).doc;
    expect(doc.lines).toHaveLength(4);
    expect(doc.lines[3]).toEqual({
      CodeTS: '0808100000',
      GName: '鲜苹果3',
      GModel: '0|3|鲜|富士',
      GQty: '1000',
      GUnit: '035',
      DeclPrice: '1.25',
      DeclTotal: '1250',
      TradeCurr: 'USD',
      OriginCountry: 'USA',
      DestinationCountry: 'CHN',
      DistrictCode: '31222',
      DutyMode: '1',
    });
    expect(fx.declarations.timeline(id).at(-1)).toMatchObject({ action: 'edit' });

    // The customer's next file has its columns in another order: the saved profile finds them.
    const moved = await xlsx([[...HEADERS].reverse(), [...goodsRow(4)].reverse()]);
    const again = await service.preview({ source: moved, declarationId: id, sheet: '商品' });
    expect(again.profileId).toBe(report.profileId);
    expect(again.mapping.columns.find((c) => c.target === 'CodeTS')?.index).toBe(HEADERS.length - 2);
  });

  it('refuses an XLSX with a bad row: nothing is written and the report names each failed row, column and reason', async () => {
    const { service, id, revision } = setup(1);
    const bad = goodsRow(2);
    bad[1] = '0808'; // 商品编号 of four digits
    bad[4] = '一千'; // 数量 as words
    const other = goodsRow(3);
    other[8] = 'XYZ'; // 币制 not in the code table
    const source = await xlsx([HEADERS, goodsRow(1), bad, other]);
    const { mapping } = await service.preview({ source, sheet: '商品' });
    const report = await service.importLines({
      declarationId: id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'append' },
    });
    expect(report.written).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '3 B 商品编号 hs-code-format',
      '3 E 数量 decimal-format',
      '4 I 币制 not-mapped',
    ]);
    expect(report.errors[2]?.message).toBe('币制：“XYZ”既不是「币制」中的代码，也不是其中的名称，请在表格中改正');
    expect(report.errors[0]?.message).toContain('商品编号');
    expect(lineCount(id)).toBe(1);
    expect(fx.declarations.get(id).revision).toBe(revision);
  });

  it('refuses more lines than a declaration holds, and splits them into new declarations when asked', async () => {
    const { service, id, revision } = setup(1);
    const rows = Array.from({ length: 120 }, (_v, i) => goodsRow(i + 1).join('\t'));
    const source: LineSource = { kind: 'text', text: [HEADERS.join('\t'), ...rows].join('\n') };
    const { mapping } = await service.preview({ source, headerRow: 1 });
    const refused = await service.importLines({
      declarationId: id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'append' },
    });
    expect(refused.errors[0]).toMatchObject({ code: 'too-many-lines', row: null });
    const split = await service.importLines({
      declarationId: id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'split' },
    });
    expect(split.errors).toEqual([]);
    expect(split.created.map((c) => c.lineCount)).toEqual([50, 50, 20]);
    const first = fx.declarations.get(split.created[0]?.id ?? '');
    expect(first.doc.head.TradeName).toBe('上海示例食品有限公司');
    expect(first.doc.lines[49]?.GName).toBe('鲜苹果50');
    expect(lineCount(id)).toBe(1);
  });

  it('pastes a block copied from Excel over lines from a position (no header row)', async () => {
    const { service, id, revision } = setup(3);
    const source: LineSource = { kind: 'text', text: '新品名A\t2000\r\n新品名B\t3000\r\n' };
    const mapping = {
      sheet: null,
      headerRow: 0,
      columns: [
        { index: 0, header: '', target: 'GName' },
        { index: 1, header: '', target: 'GQty' },
      ],
    };
    const report = await service.importLines({
      declarationId: id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'at', line: 2 },
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ written: true, imported: 2 });
    const lines = fx.declarations.get(id).doc.lines;
    expect(lines.map((l) => [l.GName, l.GQty])).toEqual([
      ['鲜苹果', '1000'],
      ['鲜苹果', '1000'],
      ['新品名A', '2000'],
      ['新品名B', '3000'],
    ]);
    expect(lines[2]?.CodeTS).toBe('0808100000');
    expect(lines[3]?.CodeTS).toBeUndefined();
  });

  it('refuses unreadable files, a stale revision and a declared declaration, writing nothing', async () => {
    const { service, id, revision } = setup(1);
    const mapping: {
      sheet: string | null;
      headerRow: number;
      columns: Array<{ index: number; header: string; target: string }>;
    } = { sheet: null, headerRow: 1, columns: [{ index: 0, header: '品名', target: 'GName' }] };
    const attempt = async (source: LineSource, baseRevision = revision) => {
      try {
        await service.importLines({ declarationId: id, baseRevision, source, mapping, placement: { mode: 'append' } });
        return 'imported';
      } catch (error) {
        return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
      }
    };
    expect(
      await attempt({
        kind: 'file',
        fileName: 'a.xlsx',
        contentBase64: Buffer.from('PK not a zip').toString('base64'),
      }),
    ).toMatch(/IMPORT_FAILED: "a.xlsx" is not a readable .xlsx/);
    expect(await attempt({ kind: 'file', fileName: 'a.xls', contentBase64: '' })).toMatch(/Excel 97–2003/);
    expect(await attempt({ kind: 'file', fileName: 'a.pdf', contentBase64: '' })).toMatch(/\.xlsx, \.csv/);
    expect(await attempt({ kind: 'text', text: '品名\n"unclosed' })).toMatch(/line 2, column 1 has no closing "/);
    expect(await attempt({ kind: 'text', text: '品名\n苹果' }, revision - 1)).toMatch(/^CONFLICT/);
    mapping.sheet = '商品';
    expect(await attempt(await xlsx([['品名'], ['苹果']], '商品'))).toBe('imported');
    expect(lineCount(id)).toBe(2);
  });
});
