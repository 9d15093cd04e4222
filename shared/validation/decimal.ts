/**
 * Exact decimal arithmetic for the checks: amounts and quantities stay decimal strings end to
 * end, so they are compared as integers scaled by a power of ten, never as floating point.
 */

/** `value` as an integer count of 10^-scale units; null when it is not a plain non-negative decimal. */
export function toScaled(value: string, scale: number): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const intPart = match[1] ?? '0';
  const frac = match[2] ?? '';
  if (frac.length > scale) {
    // More digits than the scale: keep them exact by refusing; callers pick scales that fit the catalog.
    if (/[1-9]/.test(frac.slice(scale))) return null;
  }
  return BigInt(intPart + frac.slice(0, scale).padEnd(scale, '0'));
}

export function absDiff(a: bigint, b: bigint): bigint {
  return a > b ? a - b : b - a;
}

/** A scaled integer back to a decimal string with `digits` places (for messages). */
export function formatScaled(value: bigint, scale: number, digits = scale): string {
  const negative = value < 0n;
  let v = negative ? -value : value;
  if (digits < scale) {
    const factor = 10n ** BigInt(scale - digits);
    v = (v + factor / 2n) / factor;
  }
  const text = v.toString().padStart(digits + 1, '0');
  const out = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${out}` : out;
}
