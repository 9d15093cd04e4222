import { beforeAll, describe, expect, it } from 'vitest';
import { builtinFileReader } from '../../main/core/code-tables/builtin-files';
import { loadBuiltinTables } from '../../shared/code-tables/builtin';
import { parseAgreementTags } from '../../shared/taxes/agreements';
import { agreementColumn, readAgreementCells } from './agreement-rates';

// One read of the workbook (seconds): the tag parser on its real rows, and the built-in tariff checked against it.
describe('the 协定税率 column of the handbook’s workbook (tariff-full.source.xlsx)', () => {
  let cells = new Map<string, string>();
  beforeAll(async () => {
    cells = await readAgreementCells();
  }, 120_000);

  it('reads real rows: per-cent, specific and quota values', () => {
    expect(cells.size).toBe(12030);
    expect(parseAgreementTags(cells.get('0101290010') ?? '').rates).toMatchObject({
      '07': '1.5%',
      '24': '7%',
      '25': '8.5%',
      '26': '4%',
      '02': '0%',
    });
    expect(parseAgreementTags(cells.get('0207120000') ?? '').rates['19']).toBe('0.2元/千克');
    expect(parseAgreementTags(cells.get('1701130001') ?? '').skipped.map((s) => [s.tag, s.reason])).toEqual([
      ['毛里求斯', 'quota'],
      ['尼加拉瓜', 'quota'],
    ]);
  });

  it('every tag is an agreement of the table, and the built-in tariff carries exactly what the tags say', () => {
    const column = agreementColumn(cells);
    // 54 quota rates and 9 rates banded by a price in 美元 are left out; no tag is unknown.
    expect(column.skipped).toEqual({ quota: 54, unreadable: 9, unknownTag: 0 });
    const tariff = loadBuiltinTables(builtinFileReader()).find((t) => t.id === 'tariff');
    const committed = new Map((tariff?.rows ?? []).map((r) => [r.code ?? '', r.agreement_rates ?? '']));
    expect(committed.size).toBe(column.rates.size);
    const differing = [...column.rates].filter(([code, rates]) => committed.get(code) !== rates);
    expect(differing).toEqual([]);
  });
});
