import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from './head';
import { looksEuropean, numberWithRest, parseNumber } from './numbers';

/** A whole number written with a thousands separator every three digits. */
function grouped(whole: string, sep: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

describe('numbers as printed', () => {
  it('reads any amount written the English or the European way, with or without a currency, the decimals kept', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('', 'USD ', '$', '€ ', 'US$'),
        (n, places, currency) => {
          const digits = n.toString().padStart(places + 1, '0');
          const whole = digits.slice(0, digits.length - places);
          const frac = digits.slice(digits.length - places);
          const expected = places > 0 ? `${whole}.${frac}` : whole;
          const english = `${currency}${grouped(whole, ',')}${places > 0 ? `.${frac}` : ''}`;
          const european = `${currency}${grouped(whole, '.')}${places > 0 ? `,${frac}` : ''}`;
          expect(parseNumber(english)).toBe(expected);
          expect(parseNumber(european, true)).toBe(expected);
        },
      ),
    );
  });

  it('reads full-width digits, spaces between thousands, and refuses what is not one number', () => {
    expect(parseNumber('１，２３４．５０')).toBe('1234.50');
    expect(parseNumber('1 234,50', true)).toBe('1234.50');
    expect(parseNumber('12,34.5')).toBeNull();
    expect(parseNumber('M8x40')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
    expect(numberWithRest('1,000 PCS')).toEqual({ value: '1000', rest: 'PCS' });
    expect(numberWithRest('12.5KGS')).toEqual({ value: '12.5', rest: 'KGS' });
  });

  it('tells a European document by the numbers that say so, not by one ambiguous "1.234"', () => {
    expect(looksEuropean(['1.234', '250,00', '1.234,50'])).toBe(true);
    expect(looksEuropean(['1,234', '250.00', '1,234.50'])).toBe(false);
    expect(looksEuropean(['1.234'])).toBe(false);
  });

  it('reads dates as invoices print them', () => {
    expect(
      [
        '2026-03-15',
        '2026/3/15',
        '2026年3月15日',
        '15 Mar 2026',
        'March 15, 2026',
        '15-MAR-26',
        '15/03/2026',
        '15.03.2026',
      ].map(parseDate),
    ).toEqual(Array(8).fill('2026-03-15'));
    expect(parseDate('Invoice')).toBeNull();
  });
});
