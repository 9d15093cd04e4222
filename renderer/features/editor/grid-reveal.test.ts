import { describe, expect, it } from 'vitest';
import { gridColumns } from './form-layout';
import { pinnedWidthOf, revealScrollLeft } from './grid-reveal';
import { gridWidths, NUMBER_WIDTH } from './grid-widths';

const widths = gridWidths('zh-CN', 'I');
const pinned = ['CodeTS'];
const edge = pinnedWidthOf(widths, pinned);

/** Each column's left (px from the table's left), from the fixed widths. */
function leftOf(column: string): number {
  let x = NUMBER_WIDTH;
  for (const xml of gridColumns) {
    if (xml === column) return x;
    x += widths.columns.get(xml) ?? 0;
  }
  throw new Error(`no column ${column}`);
}

describe('where the goods grid scrolls for the cell the cursor moved to', () => {
  it('leaves the grid where it is when the cell is whole beside the pinned columns', () => {
    expect(revealScrollLeft('CiqCode', widths, pinned, { scrollLeft: 0, clientWidth: 900 })).toBeNull();
    expect(revealScrollLeft('CodeTS', widths, pinned, { scrollLeft: 400, clientWidth: 900 })).toBeNull();
  });

  it('brings a cell under the pinned columns to their right edge', () => {
    const left = leftOf('GName') - edge;
    expect(revealScrollLeft('GName', widths, pinned, { scrollLeft: left + 30, clientWidth: 900 })).toBe(left);
  });

  it('brings a cell past the right edge in by the least column start that shows it whole', () => {
    const column = 'FirstQty';
    const end = leftOf(column) + (widths.columns.get(column) ?? 0);
    const clientWidth = 700;
    const left = revealScrollLeft(column, widths, pinned, { scrollLeft: 0, clientWidth });
    if (left === null) throw new Error('the grid did not move');
    // A column start, the cell whole beside the pinned columns and inside the view, and no smaller start would do.
    const starts = gridColumns.filter((xml) => xml !== 'CodeTS').map((xml) => leftOf(xml) - edge);
    expect(starts).toContain(left);
    expect(leftOf(column) - edge).toBeGreaterThanOrEqual(left);
    expect(end).toBeLessThanOrEqual(left + clientWidth);
    expect(starts.filter((start) => start < left && end <= start + clientWidth)).toEqual([]);
  });
});
