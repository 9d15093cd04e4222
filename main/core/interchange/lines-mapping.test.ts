import { afterEach, describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { linesInterchange, xlsxSource } from '../../../test-support/main/lines-fixture';

// A broker's sheet writes countries, currencies and units as people say them (中国香港, usd, 台):
// the import turns them into the tables' codes and reports each one, refuses what it cannot map
// naming the row, the column and the value, and never alters a code by guessing.

// A sheet line by its headers: the sheet's header row is this record's keys, in this order.
const BASE: Record<string, string | number> = {
  商品编号: '0808100000',
  商品名称: '鲜苹果',
  规格型号: '0|3|鲜|富士',
  数量: 1000,
  单位: '035',
  单价: 1.25,
  总价: 1250,
  币制: 'USD',
  原产国: 'USA',
  最终目的国: 'CHN',
  征免: '1',
};
const HEADERS = Object.keys(BASE);
const row = (over: Record<string, string | number> = {}) => {
  const cells = { ...BASE, ...over };
  return HEADERS.map((h) => cells[h] ?? '');
};

describe('a spreadsheet import maps names to codes, reports it, and refuses what it cannot map', () => {
  let fx: CoreFixture;
  afterEach(() => fx.close());

  async function importRows(rows: Array<Array<string | number>>) {
    fx = coreFixture();
    const service = linesInterchange(fx);
    const record = fx.declarations.create({ ieFlag: 'I' });
    const doc = sampleDeclaration(0);
    const ops = Object.entries(doc.head).map(([k, value]) => ({ op: 'set' as const, path: `head.${k}`, value }));
    const { revision } = fx.declarations.update({ id: record.id, baseRevision: record.revision, ops });
    const source = await xlsxSource([HEADERS, ...rows]);
    const { mapping } = await service.preview({ source, sheet: '商品' });
    const report = await service.importLines({
      declarationId: record.id,
      baseRevision: revision,
      source,
      mapping,
      placement: { mode: 'append' },
    });
    return { report, lines: fx.declarations.get(record.id).doc.lines, revision, id: record.id };
  }

  it('turns Chinese and English names, a code in lower case and dropped zeros into codes, each reported', async () => {
    const { report, lines } = await importRows([
      row({ 原产国: '中国香港', 币制: 'usd', 单位: '台' }),
      row({ 原产国: 'Hong Kong', 币制: '美元', 单位: '个' }),
      row({ 原产国: '香港', 单位: 35 }),
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.errors).toEqual([]);
    expect(lines.map((l) => [l.OriginCountry, l.TradeCurr, l.GUnit])).toEqual([
      ['HKG', 'USD', '001'],
      ['HKG', 'USD', '007'],
      ['HKG', 'USD', '035'],
    ]);
    expect(report.mappedCount).toBe(8);
    expect(report.mapped.map((m) => `${m.row} ${m.column} ${m.from}→${m.to} ${m.name} ${m.how}`)).toEqual([
      '2 E 单位 台→001 台 name',
      '2 H 币制 usd→USD 美元 case',
      '2 I 原产国 中国香港→HKG 中国香港 name',
      '3 E 单位 个→007 个 name',
      '3 H 币制 美元→USD 美元 name',
      '3 I 原产国 Hong Kong→HKG 中国香港 name',
      '4 E 单位 35→035 千克 zeros',
      '4 I 原产国 香港→HKG 中国香港 name',
    ]);
  });

  it('refuses a 9-digit 商品编号 instead of padding it, and a name no code has, naming row, column and value; writes nothing', async () => {
    const { report, lines } = await importRows([
      row({ 商品编号: 847130000 }),
      row({ 原产国: '火星' }),
      row({ 币制: 'usd' }),
    ]);
    expect(report.written).toBe(false);
    expect(lines).toEqual([]);
    expect(report.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 A 商品编号 hs-code-9-digits',
      '3 I 原产国 not-mapped',
    ]);
    expect(report.errors[0]?.message).toBe(
      '商品编号：847130000 只有 9 位（可能丢了开头的 0，也可能少了一位），不作猜测：请在表格中改正为 10 位',
    );
    // One reason per cell: not also "超过 3 字节 … 请缩短" for a name the table lacks.
    expect(report.errors[1]?.message).toBe(
      '原产国(地区)：“火星”既不是「国别(地区)」中的代码，也不是其中的名称，请在表格中改正',
    );
    expect(report.errors[1]?.messageEn).toMatch(/"火星" is neither a code nor a name in the table Countries/);
    // What would have been mapped is still reported.
    expect(report.mapped.map((m) => `${m.row} ${m.from}→${m.to}`)).toEqual(['4 usd→USD']);
  });
});
