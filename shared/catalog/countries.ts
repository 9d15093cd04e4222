import type { Row } from './document';

/**
 * The export swap (DOMAIN.md §1.4, import-spec note on DecList): in the single window's import
 * format an export line carries the country of final destination in OriginCountry and the
 * country of origin in DestinationCountry; an import line carries them as named. A declaration
 * stores the message's values, so every place that speaks of meaning (the print view, an import
 * from a spreadsheet, a party or product library) goes through these two functions.
 */
export interface LineCountries {
  /** 原产国(地区): where the goods were made. */
  origin: string;
  /** 最终目的国(地区): where the goods finally go. */
  destination: string;
}

export function countriesToMessage(
  ieFlag: 'I' | 'E',
  countries: LineCountries,
): { OriginCountry: string; DestinationCountry: string } {
  return ieFlag === 'E'
    ? { OriginCountry: countries.destination, DestinationCountry: countries.origin }
    : { OriginCountry: countries.origin, DestinationCountry: countries.destination };
}

export function countriesFromMessage(ieFlag: 'I' | 'E', line: Row): LineCountries {
  const origin = line.OriginCountry ?? '';
  const destination = line.DestinationCountry ?? '';
  return ieFlag === 'E' ? { origin: destination, destination: origin } : { origin, destination };
}
