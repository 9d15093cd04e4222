import { describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { lineAmountOps, priceOf, remapComputed, totalOf, type Computed } from './line-amounts';

/** Keys a sequence of values into line 0 the way the editor does: the broker's set, then the computed ones. */
function keyIn(steps: Array<[string, string]>, start: Row = {}, computed: Computed = new Map()) {
  let line: Row = { ...start };
  // As the editor holds a line: an emptied field is no key at all.
  const set = (key: string, value: string) => {
    const { [key]: _old, ...rest } = line;
    line = value === '' ? rest : { ...rest, [key]: value };
  };
  for (const [key, value] of steps) {
    set(key, value);
    for (const op of lineAmountOps(line, 0, key, computed)) if (op.op === 'set') set(op.path.slice(9), op.value);
  }
  return { line, computed };
}

describe('goods line amounts as the broker keys', () => {
  it('multiplies and divides exactly, never in binary floating point', () => {
    expect(totalOf('0.1', '3')).toBe('0.3');
    expect(totalOf('2.5', '1000')).toBe('2500');
    expect(totalOf('1.2345', '3')).toBe('3.7');
    expect(totalOf('1.2355', '3')).toBe('3.71');
    expect(totalOf('19999999.9999', '99999.99999')).toBe('1999999999790');
    expect(totalOf('0.0001', '0.00001')).toBe('0');
    expect(priceOf('100', '3')).toBe('33.3333');
    expect(priceOf('200', '3')).toBe('66.6667');
    expect(priceOf('100', '0')).toBeNull();
    expect(totalOf('abc', '3')).toBeNull();
  });

  it('fills 申报总价 from 数量 × 单价 and follows them while it is the computed value', () => {
    const { line, computed } = keyIn([
      ['GQty', '1'],
      ['GQty', '10'],
      ['DeclPrice', '2.5'],
    ]);
    expect(line.DeclTotal).toBe('25');
    const more = keyIn([['GQty', '12']], line, computed);
    expect(more.line.DeclTotal).toBe('30');
    // The price taken away: the computed total goes with it.
    expect(keyIn([['DeclPrice', '']], more.line, more.computed).line.DeclTotal).toBeUndefined();
  });

  it('never overwrites a value the broker typed, and works the unit price out of a typed total', () => {
    const typed = keyIn([
      ['GQty', '3'],
      ['DeclTotal', '100'],
    ]);
    expect(typed.line).toMatchObject({ DeclTotal: '100', DeclPrice: '33.3333' });
    // The quantity changes: the typed total stays, the computed price follows it.
    expect(keyIn([['GQty', '4']], typed.line, typed.computed).line).toMatchObject({
      DeclTotal: '100',
      DeclPrice: '25',
    });
    // A price the broker typed is not recomputed from a total typed after it.
    const both = keyIn([
      ['GQty', '10'],
      ['DeclPrice', '5'],
      ['DeclTotal', '50.5'],
    ]);
    expect(both.line).toMatchObject({ DeclPrice: '5', DeclTotal: '50.5' });
    // A total typed over the computed one is the broker's from then on.
    expect(keyIn([['GQty', '20']], both.line, both.computed).line).toMatchObject({ DeclTotal: '50.5' });
    // A line opened with values already there (typed in an earlier session): nothing is overwritten.
    expect(keyIn([['GQty', '7']], { GQty: '3', DeclPrice: '2', DeclTotal: '6' }).line.DeclTotal).toBe('6');
  });

  it('fills 法定第一/第二数量 from 成交数量 when the units are the same, and only then', () => {
    const { line, computed } = keyIn([
      ['GUnit', '035'],
      ['FirstUnit', '035'],
      ['SecondUnit', '011'],
      ['GQty', '1000'],
    ]);
    expect(line).toMatchObject({ FirstQty: '1000' });
    expect(line.SecondQty).toBeUndefined();
    expect(
      keyIn(
        [
          ['FirstQty', '999'],
          ['GQty', '5'],
        ],
        line,
        new Map(computed),
      ).line.FirstQty,
    ).toBe('999');
    // Another deal unit: the computed legal quantity no longer holds and is taken away.
    expect(keyIn([['GUnit', '007']], line, computed).line.FirstQty).toBeUndefined();
  });

  it('keeps the memory with its lines when lines are added, removed or moved', () => {
    const computed: Computed = new Map([
      ['lines[0].DeclTotal', '1'],
      ['lines[1].DeclTotal', '2'],
      ['lines[2].DeclTotal', '3'],
    ]);
    const ops: PatchOp[] = [
      { op: 'insertRow', table: 'lines', index: 1 },
      { op: 'removeRow', table: 'lines', index: 0 },
      { op: 'moveRow', table: 'lines', from: 2, to: 0 },
      { op: 'insertRow', table: 'lines' },
      { op: 'insertRow', table: 'containers', index: 0 },
    ];
    for (const op of ops) remapComputed(computed, op);
    expect(Object.fromEntries(computed)).toEqual({ 'lines[0].DeclTotal': '3', 'lines[2].DeclTotal': '2' });
  });
});
