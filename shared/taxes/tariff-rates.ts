import type { RateSource, TariffRates } from './types';

/**
 * A tariff row (as the code-table store and the built-in tariff give it) as the rates the estimate
 * reads. Per-agreement rates sit in an `agreement_rates` column as `02:5%;08:0%` (优惠贸易协定 code:
 * rate) where the table carries them; the built-in tariff does not yet.
 */
export function tariffRatesFromRow(row: Readonly<Record<string, string>>, source: RateSource): TariffRates {
  const agreements: Record<string, string> = {};
  for (const part of (row.agreement_rates ?? '').split(';')) {
    const match = /^\s*(\d{2})\s*[:：]\s*(.+?)\s*$/.exec(part);
    if (match?.[1] && match[2]) agreements[match[1]] = match[2];
  }
  return {
    code: row.code ?? '',
    mfn: row.mfn_rate ?? '',
    provisional: row.provisional_rate ?? '',
    general: row.general_rate ?? '',
    consumption: row.consumption_tax ?? '',
    vat: row.vat_rate ?? '',
    agreements,
    source,
  };
}
