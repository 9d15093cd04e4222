/**
 * Numbers as suppliers print them, turned into plain decimal text ("1,234.50", "1.234,50", "USD 1,234.50",
 * "１２３４．５０" → "1234.50"). The decimals are kept as printed: an amount printed to the cent stays so,
 * which the line arithmetic check relies on. No float ever holds a value.
 */

const currencySigns = /(?:US\$|USD|EUR|CNY|RMB|GBP|JPY|HKD|CHF|AUD|CAD|[$€£¥￥])/gi;

/** Full-width digits and punctuation (common in Chinese documents) to ASCII; NBSP and thin spaces to spaces. */
export function asciiText(text: string): string {
  return text.normalize('NFKC').replace(/[\u00a0\u2009\u202f]/g, ' ');
}

/**
 * Whether the numbers of a document are written the European way (1.234,50): decided once for the whole
 * document by the numbers that say so unambiguously (both separators, or a comma before one or two final
 * digits), so that a lone "1.234" is read the same way as its neighbours.
 */
export function looksEuropean(texts: Iterable<string>): boolean {
  let european = 0;
  let english = 0;
  for (const raw of texts) {
    const t = asciiText(raw);
    for (const m of t.matchAll(/\d[\d.,]*\d/g)) {
      const n = m[0];
      const lastComma = n.lastIndexOf(',');
      const lastDot = n.lastIndexOf('.');
      if (lastComma >= 0 && lastDot >= 0) {
        if (lastComma > lastDot) european++;
        else english++;
      } else if (lastComma >= 0 && /,\d{1,2}$/.test(n)) european++;
      else if (lastDot >= 0 && /\.\d{1,2}$/.test(n)) english++;
    }
  }
  return european > english;
}

/**
 * The decimal text of a printed number, or null when the text is not one number. Currency signs and codes
 * around it are dropped, thousands separators removed; `european` says which separator is the decimal one.
 */
export function parseNumber(text: string, european = false): string | null {
  let t = asciiText(text).replace(currencySigns, '').trim();
  t = t.replace(/\s+/g, ' ');
  // "1 234,50": a space between groups of three digits is a thousands separator.
  t = t.replace(/(\d) (?=\d{3}(?:\D|$))/g, '$1');
  const m = /^([-+]?)(\d[\d.,']*)$/.exec(t);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  let body = (m[2] ?? '').replace(/'/g, '');
  const decimal = european ? ',' : '.';
  const thousands = european ? '.' : ',';
  if (body.endsWith(thousands) || body.endsWith(decimal)) return null;
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const whole = parts[0] ?? '';
  if (whole.includes(thousands)) {
    const groups = whole.split(thousands);
    if (!groups.slice(1).every((g) => g.length === 3) || (groups[0] ?? '') === '') return null;
  }
  body = whole.split(thousands).join('');
  const frac = parts[1];
  if (frac !== undefined && !/^\d+$/.test(frac)) return null;
  if (!/^\d+$/.test(body)) return null;
  return sign + body + (frac !== undefined ? `.${frac}` : '');
}

/** A number followed or preceded by a unit or words ("100 PCS", "12.5KGS", "10 CTNS"): the number and the rest. */
export function numberWithRest(text: string, european = false): { value: string; rest: string } | null {
  const t = asciiText(text).trim();
  const m = /^((?:US\$|USD|EUR|CNY|RMB|[$€£¥￥])?\s*[-+]?\d[\d.,' ]*)(.*)$/i.exec(t);
  if (!m) return null;
  const value = parseNumber((m[1] ?? '').trim(), european);
  if (value === null) return null;
  return { value, rest: (m[2] ?? '').trim() };
}
