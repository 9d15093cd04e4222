import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../desk/open-desk';
import type { DeskFixture } from '../../../test-support/main/desk-fixture';
import { deskFixture } from '../../../test-support/main/desk-fixture';
import { wangFang } from '../../../test-support/main/profiles';

// Cells pasted into the goods grid go through the spreadsheet import's mapping (interchange.mapLineCodes), with the
// built-in tables: names become codes, each reported; what cannot be mapped is refused naming line, column and value.

const columns = ['GUnit', 'TradeCurr', 'OriginCountry', 'DistrictCode'];
const mapping = {
  sheet: null,
  headerRow: 0,
  columns: columns.map((target, index) => ({ index, header: '', target })),
};

describe('pasted goods-line cells mapped to codes', () => {
  let f: DeskFixture;
  let desk: Desk;
  beforeEach(async () => {
    f = deskFixture();
    desk = f.open();
    await f.call(desk, 'profiles.create', wangFang);
  });
  afterEach(() => f.cleanup());

  it('turns 台, usd and 中国香港 into codes, each reported with its line and column, and keeps a code the table has', async () => {
    const out = await f.call(desk, 'interchange.mapLineCodes', {
      ieFlag: 'I',
      mapping,
      lines: [{ source: 3, row: { GUnit: '台', TradeCurr: 'usd', OriginCountry: '中国香港', DistrictCode: '31222' } }],
    });
    expect(out.problems).toEqual([]);
    expect(out.lines).toEqual([
      { source: 3, row: { GUnit: '001', TradeCurr: 'USD', OriginCountry: 'HKG', DistrictCode: '31222' } },
    ]);
    expect(out.mapped.map((m) => `${m.row} ${m.column} ${m.from}→${m.to} ${m.how}`)).toEqual([
      '3 A 台→001 name',
      '3 B usd→USD case',
      '3 C 中国香港→HKG name',
    ]);
  });

  it('refuses a name that two codes carry, naming both, and a name no code has, naming line, column and value', async () => {
    const out = await f.call(desk, 'interchange.mapLineCodes', {
      ieFlag: 'I',
      mapping,
      lines: [
        { source: 1, row: { DistrictCode: '徐州' } },
        { source: 2, row: { OriginCountry: '火星' } },
      ],
    });
    expect(out.lines[0]?.row.DistrictCode).toBe('徐州');
    const [ambiguous, unknown] = out.problems;
    expect(ambiguous).toMatchObject({ row: 1, column: 'D', field: 'DistrictCode', code: 'ambiguous-name' });
    expect(ambiguous?.message).toContain('“徐州”');
    expect(ambiguous?.message).toContain('32039');
    expect(ambiguous?.message).toContain('3203W');
    expect(unknown).toMatchObject({ row: 2, column: 'C', field: 'OriginCountry', code: 'not-mapped' });
    expect(unknown?.message).toContain('“火星”');
    expect(out.mapped).toEqual([]);
  });
});
