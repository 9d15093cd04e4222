import { describe, expect, it } from 'vitest';
import { head, line, memoryTaxTables } from '../../test-support/shared/tax-tables';
import countriesTable from '../../resources/code-tables/countries.json' with { type: 'json' };
import specTable from '../../resources/code-tables/preferential-trade-agreements.json' with { type: 'json' };
import {
  agreementsOfOrigin,
  formatAgreementRates,
  loadTradeAgreements,
  parseAgreementTags,
  tradeAgreements,
} from './agreements';
import { taxBillSchema } from './bill-schema';
import { estimateTaxes } from './estimate';

// Each case is worked by hand in the comment above its expectations (docs/taxes.md has the rules).
const DATE = '2026-12-06';
const cny = (fields: Parameters<typeof line>[0] = {}) => line({ tradeCurr: 'CNY', declTotal: '10000', ...fields });
const tables = memoryTaxTables(
  [{ code: '0000000001', mfn: '10%', provisional: '6%', agreements: { '02': '3%', '08': '8%' } }],
  [],
);
const agreementNotes = (e: ReturnType<typeof estimateTaxes>) =>
  e.problems.filter((p) => p.code === 'taxes.agreementNotApplied');

describe('协定税率 in the estimate', () => {
  it('applies the agreement rate when the origin is a party and the declaration names the agreement', () => {
    const e = estimateTaxes(
      { head: head({ agreement: '02' }), lines: [cny({ originCountry: 'VNM' })], date: DATE },
      tables,
    );
    // 完税价格 10000.00; provisional 6% = 600.00, 中国—东盟 3% = 300.00: the lower, 300.00, is levied
    expect(e.lines[0]?.duty).toMatchObject({
      amount: '300.00',
      rate: { basis: 'agreement', agreement: '02', text: '3%', row: '0000000001' },
    });
    // VAT 13% × (10000 + 300) = 1339.00
    expect(e.lines[0]?.vat.amount).toBe('1339.00');
    expect(agreementNotes(e)).toEqual([]);
  });

  it('names the rate an agreement rate was levied over, in the estimate and in the 税费单 read back', () => {
    const e = estimateTaxes(
      {
        head: head({ agreement: '02' }),
        lines: [cny({ originCountry: 'VNM' }), cny({ originCountry: 'USA' })],
        date: DATE,
      },
      tables,
    );
    // VNM: 中国—东盟 3% = 300.00, lower than provisional 6% = 600.00; USA: provisional 6%, nothing levied over
    expect(e.lines.map((l) => l.duty.rate)).toMatchObject([
      { basis: 'agreement', text: '3%', over: { basis: 'provisional', text: '6%' } },
      { basis: 'provisional', text: '6%' },
    ]);
    expect(e.lines[1]?.duty.rate).not.toHaveProperty('over');
    // The desk reads a kept 税费单 through the bill's schema: the rate levied over is kept, not dropped as unknown.
    expect(taxBillSchema.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('does not apply it to an origin that is not a party to the declared agreement, and says so', () => {
    const e = estimateTaxes(
      { head: head({ agreement: '02' }), lines: [cny({ originCountry: 'USA' })], date: DATE },
      tables,
    );
    // USA is not an ASEAN member: provisional 6% × 10000 = 600.00
    expect(e.lines[0]?.duty).toMatchObject({ amount: '600.00', rate: { basis: 'provisional' } });
    expect(agreementNotes(e)).toEqual([
      {
        code: 'taxes.agreementNotApplied',
        severity: 'note',
        gNo: 1,
        params: { agreement: '02', reason: 'notMember', country: 'USA' },
      },
    ]);
  });

  it('levies the provisional rate when the agreement rate is higher (从低适用), and says why', () => {
    const e = estimateTaxes(
      { head: head({ agreement: '08' }), lines: [cny({ originCountry: 'CHL' })], date: DATE },
      tables,
    );
    // 中国—智利 8% = 800.00 against provisional 6% = 600.00: 600.00
    expect(e.lines[0]?.duty).toMatchObject({ amount: '600.00', rate: { basis: 'provisional', text: '6%' } });
    expect(agreementNotes(e).map((p) => p.params)).toEqual([
      { agreement: '08', reason: 'notLower', text: '8%', country: 'CHL' },
    ]);
  });

  it('with no agreement declared: not applied, and a party origin is told which lower rate it could have', () => {
    const asean = estimateTaxes({ head: head(), lines: [cny({ originCountry: 'VNM' })], date: DATE }, tables);
    // Nothing declared: provisional 600.00; VNM is a party to 02, whose 3% (300.00) would be lower
    expect(asean.lines[0]?.duty).toMatchObject({ amount: '600.00', rate: { basis: 'provisional' } });
    expect(agreementNotes(asean).map((p) => p.params)).toEqual([
      { agreement: '02', reason: 'notDeclared', text: '3%', country: 'VNM' },
    ]);
    // Chile's 8% would not be lower than 6%: nothing to tell; an origin in no agreement: nothing either
    const chile = estimateTaxes({ head: head(), lines: [cny({ originCountry: 'CHL' })], date: DATE }, tables);
    expect(agreementNotes(chile)).toEqual([]);
    const usa = estimateTaxes({ head: head(), lines: [cny({ originCountry: 'USA' })], date: DATE }, tables);
    expect(agreementNotes(usa)).toEqual([]);
  });

  it('a specific agreement rate by quantity: 冻的整只鸡 from Korea at 0.2元/千克 against MFN 20%', () => {
    // The built-in tariff's own row 0207120000: MFN 20%, 中国—韩国 (19) 0.2元/千克.
    const chicken = memoryTaxTables(
      [{ code: '0207120000', mfn: '20%', vat: '9%', agreements: { '19': '0.2元/千克' } }],
      [],
    );
    const l = cny({ codeTs: '0207120000', originCountry: 'KOR', firstQty: '1000', firstUnit: '035' });
    const e = estimateTaxes({ head: head({ agreement: '19' }), lines: [l], date: DATE }, chicken);
    // MFN 20% × 10000 = 2000.00; agreement 1000 千克 × 0.2 = 200.00: 200.00, specific; VAT 9% × 10200 = 918.00
    expect(e.lines[0]?.duty).toMatchObject({
      amount: '200.00',
      formula: 'specific',
      rate: { basis: 'agreement', agreement: '19', text: '0.2元/千克' },
      inputs: { perUnit: '0.2', qty: '1000' },
    });
    expect(e.lines[0]?.vat.amount).toBe('918.00');
  });

  it('a code not in the agreement table (RCEP, 22: no rates, no sourced parties) is not applied, with a note', () => {
    const e = estimateTaxes(
      { head: head({ agreement: '22' }), lines: [cny({ originCountry: 'JPN' })], date: DATE },
      tables,
    );
    expect(e.lines[0]?.duty.rate?.basis).toBe('provisional');
    expect(agreementNotes(e).map((p) => p.params)).toEqual([{ agreement: '22', reason: 'unknown' }]);
  });
});

describe('the agreement table and the 协定税率 tags', () => {
  it('names the parties of each agreement by the countries table’s codes', () => {
    expect(agreementsOfOrigin('KOR').map((a) => a.code)).toEqual(['01', '19']);
    expect(agreementsOfOrigin('KHM').map((a) => a.code)).toEqual(['02', '23']);
    expect(agreementsOfOrigin('USA')).toEqual([]);
  });

  it('keeps the built-in 2018 table’s names and the countries table’s codes (trade-agreements.json)', () => {
    const specNames = new Map(specTable.rows.map(([code, name]) => [code, name]));
    const countryCodes = new Set(countriesTable.rows.map(([code]) => code));
    for (const a of tradeAgreements) {
      if (specNames.has(a.code)) expect(a.nameZh, a.code).toBe(specNames.get(a.code));
      for (const m of a.members) expect(countryCodes.has(m), `${a.code}: ${m}`).toBe(true);
    }
    // 01–20 but 06 (台湾农产品零关税措施) and 13 (最不发达国家): unilateral measures with no workbook tag.
    expect(tradeAgreements.filter((a) => specNames.has(a.code))).toHaveLength(specNames.size - 2);
  });

  it('refuses agreements data with codes out of order, a tag twice, a member not a country code or a field unknown', () => {
    const chile = { code: '08', tag: '智利', nameZh: '中国—智利自贸协定', nameEn: 'China–Chile FTA', members: ['CHL'] };
    expect(loadTradeAgreements([chile])).toEqual([chile]);
    const json = /^shared\/taxes\/trade-agreements\.json: /;
    expect(() => loadTradeAgreements([chile, { ...chile, code: '07', tag: '巴基斯坦' }])).toThrow(json);
    expect(() => loadTradeAgreements([chile, { ...chile, code: '07', tag: '巴基斯坦' }])).toThrow(/07 after 08/);
    expect(() => loadTradeAgreements([chile, { ...chile, code: '10' }])).toThrow(/智利 twice/);
    expect(() => loadTradeAgreements([{ ...chile, members: ['Chile'] }])).toThrow(/at \[0\]\.members\[0\]/);
    expect(() => loadTradeAgreements([{ ...chile, rate: '0%' }])).toThrow(/"rate"/);
  });

  it('reads tags: a bare number is per cent, empty tags and the source’s wrapping spaces dropped', () => {
    const parsed = parseAgreementTags(
      '<亚太></亚太><智利>0</智利><巴基斯坦>1.5</巴基斯坦><韩国>0.2元/ 千克</韩国><毛里求斯>关税配 额税 率：0</毛里求斯>' +
        '<巴西>5</巴西><东盟>计税价格>2000美元/台：3%</东盟>',
    );
    expect(parsed.rates).toEqual({ '08': '0%', '07': '1.5%', '19': '0.2元/千克' });
    expect(parsed.skipped).toEqual([
      { tag: '毛里求斯', value: '关税配额税率：0', reason: 'quota' },
      { tag: '巴西', value: '5', reason: 'unknownTag' },
      { tag: '东盟', value: '计税价格>2000美元/台：3%', reason: 'unreadable' },
    ]);
    expect(formatAgreementRates(parsed.rates)).toBe('07:1.5%;08:0%;19:0.2元/千克');
    expect(parseAgreementTags('<智利>5</智利><秘鲁>3').skipped).toEqual([
      { tag: '', value: '<秘鲁>3', reason: 'unreadable' },
    ]);
  });
});
