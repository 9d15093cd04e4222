export * from './types';
export { estimateTaxes, LEVY_THRESHOLD } from './estimate';
export { CUSTOMS_INSURANCE_RATE } from './customs-value';
export { parseRate, RATE_UNITS, type ParsedRate, type RateForm } from './rate-text';
export { taxInputFromDoc } from './from-doc';
export { tariffRatesFromRow } from './tariff-rates';
export { taxTablesFromRows } from './tables';
