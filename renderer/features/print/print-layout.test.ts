import { describe, expect, it } from 'vitest';
import type { DeclarationDoc } from '../../../shared/catalog';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { FIRST_PAGE_LINES, NEXT_PAGE_LINES, goodsCells, headBoxes, paginate, promiseStatements } from './print-layout';

const known: Record<string, string> = {
  'trade-modes:0110': '一般贸易',
  'countries:USA': '美国',
  'countries:CHN': '中国',
  'units:035': '千克',
  'customs-districts:2248': '洋山港区',
  'domestic-districts:31222': '上海浦东新区',
  'admin-divisions:310115': '浦东新区',
  'entry-exit-ports:310001': '上海',
};
const names = (table: string, code: string) => known[`${table}:${code}`] ?? '';

describe('the printed form’s layout', () => {
  it('lays the head out in the form’s rows, each 24 columns wide, with the direction’s wording', () => {
    const doc = sampleDeclaration(1);
    const rows = headBoxes(doc, names);
    for (const row of rows) expect(row.reduce((sum, b) => sum + b.span, 0)).toBe(24);
    expect(rows[0]?.map((b) => b.label)).toEqual(['境内收货人', '进境关别', '进口日期', '申报日期', '备案号']);
    expect(rows[2]?.find((b) => b.id === 'TradeMode')?.text).toEqual(['一般贸易 (0110)']);
    expect(rows[0]?.[0]?.text).toEqual(['上海示例食品有限公司', '3122460001 91310000MA1FL1XX4W']);
    const exported: DeclarationDoc = { ...doc, head: { ...doc.head, IEFlag: 'E' } };
    const exportRows = headBoxes(exported, names);
    expect(exportRows[0]?.[0]?.label).toBe('境内发货人');
    expect(exportRows[3]?.map((b) => b.label)).toEqual([
      '合同协议号',
      '贸易国(地区)',
      '运抵国(地区)',
      '指运港',
      '离境口岸',
    ]);
    expect(exportRows.flat().some((b) => b.id === 'GoodsPlace')).toBe(false);
    for (const row of exportRows) expect(row.reduce((sum, b) => sum + b.span, 0)).toBe(24);
  });

  it('prints countries by meaning: an export’s OriginCountry is its destination', () => {
    const doc: DeclarationDoc = {
      head: { IEFlag: 'E' },
      lines: [
        { OriginCountry: 'USA', DestinationCountry: 'CHN', GQty: '10', GUnit: '035', FirstQty: '10', FirstUnit: '035' },
      ],
      tables: {},
    };
    const cells = goodsCells(doc, doc.lines[0] ?? {}, 0, names);
    expect(cells.Origin).toEqual(['中国 (CHN)']);
    expect(cells.Destination).toEqual(['美国 (USA)']);
    expect(cells.Qty).toEqual(['10千克', '10千克']);
    expect(cells.GNo).toEqual(['1']);
  });

  it('puts a few lines on the first page and the rest on continuation pages', () => {
    expect(paginate([]).map((p) => p.length)).toEqual([0]);
    expect(paginate(Array.from({ length: FIRST_PAGE_LINES })).length).toBe(1);
    expect(paginate(Array.from({ length: FIRST_PAGE_LINES + NEXT_PAGE_LINES + 1 })).map((p) => p.length)).toEqual([
      FIRST_PAGE_LINES,
      NEXT_PAGE_LINES,
      1,
    ]);
  });

  it('reads the price statements from PromiseItmes and 自报自缴 from Type', () => {
    const doc = sampleDeclaration(0);
    doc.head.PromiseItmes = '01099';
    doc.head.Type = 'ZC';
    expect(promiseStatements(doc).map((s) => s.answer)).toEqual(['否', '是', '否', '', '', '是']);
  });

  it('prints 境内目的地 with 目的地代码 under it, each with its name, and each code of 商品编号 whole on its line', () => {
    const doc: DeclarationDoc = {
      head: { IEFlag: 'I', IEPort: '2248' },
      lines: [{ CodeTS: '8471300000', CiqCode: '999', DistrictCode: '31222', DestCode: '310115' }],
      tables: {},
    };
    const cells = goodsCells(doc, doc.lines[0] ?? {}, 0, names);
    expect(cells.District).toEqual(['31222 上海浦东新区', '310115 浦东新区']);
    expect(cells.CodeTS).toEqual(['8471300000', '999']);
    expect(headBoxes(doc, names)[0]?.find((b) => b.id === 'IEPort')?.text).toEqual(['洋山港区 (2248)']);
  });

  it('prints 入境口岸 (离境口岸 on exports) with its name and code', () => {
    const doc: DeclarationDoc = { head: { IEFlag: 'I', EntyPortCode: '310001' }, lines: [], tables: {} };
    const port = (d: DeclarationDoc) => headBoxes(d, names)[3]?.find((b) => b.id === 'EntyPortCode');
    expect(port(doc)).toMatchObject({ label: '入境口岸', text: ['上海 (310001)'] });
    expect(port({ ...doc, head: { ...doc.head, IEFlag: 'E' } })).toMatchObject({
      label: '离境口岸',
      text: ['上海 (310001)'],
    });
    // A code the table does not know is printed as it is.
    expect(port({ ...doc, head: { IEFlag: 'I', EntyPortCode: '999999' } })?.text).toEqual(['999999']);
  });
});
