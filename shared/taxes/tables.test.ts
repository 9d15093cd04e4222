import { describe, expect, it } from 'vitest';
import { parseCsv } from '../code-tables/csv';
import { normalizeTable } from '../code-tables/normalize';
import { tableIdForFileName } from '../code-tables/tables';
import { estimateTaxes } from './estimate';
import { taxTablesFromRows } from './tables';
import { head, line } from '../../test-support/shared/tax-tables';

describe('the monthly exchange-rate table', () => {
  it('is imported from a file named as customs names it, the month kept as YYYY-MM', () => {
    expect(tableIdForFileName('计征汇率.xlsx')).toBe('exchange-rates');
    const csv = '币制代码,币制名称,计征汇率,适用月份\nUSD,美元,7.1074,2026年12月\nEUR,欧元,8.2012,202612\n';
    const table = normalizeTable('exchange-rates', parseCsv(csv));
    expect(table.problems).toEqual([]);
    expect(table.rows).toEqual([
      { code: 'USD', name_zh: '美元', rate: '7.1074', month: '2026-12' },
      { code: 'EUR', name_zh: '欧元', rate: '8.2012', month: '2026-12' },
    ]);
  });

  it('refuses a rate that is not a positive decimal and a month that is not one, naming line and column', () => {
    const csv = 'code,name_zh,rate,month\nUSD,美元,7.1.0,2026-12\nJPY,日元,0,2026-12\nGBP,英镑,9.1,2026-13\n';
    const problems = normalizeTable('exchange-rates', parseCsv(csv)).problems;
    expect(problems.map((p) => [p.line, p.column, p.code, p.params.value])).toEqual([
      [2, 'rate', 'bad-rate', '7.1.0'],
      [3, 'rate', 'bad-rate', '0'],
      [4, 'month', 'bad-month', '2026-13'],
    ]);
  });

  it('feeds the estimate with the tariff row and the rate, each named with its table version', () => {
    const rows = normalizeTable('exchange-rates', parseCsv('code,name_zh,rate,month\nUSD,美元,7.1074,2026-11\n')).rows;
    const tables = taxTablesFromRows({
      tariffRow: (code) =>
        code === '0101290090' ? { code, mfn_rate: '10%', vat_rate: '9%', consumption_tax: '0%' } : undefined,
      tariffSource: { table: 'tariff', version: 'handbook.1', asOf: '2026-08-01' },
      exchangeRows: rows,
      exchangeSource: { table: 'exchange-rates', version: 'import.2', asOf: '2026-11-18' },
    });
    const e = estimateTaxes(
      { head: head(), lines: [line({ codeTs: '0101290090', declTotal: '100' })], date: '2026-12-01' },
      tables,
    );
    // 100 USD × 7.1074 = 710.74; duty 10% = 71.07 (71.074); VAT 9% × 781.81 = 70.36 (70.3629)
    expect(e.lines[0]?.goods.rate).toMatchObject({
      text: '7.1074',
      row: 'USD 2026-11',
      source: { version: 'import.2' },
    });
    expect(e.lines[0]?.duty).toMatchObject({
      amount: '71.07',
      rate: { row: '0101290090', source: { version: 'handbook.1' } },
    });
    expect(e.lines[0]?.vat.amount).toBe('70.36');
    // The November rate for a December declaration is named; the tariff of August is that year's, still in force.
    expect(e.problems.map((p) => p.code)).toEqual(['taxes.exchangeRateOld']);
  });
});

describe('what the estimate reads once', () => {
  // A rate text is read into its parts once, and a currency's 计征汇率 once per estimate: a newer tariff version or a
  // newer month's rate must still give its own figures, and going back to the older tables the older ones.
  const tablesOf = (version: string, mfn: string, rate: string) =>
    taxTablesFromRows({
      tariffRow: (code) => (code === '0101290090' ? { code, mfn_rate: mfn, vat_rate: '13%' } : undefined),
      tariffSource: { table: 'tariff', version, asOf: '2026-08-01' },
      exchangeRows: [{ code: 'USD', name_zh: '美元', rate, month: '2026-12' }],
      exchangeSource: { table: 'exchange-rates', version, asOf: '2026-12-01' },
    });
  const estimate = (tables: ReturnType<typeof taxTablesFromRows>) => {
    const lines = [line({ codeTs: '0101290090', declTotal: '100', firstQty: '20' }), line({ codeTs: '0101290090' })];
    const e = estimateTaxes({ head: head(), lines, date: '2026-12-01' }, tables);
    return e.lines.map((l) => [l.goods.amount, l.goods.rate?.source.version, l.duty.amount, l.duty.inputs]);
  };

  it('gives a newer tariff version’s rate and a newer exchange rate, and the older ones again from the older tables', () => {
    const older = tablesOf('2026.1', '10%', '7.1');
    const newer = tablesOf('2026.2', '5%+0.5元/千克', '7.2');
    // 100 USD × 7.1 = 710.00, duty 10% = 71.00; 1000 USD × 7.1 = 7100.00, duty 710.00
    const olderFigures = [
      ['710.00', '2026.1', '71.00', { base: '710.00', adValorem: '10%' }],
      ['7100.00', '2026.1', '710.00', { base: '7100.00', adValorem: '10%' }],
    ];
    expect(estimate(older)).toEqual(olderFigures);
    // 100 USD × 7.2 = 720.00, duty 5% = 36.00 + 20 kg × 0.5 = 46.00; 7200.00: 360.00 + 1 kg × 0.5 = 360.50
    expect(estimate(newer)).toEqual([
      ['720.00', '2026.2', '46.00', { base: '720.00', adValorem: '5%', perUnit: '0.5', qty: '20' }],
      ['7200.00', '2026.2', '360.50', { base: '7200.00', adValorem: '5%', perUnit: '0.5', qty: '1' }],
    ]);
    expect(estimate(older)).toEqual(olderFigures);
  });
});

describe('an imported tariff’s 协定税率', () => {
  const header = '商品编号,商品名称,法定第一单位,进口最惠国税率,进口增值税率,协定税率\n';
  it('is accepted as the workbook’s tags or as code:rate, kept as code:rate, and applied by the estimate', () => {
    const csv =
      header +
      '0207120000,冻的整只鸡,035,20%,9%,<亚太></亚太><东盟>0</东盟><韩国>0.2元/ 千克</韩国><毛里求斯>关税配额税率：15</毛里求斯>\n' +
      '0101290010,非改良种用濒危野马,035,10%,9%,07:1.5%；24：7%\n';
    const table = normalizeTable('tariff', parseCsv(csv));
    expect(table.problems).toEqual([]);
    expect(table.rows.map((r) => r.agreement_rates)).toEqual(['02:0%;19:0.2元/千克', '07:1.5%;24:7%']);
    const tables = taxTablesFromRows({
      tariffRow: (code) => table.rows.find((r) => r.code === code),
      tariffSource: { table: 'tariff', version: 'import.3', asOf: '2026-12-01' },
      exchangeRows: [],
      exchangeSource: { table: 'exchange-rates', version: '', asOf: '' },
    });
    const l = line({ codeTs: '0101290010', tradeCurr: 'CNY', declTotal: '1000', originCountry: 'PAK' });
    const e = estimateTaxes({ head: head({ agreement: '07' }), lines: [l], date: '2026-12-06' }, tables);
    // 中国—巴基斯坦 1.5% × 1000 = 15.00 (MFN 10% would be 100.00)
    expect(e.lines[0]?.duty).toMatchObject({ amount: '15.00', rate: { basis: 'agreement', agreement: '07' } });
  });

  it('refuses a cell it cannot read whole, naming line, column and the 商品编号', () => {
    const csv =
      header +
      '0101290010,马,035,10%,9%,<智利>0</智利><巴西>5</巴西>\n' +
      '0101290090,马,035,10%,9%,02:five\n' +
      '0101210010,马,035,0%,9%,<智利>0</智利><秘鲁>3\n';
    const problems = normalizeTable('tariff', parseCsv(csv)).problems;
    expect(problems.map((p) => [p.line, p.column, p.code, p.params.code])).toEqual([
      [2, 'agreement_rates', 'bad-agreement-rates', '0101290010'],
      [3, 'agreement_rates', 'bad-agreement-rates', '0101290090'],
      [4, 'agreement_rates', 'bad-agreement-rates', '0101210010'],
    ]);
  });
});
