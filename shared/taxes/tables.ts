import type { CodeRow } from '../code-tables/tables';
import { tariffRatesFromRow } from './tariff-rates';
import type { ExchangeRate, RateSource, TariffRates, TaxTables } from './types';

/**
 * The estimate's tables from code-table rows as the desk's store and the hub serve them: the tariff
 * (its rate columns) and the exchange-rates table (one month's 计征汇率 per version: code = currency,
 * rate = 元 per unit, month = YYYY-MM), each with its version and date.
 */
export function taxTablesFromRows(input: {
  tariffRow: (code: string) => CodeRow | undefined;
  tariffSource: RateSource;
  exchangeRows: readonly CodeRow[];
  exchangeSource: RateSource;
  generalRateOrigins?: ReadonlySet<string>;
}): TaxTables {
  const tariff = new Map<string, TariffRates | undefined>();
  const rates: ExchangeRate[] = input.exchangeRows
    .filter((r) => (r.code ?? '') !== '' && (r.rate ?? '') !== '' && /^\d{4}-\d{2}$/.test(r.month ?? ''))
    .map((r) => ({ currency: r.code ?? '', month: r.month ?? '', rate: r.rate ?? '', source: input.exchangeSource }))
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return {
    tariff(code) {
      if (!tariff.has(code)) {
        const row = input.tariffRow(code);
        tariff.set(code, row ? tariffRatesFromRow(row, input.tariffSource) : undefined);
      }
      return tariff.get(code);
    },
    exchangeRate: (currency, month) => rates.find((r) => r.currency === currency && r.month <= month),
    generalRateOrigin: (country) => input.generalRateOrigins?.has(country) ?? false,
  };
}
