import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Exact, add, cmp, exact, format, reduce, sub, toText } from './exact';

// The arithmetic takes shortcuts for speed (a denominator that divides the other, one division for a text);
// each is held here to the plain definition it stands for, on fractions of the sizes the estimate makes.
const fraction = fc
  .record({
    n: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    d: fc.oneof(
      fc.constantFrom(1n, 2n, 3n, 7n, 8n, 100n, 1000n, 10n ** 6n, 10n ** 12n, 3n * 10n ** 4n),
      fc.bigInt({ min: 1n, max: 10n ** 28n }),
    ),
  })
  .map(({ n, d }) => exact(n, d));
/** Two fractions whose denominators often divide one another, as goods and their freight share do. */
const pair = fc
  .tuple(fraction, fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([a, n, k]) => [a, exact(n, a.d * k)] as const);

const same = (a: Exact, b: Exact) => a.n * b.d === b.n * a.d;

/** Decimal text with the fewest places up to 12 that hold the value exactly, else rounded to 12. */
function textByDefinition(a: Exact): string {
  for (let places = 0; places <= 12; places++) if ((a.n * 10n ** BigInt(places)) % a.d === 0n) return format(a, places);
  return format(a, 12);
}

describe('exact fractions', () => {
  it('add and sub equal the cross-multiplied sum and difference, in either order', () => {
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(fraction, fraction)), ([a, b]) => {
        const sum = exact(a.n * b.d + b.n * a.d, a.d * b.d);
        const difference = exact(a.n * b.d - b.n * a.d, a.d * b.d);
        expect(same(add(a, b), sum)).toBe(true);
        expect(same(add(b, a), sum)).toBe(true);
        expect(same(sub(a, b), difference)).toBe(true);
        expect(add(a, b).d > 0n && sub(a, b).d > 0n).toBe(true);
        expect(cmp(sub(add(a, b), b), a)).toBe(0);
      }),
    );
  });

  it('toText is the decimal with the fewest exact places up to 12, else rounded to 12', () => {
    fc.assert(
      fc.property(fraction, (a) => {
        expect(toText(a)).toBe(textByDefinition(a));
      }),
    );
    const cases: [Exact, string][] = [
      [exact(0n), '0'],
      [exact(100n), '100'],
      [exact(-5n, 10n), '-0.5'],
      [exact(1250n, 100n), '12.5'],
      [exact(1n, 3n), '0.333333333333'],
      [exact(2n, 3n), '0.666666666667'],
      [exact(1n, 10n ** 12n), '0.000000000001'],
      [exact(1n, 10n ** 13n), '0.000000000000'],
    ];
    for (const [a, text] of cases) expect([toText(a), textByDefinition(a)]).toEqual([text, text]);
  });

  it('a fraction left unreduced reads as its lowest terms do', () => {
    fc.assert(
      fc.property(fraction, fc.bigInt({ min: 1n, max: 10n ** 12n }), (a, k) => {
        const scaled = { n: a.n * k, d: a.d * k };
        expect([toText(scaled), format(scaled), format(scaled, 4)]).toEqual([toText(a), format(a), format(a, 4)]);
        expect(reduce(scaled)).toEqual(reduce(a));
      }),
    );
  });
});
