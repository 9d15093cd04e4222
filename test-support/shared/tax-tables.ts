import type { ExchangeRate, TariffRates, TaxHeadInput, TaxLineInput, TaxTables } from '../../shared/taxes/types';
import { recordBuilder } from './record-builder';

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

export const head = recordBuilder<TaxHeadInput>(() => ({
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
}));

export const line = recordBuilder<TaxLineInput>(() => ({
  codeTs: '0000000001',
  declTotal: '1000',
  tradeCurr: 'USD',
  originCountry: 'USA',
  firstQty: '1',
  firstUnit: '035',
  secondQty: '',
  secondUnit: '',
  dutyMode: '1',
}));

/**
 * The tables the duty panel's and the printed sheet's tests estimate with: one tariff line (MFN 10 %, provisional 5 %,
 * VAT 13 %) and a USD rate of 7.1 from `month` (none for JPY).
 */
export function sampleTaxTables(month: string): TaxTables {
  return memoryTaxTables(
    [{ code: '0000000001', mfn: '10%', provisional: '5%', vat: '13%' }],
    [{ currency: 'USD', month, rate: '7.1' }],
  );
}

/** Two goods lines of that tariff line, one in USD and one in JPY, estimated on 6 December 2026. */
export function sampleTaxInput(): { head: TaxHeadInput; lines: TaxLineInput[]; date: string } {
  return { head: head(), lines: [line(), line({ tradeCurr: 'JPY' })], date: '2026-12-06' };
}
