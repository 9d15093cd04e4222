import { describe, expect, it } from 'vitest';
import type { LineImportReport, PatchOp } from '../../../shared/api';
import { applyPatch, goodsDeclaration } from '../../../shared/catalog';
import { sampleDeclaration } from '../../../shared/validation/sample-declaration';
import { handleGridPaste } from './grid-paste';

const columns = ['CodeTS', 'GName', 'GQty', 'DeclTotal'];

function paste(text: string, path: string, doc = sampleDeclaration(2)) {
  for (const l of doc.lines) delete l.GNo;
  const input = document.createElement('input');
  input.setAttribute('data-path', path);
  document.body.append(input);
  let prevented = false;
  const ops: PatchOp[] = [];
  let refused: LineImportReport | null = null;
  const taken = handleGridPaste(
    {
      target: input,
      clipboardData: { getData: () => text } as unknown as DataTransfer,
      preventDefault: () => (prevented = true),
    },
    { doc, ieFlag: 'I', columns, apply: (o) => ops.push(...o), refuse: (r) => (refused = r) },
  );
  input.remove();
  return {
    taken,
    prevented,
    ops,
    refused: refused as LineImportReport | null,
    after: applyPatch(goodsDeclaration, doc, ops).doc,
  };
}

describe('pasting a block from Excel into the goods grid', () => {
  it('fills the columns from the focused cell and the lines from the focused line, adding lines', () => {
    const { taken, prevented, after, refused } = paste(
      '梨\t2000\t2500\r\n桃\t10\t12.5\r\n李\t1\t1.25\r\n',
      'lines[1].GName',
    );
    expect([taken, prevented, refused]).toEqual([true, true, null]);
    expect(after.lines.map((l) => [l.GName, l.GQty, l.DeclTotal])).toEqual([
      ['鲜苹果', '1000', '1250.00'],
      ['梨', '2000', '2500'],
      ['桃', '10', '12.5'],
      ['李', '1', '1.25'],
    ]);
    expect(after.lines[1]?.CodeTS).toBe('0808100000');
  });

  it('writes nothing when a cell is wrong, and reports the line and column', () => {
    const { ops, refused } = paste('0808\t苹果\r\n0808100000\t梨\r\n', 'lines[0].CodeTS');
    expect(ops).toEqual([]);
    expect(refused?.errors.map((e) => `${e.row} ${e.field} ${e.code}`)).toEqual(['1 CodeTS hs-code-format']);
  });

  it('leaves a single value to the input, and ignores cells outside the grid', () => {
    expect(paste('梨', 'lines[0].GName').taken).toBe(false);
    expect(paste('梨\n', 'lines[0].GName').taken).toBe(false);
    expect(paste('a\tb', 'head.BillNo').taken).toBe(false);
  });

  it('refuses a block that would make more than 50 lines', () => {
    const text = Array.from({ length: 50 }, (_v, i) => `品名${i}`).join('\n');
    const { refused, ops } = paste(text, 'lines[1].GName');
    expect(ops).toEqual([]);
    expect(refused?.errors[0]?.code).toBe('too-many-lines');
  });
});
