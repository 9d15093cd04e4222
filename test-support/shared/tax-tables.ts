import type { ExchangeRate, TariffRates, TaxHeadInput, TaxLineInput, TaxTables } from '../../shared/taxes/types';

/** Tables held in memory for the estimate's tests and bench: rows as a test writes them. */
export function memoryTaxTables(
  tariff: readonly Partial<TariffRates>[],
  rates: readonly { currency: string; month: string; rate: string }[],
  generalOrigins: readonly string[] = [],
): TaxTables {
  const source = { table: 'tariff', version: 'test.1', asOf: '2026-08-01' };
  const byCode = new Map(
    tariff.map((t) => [
      t.code ?? '',
      { code: '', mfn: '', provisional: '', general: '', consumption: '0%', vat: '13%', agreements: {}, source, ...t },
    ]),
  );
  const exchange: ExchangeRate[] = rates
    .map((r) => ({ ...r, source: { table: 'exchange-rates', version: 'test.1', asOf: `${r.month}-01` } }))
    .sort((a, b) => (a.month < b.month ? 1 : -1));
  return {
    tariff: (code) => byCode.get(code),
    exchangeRate: (currency, month) => exchange.find((r) => r.currency === currency && r.month <= month),
    generalRateOrigin: (country) => generalOrigins.includes(country),
  };
}

export function head(fields: Partial<TaxHeadInput> = {}): TaxHeadInput {
  return {
    ieFlag: 'I',
    transMode: '1',
    feeMark: '',
    feeRate: '',
    feeCurr: '',
    insurMark: '',
    insurRate: '',
    insurCurr: '',
    grossWt: '',
    agreement: '',
    ...fields,
  };
}

export function line(fields: Partial<TaxLineInput> = {}): TaxLineInput {
  return {
    codeTs: '0000000001',
    declTotal: '1000',
    tradeCurr: 'USD',
    originCountry: 'USA',
    firstQty: '1',
    firstUnit: '035',
    secondQty: '',
    secondUnit: '',
    dutyMode: '1',
    ...fields,
  };
}
