import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { head, line, memoryTaxTables } from '../../test-support/shared/tax-tables';
import { type Exact, ZERO, add, cmp, exact, format, parseDecimal } from './exact';
import { estimateTaxes } from './estimate';
import type { TaxKind } from './types';

const tables = memoryTaxTables(
  [
    { code: '0000000001', mfn: '10%', vat: '13%' },
    { code: '0000000002', mfn: '8%', provisional: '3%', consumption: '10%', vat: '13%' },
    { code: '0000000003', mfn: '0.8元/千克', vat: '9%' },
    { code: '0000000004', mfn: '5%+1.5元/千克', consumption: '20%+0.912元/升', vat: '13%' },
    { code: '0000000005', mfn: '6%', consumption: '完税价大于等于10000元：20%，完税价小于10000元：0。' },
  ],
  [
    { currency: 'USD', month: '2026-12', rate: '7.0412' },
    { currency: 'EUR', month: '2026-11', rate: '8.1234' },
  ],
);

const amount = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((n) => format(exact(n, 100n)));
const lineArb = fc.record({
  codeTs: fc.constantFrom('0000000001', '0000000002', '0000000003', '0000000004', '0000000005', '0000000009'),
  declTotal: amount,
  tradeCurr: fc.constantFrom('USD', 'EUR', 'CNY', 'JPY'),
  firstQty: fc.constantFrom('1', '12.5', '1000', ''),
  firstUnit: fc.constantFrom('035', '095', '008'),
  secondQty: fc.constantFrom('', '3', '40.125'),
  secondUnit: fc.constantFrom('', '035', '095'),
});
const headArb = fc.record({
  transMode: fc.constantFrom('1', '2', '3', '4', '7'),
  feeMark: fc.constantFrom('', '1', '2', '3'),
  feeRate: fc.constantFrom('', '5', '120.5'),
  feeCurr: fc.constantFrom('USD', 'CNY'),
  insurMark: fc.constantFrom('', '1', '3'),
  insurRate: fc.constantFrom('', '0.3', '45'),
  insurCurr: fc.constantFrom('USD', 'CNY'),
  grossWt: fc.constantFrom('', '1500', '0.5'),
});

describe('the estimate’s totals', () => {
  it('each tax’s total is the sum of its lines’ figures, complete only when every line has one, exact to the fen', () => {
    fc.assert(
      fc.property(headArb, fc.array(lineArb, { minLength: 1, maxLength: 50 }), (h, ls) => {
        const e = estimateTaxes({ head: head(h), lines: ls.map((l) => line(l)), date: '2026-12-15' }, tables);
        for (const kind of ['duty', 'consumption', 'vat'] as TaxKind[]) {
          const figures = e.lines.map((l) => l[kind].amount);
          const known = figures.filter((a): a is string => a !== null).map((a) => parseDecimal(a) as Exact);
          const total = known.reduce(add, ZERO);
          const t = e.totals[kind];
          expect(t.computed).toBe(format(total));
          expect(t.complete).toBe(figures.every((a) => a !== null));
          const below = t.complete && cmp(total, exact(50n)) < 0 && cmp(total, ZERO) > 0;
          expect(t.payable).toBe(below ? '0.00' : t.computed);
          // Every figure is to the fen, and a figure that is missing has a problem on its line.
          for (const a of figures) if (a !== null) expect(a).toMatch(/^\d+\.\d{2}$/);
        }
        e.lines.forEach((l) => {
          if (l.duty.amount === null) expect(e.problems.some((p) => p.severity === 'missing')).toBe(true);
        });
      }),
    );
  });
});
