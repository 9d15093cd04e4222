import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentLine } from '../document';
import { matchLines, nameSimilarity } from './match';

const line = (index: number, name: string, model: string, quantity: string, itemNo?: string): DocumentLine => ({
  index,
  nameEn: { value: name },
  model: { value: model },
  quantity: { value: quantity },
  ...(itemNo ? { itemNo: { value: itemNo } } : {}),
});

describe('matchLines', () => {
  it('pairs each invoice line with the packing-list line of the same goods, whatever the packing order and numbering', () => {
    const goods = fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('Bolt', 'Hex nut', 'Washer', 'Tool set', 'Cable tie', 'Bolt M8'),
        model: fc.stringMatching(/^[A-Z]{1,3}-\d{1,4}$/),
        quantity: fc.integer({ min: 1, max: 5000 }).map(String),
      }),
      { minLength: 1, maxLength: 30, selector: (g) => g.model },
    );
    fc.assert(
      fc.property(
        goods.chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.shuffledSubarray(
              g.map((_, i) => i),
              { minLength: g.length },
            ),
          ),
        ),
        ([items, order]) => {
          const invoice = items.map((g, i) => line(i, g.name, g.model, g.quantity, String(i + 1)));
          const packing = order.map((from, p) => {
            const g = items[from];
            return line(p, g?.name.toUpperCase() ?? '', g?.model ?? '', g?.quantity ?? '', `C-${p + 7}`);
          });
          const pairs = matchLines(invoice, packing);
          expect(pairs).toEqual(items.map((_, i) => [i, order.indexOf(i)]));
        },
      ),
    );
  });

  it('leaves lines unpaired when only a quantity speaks for them', () => {
    expect(
      matchLines([line(0, 'Bolt', 'A-1', '10')], [line(0, 'Cable', 'Z-9', '10'), line(1, 'Tie', 'Z-8', '5')]),
    ).toEqual([]);
    expect(nameSimilarity('Stainless steel bolt', 'STAINLESS STEEL BOLTS')).toBeGreaterThan(0.9);
  });
});
