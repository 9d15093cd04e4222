import { describe, expect, it } from 'vitest';
import { headFitPx } from './cell-fit';
import { gridColumns } from './form-layout';
import { ACTIONS_WIDTH, columnLabel, gridWidths, NUMBER_WIDTH } from './grid-widths';

describe('the goods grid’s column widths', () => {
  it('are worked out once for each language and direction, not at each render', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const ieFlag of ['I', 'E'] as const) expect(gridWidths(locale, ieFlag)).toBe(gridWidths(locale, ieFlag));
    }
    expect(gridWidths('en', 'E')).not.toBe(gridWidths('en', 'I'));
  });

  it('fit each head in its language and direction, and the table is their sum with 项号 and the row actions', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const ieFlag of ['I', 'E'] as const) {
        const { columns, table } = gridWidths(locale, ieFlag);
        expect([...columns.keys()]).toEqual(gridColumns);
        for (const xml of gridColumns) {
          expect(columns.get(xml)).toBeGreaterThanOrEqual(headFitPx(columnLabel(xml, locale, ieFlag)));
        }
        const sum = [...columns.values()].reduce((a, b) => a + b, 0);
        expect(table).toBe(NUMBER_WIDTH + ACTIONS_WIDTH + sum);
      }
    }
  });
});
