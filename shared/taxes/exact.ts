/**
 * Exact amounts for the duty estimate: a fraction of two bigints. Customs divides by (1 − 消费税率)
 * and multiplies by exchange rates of four places, so a fixed-scale decimal would have to round inside
 * a formula; a fraction keeps every step exact until the one rounding customs does (to the fen, per tax
 * per line). No binary floating point touches an amount.
 */
export interface Exact {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

// Fractions are reduced only once a denominator grows past this: a gcd on every step was most of
// the estimate's time, and the estimate's chains (price × rate × share ÷ (1 − rate)) are short.
const REDUCE_ABOVE = 10n ** 24n;

export function exact(n: bigint, d = 1n): Exact {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) return exact(-n, -d);
  return d > REDUCE_ABOVE ? reduce({ n, d }) : { n, d };
}

/** The same fraction in lowest terms. */
export function reduce(a: Exact): Exact {
  const g = gcd(a.n, a.d) || 1n;
  return g === 1n ? a : { n: a.n / g, d: a.d / g };
}

export const ZERO = exact(0n);
export const ONE = exact(1n);

/** A plain decimal ("12.5", "-3", "0.0025"); null when the text is not one. */
export function parseDecimal(text: string): Exact | null {
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const frac = match[3] ?? '';
  const n = BigInt((match[2] ?? '0') + frac);
  return exact(match[1] === '-' ? -n : n, 10n ** BigInt(frac.length));
}

export function add(a: Exact, b: Exact): Exact {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return exact(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Exact, b: Exact): Exact {
  if (a.d === b.d) return { n: a.n - b.n, d: a.d };
  return exact(a.n * b.d - b.n * a.d, a.d * b.d);
}
export function mul(a: Exact, b: Exact): Exact {
  return exact(a.n * b.n, a.d * b.d);
}
export function div(a: Exact, b: Exact): Exact {
  if (b.n === 0n) throw new RangeError('division by zero');
  return exact(a.n * b.d, a.d * b.n);
}
export function cmp(a: Exact, b: Exact): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export function isZero(a: Exact): boolean {
  return a.n === 0n;
}
export function sum(values: readonly Exact[]): Exact {
  return values.reduce(add, ZERO);
}

/** Rounded half away from zero to `places` decimals (customs' 四舍五入), as a count of 10^-places units. */
export function roundScaled(a: Exact, places: number): bigint {
  const scaled = a.n * 10n ** BigInt(places);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const q = abs / a.d;
  const r = abs % a.d;
  const rounded = r * 2n >= a.d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** Rounded to the fen (2 places), kept exact. */
export function toFen(a: Exact): Exact {
  return exact(roundScaled(a, 2), 100n);
}

/** Fixed-point text with exactly `places` decimals, rounded half away from zero. */
export function format(a: Exact, places = 2): string {
  const v = roundScaled(a, places);
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

/** Exact decimal text when the fraction has a finite decimal expansion of ≤ 12 places; else rounded to 12. */
export function toText(a: Exact): string {
  for (let places = 0; places <= 12; places++) {
    const scaled = a.n * 10n ** BigInt(places);
    if (scaled % a.d === 0n) return format(a, places);
  }
  return format(a, 12);
}
