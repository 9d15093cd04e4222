import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { linesInterchange } from '../../../test-support/main/lines-fixture';
import { createExportService } from './export-service';

async function readBook(base64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return book;
}

function values(sheet: ExcelJS.Worksheet | undefined): string[][] {
  const out: string[][] = [];
  sheet?.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

describe('spreadsheets out', () => {
  let fx: CoreFixture;
  afterEach(() => fx.close());

  function setup() {
    fx = coreFixture();
    const exports = createExportService({ repo: fx.repo, catalog: goodsDeclaration, now: () => fx.clock.now() });
    const lines = linesInterchange(fx);
    const make = (ieFlag: 'I' | 'E', edit: (doc: ReturnType<typeof sampleDeclaration>) => void = () => {}) => {
      const record = fx.declarations.create({ ieFlag });
      const doc = sampleDeclaration(3);
      edit(doc);
      const ops = [
        ...Object.entries({ ...doc.head, IEFlag: ieFlag }).map(([k, value]) => ({
          op: 'set' as const,
          path: `head.${k}`,
          value,
        })),
        ...doc.lines.map((row, i) => {
          const { GNo: _g, ...rest } = row;
          return { op: 'insertRow' as const, table: 'lines', row: { ...rest, GName: `${rest.GName ?? ''}${i + 1}` } };
        }),
        ...Object.entries(doc.tables).flatMap(([table, rows]) =>
          rows.map((row) => ({ op: 'insertRow' as const, table, row })),
        ),
      ];
      fx.declarations.update({ id: record.id, baseRevision: record.revision, ops });
      return fx.declarations.get(record.id);
    };
    return { exports, lines, make };
  }

  it('writes the whole filtered list, not just a page, to XLSX and to CSV (UTF-8 with a BOM)', async () => {
    const { exports, make } = setup();
    const a = make('I', (d) => (d.head.BillNo = 'BILL-A'));
    make('E', (d) => (d.head.BillNo = 'BILL-B'));
    const csv = await exports.exportList({
      query: { sort: 'clientSeqNo', direction: 'asc' },
      format: 'csv',
      locale: 'zh-CN',
    });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(csv).toMatchObject({
      fileName: expect.stringMatching(/^报关单列表-\d{8}-\d{4}\.csv$/),
      mimeType: 'text/csv',
    });
    expect(text.startsWith('\uFEFF客户端编号,进出口,状态,最新回执,境内收发货人,提运单号')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(3);
    const xlsx = await exports.exportList({
      query: { text: 'BILL-A', field: 'billNo' },
      format: 'xlsx',
      columns: ['clientSeqNo', 'billNo', 'status'],
      locale: 'en',
    });
    const rows = values((await readBook(xlsx.contentBase64)).getWorksheet('Declarations'));
    expect(rows).toEqual([
      ['Client seq. no.', 'Status', 'Bill of lading no.'],
      [a.clientSeqNo, 'Draft', 'BILL-A'],
    ]);
  });

  it('writes one declaration to XLSX: head, goods (countries by meaning) and each sub-table', async () => {
    const { exports, make } = setup();
    const record = make('E', (d) => {
      for (const l of d.lines) Object.assign(l, { OriginCountry: 'JPN', DestinationCountry: 'CHN' });
      d.tables.containers = [{ ContainerId: 'TEXU3605231', ContainerMd: '22', GoodsNo: '1,2' }];
    });
    const out = await exports.exportDeclaration(record.id, 'zh-CN');
    expect(out.fileName).toBe(`${record.clientSeqNo}.xlsx`);
    const book = await readBook(out.contentBase64);
    expect(book.worksheets.map((w) => w.name)).toEqual(['表头', '商品', '集装箱']);
    const head = values(book.getWorksheet('表头'));
    expect(head[1]).toEqual(['客户端编号', record.clientSeqNo, 'ClientSeqNo']);
    expect(head).toContainEqual(['提运单号', 'COSU6123456780', 'BillNo']);
    const goods = values(book.getWorksheet('商品'));
    const origin = goods[0]?.indexOf('原产国(地区)') ?? -1;
    const destination = goods[0]?.indexOf('最终目的国(地区)') ?? -1;
    expect([goods[1]?.[origin], goods[1]?.[destination]]).toEqual(['CHN', 'JPN']);
    expect(goods[1]?.[goods[0]?.indexOf('商品编号') ?? -1]).toBe('0808100000');
    expect(values(book.getWorksheet('集装箱'))[1]).toEqual(['TEXU3605231', '22', '1,2']);
  });

  it('its goods sheet imports into another declaration as it is (the headers map themselves)', async () => {
    const { exports, lines, make } = setup();
    const source = make('E', (d) => {
      for (const l of d.lines) Object.assign(l, { OriginCountry: 'JPN', DestinationCountry: 'CHN' });
    });
    const target = make('E');
    const out = await exports.exportDeclaration(source.id, 'zh-CN');
    const file = { kind: 'file' as const, fileName: out.fileName, contentBase64: out.contentBase64 };
    const preview = await lines.preview({ source: file, sheet: '商品' });
    const report = await lines.importLines({
      declarationId: target.id,
      baseRevision: target.revision,
      source: file,
      mapping: preview.mapping,
      placement: { mode: 'replace' },
    });
    expect(report).toMatchObject({ written: true, imported: 3, errorCount: 0 });
    expect(fx.declarations.get(target.id).doc.lines).toEqual(source.doc.lines);
  });

  it('refuses a declaration that does not exist', async () => {
    const { exports } = setup();
    await expect(exports.exportDeclaration('00000000-0000-7000-8000-000000000000', 'en')).rejects.toThrow(
      /does not exist/,
    );
  });
});
