// Which column a run of a table's line stands in, and the number a cell sets: the table reader (table.ts), the
// naming of weight columns by what they hold (weights.ts) and the totals row's figures (parse-document.ts) read cells
// alike.
import type { Column } from './header';
import type { PlacedRun } from './layout';
import { joinRuns } from './layout';
import { parseNumber } from './numbers';

/**
 * Whether a run stands in a column: its centre at or after the column's left edge and before its right. Columns reach
 * halfway to their neighbours, since numbers are set right and names left, so the centre is what places a run.
 */
export function inColumn(run: PlacedRun, column: Column): boolean {
  const centre = (run.left + run.right) / 2;
  return centre >= column.left && centre < column.right;
}

export function columnOf(columns: readonly Column[], run: PlacedRun): Column | undefined {
  return columns.find((c) => inColumn(run, c));
}

/** The number a cell's runs set, a unit after it aside ("1,000 PCS", "12.5 KGS", "3.2千克"), or null. */
export function cellNumber(runs: readonly PlacedRun[], european: boolean): string | null {
  const text = joinRuns(runs)
    .replace(/[a-z\u4e00-\u9fff]+\.?$/i, '')
    .trim();
  return parseNumber(text, european);
}
