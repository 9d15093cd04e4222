import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../desk/open-desk';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskWithOperator } from '../../../test-support/main/desk-fixture';
import { csvSource, importLibraryFile } from '../../../test-support/main/library-files';
import { wangFang } from '../../../test-support/main/profiles';

// The product library's import reads its rows as goods lines: names become codes through the code tables,
// each reported as a note; what no code carries is refused naming row, column and value; a 商品编号 is never padded.

describe('products from a spreadsheet: names mapped to codes, reported', () => {
  let f: DeskFixture;
  let desk: Desk;
  beforeEach(async () => ({ f, desk } = await deskWithOperator(wangFang)));
  afterEach(() => f.cleanup());

  const importCsv = (text: string) => importLibraryFile(f, desk, 'products', csvSource(text, 'products.csv'));

  // usd: a product's codes are upper-cased when it is read, before any lookup (a code's case, not a guess).
  it('stores 中国香港, usd and 台 as HKG, USD and 001, the names named in the report', async () => {
    const report = await importCsv(
      [
        '商品编号,商品名称,规格型号,成交计量单位,原产国,单价,币制',
        '8471301000,平板电脑,0|0|华为,台,中国香港,2500,usd',
      ].join('\n'),
    );
    expect(report).toMatchObject({ written: true, added: 1, errorCount: 0 });
    const notes = report.warnings.filter((w) => w.code === 'mapped').map((w) => `${w.row} ${w.column} ${w.message}`);
    expect(notes).toEqual([
      '2 D 成交计量单位 “台”已按代码表转换为 001 台',
      '2 E 原产国 “中国香港”已按代码表转换为 HKG 中国香港',
    ]);
    const [tablet] = await f.call(desk, 'products.search', { query: '8471301000' });
    expect(tablet?.fields).toMatchObject({ GUnit: '001', OriginCountry: 'HKG', TradeCurr: 'USD' });
  });

  it('refuses a 9-digit 商品编号 and a country no code has, naming row, column and value, and writes nothing', async () => {
    const report = await importCsv(
      [
        '商品编号,商品名称,规格型号,成交计量单位,原产国,单价,币制',
        '847130000,平板电脑,0|0|华为,001,火星,2500,USD',
      ].join('\n'),
    );
    expect(report).toMatchObject({ written: false, added: 0 });
    expect(report.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 A 商品编号 hs-code-9-digits',
      '2 E 原产国 not-mapped',
    ]);
    expect(report.errors[1]?.message).toContain('“火星”既不是「国别(地区)」中的代码');
    expect(await f.call(desk, 'products.search', { query: '847130000' })).toEqual([]);
  });
});
