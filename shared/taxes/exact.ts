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
  // A plain swap: a destructuring swap built an array on every step of the loop.
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

// Powers of ten by exponent: every rounding, parse and text of an amount takes one.
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 25 }, (_, i) => 10n ** BigInt(i));
function pow10(places: number): bigint {
  return POWERS_OF_TEN[places] ?? 10n ** BigInt(places);
}

// Fractions are reduced only once a denominator grows past this: a gcd on every step was most of
// the estimate's time, and the estimate's chains (price × rate × share ÷ (1 − rate)) are short. A freight
// share's insurance passes 10^24 (the value of the whole declaration is in its denominator), where a gcd of
// two such numbers cost more than carrying them to the rounding to the fen, which ends every chain.
const REDUCE_ABOVE = 10n ** 40n;

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
  return exact(match[1] === '-' ? -n : n, pow10(frac.length));
}

// Most sums here are of decimals (powers of ten) or of a figure and one derived from it (goods and its freight
// share): one denominator divides the other, and scaling to the larger keeps the denominator from multiplying.
export function add(a: Exact, b: Exact): Exact {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  if (a.d > b.d) {
    if (a.d % b.d === 0n) return { n: a.n + b.n * (a.d / b.d), d: a.d };
  } else if (b.d % a.d === 0n) return { n: a.n * (b.d / a.d) + b.n, d: b.d };
  return exact(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Exact, b: Exact): Exact {
  return add(a, { n: -b.n, d: b.d });
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
  const unit = pow10(places);
  // Already in those units (an amount rounded to the fen, shown to the fen): nothing to divide or round.
  if (a.d === unit) return a.n;
  const scaled = a.n * unit;
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
  const whole = (negative ? -v : v).toString();
  const digits = whole.length > places ? whole : whole.padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
}

/** Exact decimal text when the fraction has a finite decimal expansion of ≤ 12 places; else rounded to 12. */
export function toText(a: Exact): string {
  // One division at 12 places: when it leaves no remainder the value is exact there, and its fewest places are
  // those 12 less the trailing zeros (what trying 0, 1, … 12 places in turn found, at up to 13 divisions).
  if ((a.n * pow10(12)) % a.d !== 0n) return format(a, 12);
  return format(a, 12).replace(/\.?0+$/, '');
}
