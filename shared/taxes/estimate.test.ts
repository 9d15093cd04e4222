import { describe, expect, it } from 'vitest';
import { head, line, memoryTaxTables } from '../../test-support/shared/tax-tables';
import { estimateTaxes } from './estimate';
import type { TaxProblem } from './types';

// Each case is worked by hand in the comment above its expectations (docs/taxes.md has the rules).
const USD = { currency: 'USD', month: '2026-12', rate: '7.1' };
const DATE = '2026-12-06';
const codes = (problems: TaxProblem[]) => problems.map((p) => p.code);

describe('完税价格 by 成交方式', () => {
  it('CIF: the declared price converted at the month’s 计征汇率, nothing added', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%' }], [USD]);
    const e = estimateTaxes(
      { head: head({ transMode: '1' }), lines: [line({ declTotal: '1000' })], date: DATE },
      tables,
    );
    // 1000 USD × 7.1 = 7100.00; duty 10% = 710.00; consumption 0; VAT 13% × (7100 + 710) = 1015.30
    const l = e.lines[0];
    expect(l?.goods.amount).toBe('7100.00');
    expect(l?.goods.rate).toMatchObject({ basis: 'exchangeRate', text: '7.1', row: 'USD 2026-12' });
    expect(l?.customsValue.amount).toBe('7100.00');
    expect(l?.duty).toMatchObject({ amount: '710.00', formula: 'adValorem', rate: { basis: 'mfn', text: '10%' } });
    expect(l?.consumption.amount).toBe('0.00');
    expect(l?.vat.amount).toBe('1015.30');
    expect(e.problems).toEqual([]);
  });

  it('FOB: freight 总价 and insurance 总价 allocated over the lines by value; insurance 率 on goods + freight', () => {
    const tables = memoryTaxTables(
      [{ code: '0000000001', mfn: '0%' }],
      [USD, { currency: 'CNY', month: '2026-12', rate: '1' }],
    );
    const h = head({ transMode: '3', feeMark: '3', feeRate: '100', feeCurr: 'USD', insurMark: '1', insurRate: '0.3' });
    const e = estimateTaxes(
      { head: h, lines: [line({ declTotal: '600' }), line({ declTotal: '400' })], date: DATE },
      tables,
    );
    // goods 4260.00 and 2840.00 (share 0.6 / 0.4); freight 100 USD = 710.00 → 426.00 and 284.00;
    // insurance 0.3% × (4260 + 426) = 14.058 and 0.3% × (2840 + 284) = 9.372;
    // 完税价格 4260 + 426 + 14.058 = 4700.058 → 4700.06 and 2840 + 284 + 9.372 = 3133.372 → 3133.37
    expect(e.lines.map((l) => l.freight.amount)).toEqual(['426.00', '284.00']);
    expect(e.lines[0]?.freight.inputs).toMatchObject({ total: '710.00', share: '0.6' });
    expect(e.lines.map((l) => l.insurance.amount)).toEqual(['14.06', '9.37']);
    expect(e.lines.map((l) => l.customsValue.amount)).toEqual(['4700.06', '3133.37']);
  });

  it('FOB with no insurance given: customs’ 3‰ of goods price plus freight, said as a note', () => {
    const tables = memoryTaxTables(
      [{ code: '0000000001', mfn: '0%' }],
      [{ currency: 'EUR', month: '2026-12', rate: '7.8' }],
    );
    const h = head({ transMode: '3', feeMark: '1', feeRate: '5' });
    const e = estimateTaxes({ head: h, lines: [line({ declTotal: '1000', tradeCurr: 'EUR' })], date: DATE }, tables);
    // goods 7800.00; freight 5% = 390.00; insurance 3‰ × 8190 = 24.57; 完税价格 8214.57
    expect(e.lines[0]?.freight).toMatchObject({ amount: '390.00', formula: 'rateOfGoods' });
    expect(e.lines[0]?.insurance).toMatchObject({ amount: '24.57', formula: 'customsRule' });
    expect(e.lines[0]?.customsValue.amount).toBe('8214.57');
    expect(e.problems).toEqual([{ code: 'taxes.insuranceCustomsRule', severity: 'note', params: { rate: '0.3%' } }]);
  });

  it('C&F adds insurance only; C&I adds freight only; freight 单价 is per tonne of gross weight', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '0%' }], [USD]);
    const cfr = estimateTaxes(
      {
        head: head({ transMode: '2', insurMark: '3', insurRate: '10', insurCurr: 'USD' }),
        lines: [line()],
        date: DATE,
      },
      tables,
    );
    // 7100.00 + insurance 10 USD = 71.00 → 7171.00; no freight
    expect(cfr.lines[0]?.freight.amount).toBe('0.00');
    expect(cfr.lines[0]?.customsValue.amount).toBe('7171.00');
    const ci = estimateTaxes(
      {
        head: head({ transMode: '4', feeMark: '2', feeRate: '50', feeCurr: 'USD', grossWt: '2000' }),
        lines: [line()],
        date: DATE,
      },
      tables,
    );
    // freight 50 USD per tonne × 2 t = 100 USD = 710.00; 7100 + 710 = 7810.00; no insurance
    expect(ci.lines[0]?.freight.amount).toBe('710.00');
    expect(ci.lines[0]?.insurance.amount).toBe('0.00');
    expect(ci.lines[0]?.customsValue.amount).toBe('7810.00');
  });

  it('FOB with no freight: the 完税价格 is not computed and the estimate says why', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%' }], [USD]);
    const e = estimateTaxes({ head: head({ transMode: '3' }), lines: [line()], date: DATE }, tables);
    expect(e.lines[0]?.goods.amount).toBe('7100.00');
    expect(e.lines[0]?.customsValue.amount).toBeNull();
    expect(e.lines[0]?.duty.amount).toBeNull();
    expect(codes(e.problems)).toContain('taxes.freightMissing');
    expect(e.totals.duty).toEqual({ computed: '0.00', complete: false, payable: '0.00' });
  });
});

describe('the duty rate that applies', () => {
  const cny = (fields: Parameters<typeof line>[0] = {}) => line({ tradeCurr: 'CNY', declTotal: '10000', ...fields });
  it('provisional over MFN', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', provisional: '5%' }], []);
    const e = estimateTaxes({ head: head(), lines: [cny()], date: DATE }, tables);
    expect(e.lines[0]?.duty).toMatchObject({
      amount: '500.00',
      rate: { basis: 'provisional', text: '5%', row: '0000000001' },
    });
  });

  it('the general rate for an origin without MFN treatment', () => {
    const tables = memoryTaxTables(
      [{ code: '0000000001', mfn: '10%', provisional: '5%', general: '30%' }],
      [],
      ['XXX'],
    );
    const e = estimateTaxes({ head: head(), lines: [cny({ originCountry: 'XXX' })], date: DATE }, tables);
    expect(e.lines[0]?.duty).toMatchObject({ amount: '3000.00', rate: { basis: 'general', text: '30%' } });
  });

  it('specific duty by the quantity in the rate’s unit; compound adds both', () => {
    const tables = memoryTaxTables(
      [
        { code: '0000000001', mfn: '0.8元/千克' },
        { code: '0000000002', mfn: '10%+1.5元/千克' },
      ],
      [],
    );
    const lines = [
      cny({ firstQty: '1000', firstUnit: '035' }),
      cny({ codeTs: '0000000002', firstQty: '3', firstUnit: '007', secondQty: '200', secondUnit: '035' }),
    ];
    const e = estimateTaxes({ head: head(), lines, date: DATE }, tables);
    // 0.8 × 1000 kg = 800.00; 10% × 10000 + 1.5 × 200 kg (the second quantity is in kg) = 1300.00
    expect(e.lines[0]?.duty).toMatchObject({
      amount: '800.00',
      formula: 'specific',
      inputs: { qty: '1000', perUnit: '0.8' },
    });
    expect(e.lines[1]?.duty).toMatchObject({ amount: '1300.00', formula: 'compound' });
  });

  it('a specific rate with no quantity in its unit is not computed', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '0.8元/千克' }], []);
    const e = estimateTaxes({ head: head(), lines: [cny({ firstUnit: '007', firstQty: '5' })], date: DATE }, tables);
    expect(e.lines[0]?.duty.amount).toBeNull();
    expect(e.problems).toContainEqual({
      code: 'taxes.quantityMissing',
      severity: 'missing',
      gNo: 1,
      params: { tax: 'duty', unit: '035' },
    });
  });
});

describe('consumption tax and VAT', () => {
  const cny = (fields: Parameters<typeof line>[0] = {}) => line({ tradeCurr: 'CNY', ...fields });
  it('ad valorem consumption tax on the composite price (完税价格 + 关税) ÷ (1 − rate); VAT on the sum', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', consumption: '10%', vat: '13%' }], []);
    const e = estimateTaxes({ head: head(), lines: [cny({ declTotal: '10000' })], date: DATE }, tables);
    // duty 1000.00; composite 11000 ÷ 0.9 = 12222.222…; consumption 1222.222… → 1222.22;
    // VAT 13% × (10000 + 1000 + 1222.22) = 1588.8886 → 1588.89
    expect(e.lines[0]?.consumption).toMatchObject({
      amount: '1222.22',
      formula: 'composite',
      inputs: { composite: '12222.22' },
    });
    expect(e.lines[0]?.vat).toMatchObject({ amount: '1588.89', inputs: { sum: '12222.22' } });
  });

  it('compound consumption tax: (完税价格 + 关税 + qty × amount) ÷ (1 − rate) × rate + qty × amount', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', consumption: '20%+0.912元/升', vat: '13%' }], []);
    const e = estimateTaxes(
      { head: head(), lines: [cny({ declTotal: '5000', firstQty: '100', firstUnit: '095' })], date: DATE },
      tables,
    );
    // duty 500.00; specific 0.912 × 100 L = 91.2; composite (5000 + 500 + 91.2) ÷ 0.8 = 6989;
    // consumption 6989 × 20% + 91.2 = 1489.00; VAT 13% × (5000 + 500 + 1489) = 908.57
    expect(e.lines[0]?.consumption).toMatchObject({ amount: '1489.00', formula: 'compositeCompound' });
    expect(e.lines[0]?.vat.amount).toBe('908.57');
  });

  it('a price-banded consumption tax by the 完税价 per unit', () => {
    const rate = '完税价大于等于10000元：20%，完税价小于10000元：0。';
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '0%', consumption: rate }], []);
    const two = estimateTaxes(
      { head: head(), lines: [cny({ declTotal: '30000', firstQty: '2', firstUnit: '008' })], date: DATE },
      tables,
    );
    // 15000 per watch ≥ 10000: 30000 ÷ 0.8 × 20% = 7500.00
    expect(two.lines[0]?.consumption).toMatchObject({ amount: '7500.00', inputs: { band: '>=10000' } });
    const four = estimateTaxes(
      { head: head(), lines: [cny({ declTotal: '30000', firstQty: '4', firstUnit: '008' })], date: DATE },
      tables,
    );
    // 7500 per watch < 10000: no consumption tax
    expect(four.lines[0]?.consumption.amount).toBe('0.00');
  });

  it('a missing consumption rate stops consumption tax and VAT on that line, not the duty', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', consumption: '' }], []);
    const e = estimateTaxes({ head: head(), lines: [cny({ declTotal: '1000' })], date: DATE }, tables);
    expect(e.lines[0]?.duty.amount).toBe('100.00');
    expect([e.lines[0]?.consumption.amount, e.lines[0]?.vat.amount]).toEqual([null, null]);
    expect(codes(e.problems)).toEqual(['taxes.rateMissing', 'taxes.dependsOnMissing']);
    expect(e.totals.vat.complete).toBe(false);
  });
});

describe('rounding, totals and the 50 元 threshold', () => {
  it('each tax rounds to the fen per line, half away from zero', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', vat: '9%' }], []);
    const e = estimateTaxes(
      { head: head(), lines: [line({ tradeCurr: 'CNY', declTotal: '1000.05' })], date: DATE },
      tables,
    );
    // duty 100.005 → 100.01; VAT 9% × (1000.05 + 100.01) = 99.0054 → 99.01
    expect([e.lines[0]?.duty.amount, e.lines[0]?.vat.amount]).toEqual(['100.01', '99.01']);
  });

  it('totals are the sums of the lines’ rounded figures; a tax under 50 元 for the declaration is not levied', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '1%', vat: '13%' }], []);
    const lines = [line({ tradeCurr: 'CNY', declTotal: '1000.50' }), line({ tradeCurr: 'CNY', declTotal: '2000.50' })];
    const e = estimateTaxes({ head: head(), lines, date: DATE }, tables);
    // duty 10.005 → 10.01 and 20.005 → 20.01: 30.02, under 50 → payable 0.00
    // VAT 13% × 1010.51 = 131.3663 → 131.37 and 13% × 2020.51 = 262.6663 → 262.67: 394.04
    expect(e.totals.duty).toEqual({ computed: '30.02', complete: true, payable: '0.00' });
    expect(e.totals.vat).toEqual({ computed: '394.04', complete: true, payable: '394.04' });
    expect(e.problems).toEqual([
      { code: 'taxes.belowThreshold', severity: 'note', params: { tax: 'duty', computed: '30.02' } },
    ]);
  });
});

describe('missing and old tables say which', () => {
  it('a currency with no 计征汇率 leaves its lines uncomputed, named once', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%' }], [USD]);
    const lines = [line({ tradeCurr: 'JPY' }), line({ tradeCurr: 'JPY' }), line()];
    const e = estimateTaxes({ head: head(), lines, date: DATE }, tables);
    expect(e.lines.map((l) => l.customsValue.amount)).toEqual([null, null, '7100.00']);
    expect(e.problems.filter((p) => p.code === 'taxes.exchangeRateMissing')).toEqual([
      { code: 'taxes.exchangeRateMissing', severity: 'missing', params: { currency: 'JPY', month: '2026-12' } },
    ]);
    expect(e.totals.duty).toEqual({ computed: '710.00', complete: false, payable: '710.00' });
  });

  it('an exchange rate older than the declaration’s month is used and named', () => {
    const tables = memoryTaxTables(
      [{ code: '0000000001', mfn: '0%' }],
      [{ currency: 'USD', month: '2026-10', rate: '7' }],
    );
    const e = estimateTaxes({ head: head(), lines: [line()], date: DATE }, tables);
    expect(e.lines[0]?.goods.amount).toBe('7000.00');
    expect(e.problems).toContainEqual({
      code: 'taxes.exchangeRateOld',
      severity: 'note',
      params: { currency: 'USD', month: '2026-12', rateMonth: '2026-10' },
    });
  });

  it('an unknown 商品编号, an unreadable rate and a tariff older than the declaration’s year are each named', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: 'see note' }], [USD]);
    const e = estimateTaxes(
      { head: head(), lines: [line({ codeTs: '9999999999' }), line()], date: '2027-01-04' },
      tables,
    );
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { code: 'taxes.tariffUnknown', severity: 'missing', gNo: 1, params: { code: '9999999999' } },
        {
          code: 'taxes.rateUnreadable',
          severity: 'missing',
          gNo: 2,
          params: { tax: 'duty', basis: 'mfn', text: 'see note' },
        },
        {
          code: 'taxes.tariffOld',
          severity: 'note',
          params: { version: 'test.1', asOf: '2026-08-01', date: '2027-01-04' },
        },
      ]),
    );
    expect(e.lines.map((l) => l.duty.amount)).toEqual([null, null]);
  });

  it('a tariff is older than the declaration by its year: a tariff of August serves a December declaration, not the next January', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%' }], [USD]);
    const old = (date: string) =>
      estimateTaxes({ head: head(), lines: [line()], date }, tables).problems.filter(
        (p) => p.code === 'taxes.tariffOld',
      );
    // The tables' tariff is as of 2026-08-01.
    expect(old('2027-01-01')).toEqual([
      {
        code: 'taxes.tariffOld',
        severity: 'note',
        params: { version: 'test.1', asOf: '2026-08-01', date: '2027-01-01' },
      },
    ]);
    expect(old('2026-12-31')).toEqual([]);
    expect(old('2026-08-01')).toEqual([]);
  });

  it('an export is not estimated, and says so', () => {
    const e = estimateTaxes({ head: head({ ieFlag: 'E' }), lines: [line()], date: DATE }, memoryTaxTables([], []));
    expect(codes(e.problems)).toEqual(['taxes.exportNotEstimated']);
    expect(e.lines).toEqual([]);
  });

  it('a goods line with no 商品编号 and no 申报总价 is named once and left out of the figures', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%', vat: '13%' }], [USD]);
    const blank = line({ codeTs: '', declTotal: '', firstQty: '' });
    const e = estimateTaxes({ head: head(), lines: [line(), blank], date: DATE }, tables);
    expect(e.problems.filter((p) => p.gNo === 2)).toEqual([
      { code: 'taxes.lineBlank', severity: 'note', gNo: 2, params: {} },
    ]);
    expect(e.lines.map((l) => l.gNo)).toEqual([1]);
    // The keyed line alone: 1000 × 7.1 = 7100.00, duty 10% = 710.00, VAT 13% × 7810 = 1015.30; complete.
    expect(e.totals.duty).toEqual({ computed: '710.00', complete: true, payable: '710.00' });
    expect(e.totals.vat.computed).toBe('1015.30');
  });

  it('an amount not given or not a number names its catalog element (DeclTotal, TradeCurr, FeeRate, GrossWet)', () => {
    const tables = memoryTaxTables([{ code: '0000000001', mfn: '10%' }], [USD]);
    const lines = [line({ declTotal: '' }), line({ declTotal: '12,5' }), line({ tradeCurr: '' })];
    const e = estimateTaxes(
      { head: head({ transMode: '3', feeMark: '2', feeRate: '80', feeCurr: 'USD' }), lines, date: DATE },
      tables,
    );
    const invalid = e.problems.filter((p) => p.code === 'taxes.amountInvalid');
    expect(invalid).toEqual([
      { code: 'taxes.amountInvalid', severity: 'missing', gNo: 1, params: { field: 'DeclTotal', value: '' } },
      { code: 'taxes.amountInvalid', severity: 'missing', gNo: 2, params: { field: 'DeclTotal', value: '12,5' } },
      { code: 'taxes.amountInvalid', severity: 'missing', gNo: 3, params: { field: 'TradeCurr', value: '' } },
      { code: 'taxes.amountInvalid', severity: 'missing', params: { field: 'GrossWet', value: '' } },
    ]);
  });
});
