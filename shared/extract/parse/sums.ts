// A totals row OCR read without its label: a Chinese table's "合计：" read "ait:", with no TOTAL beside it to tell it
// by. Its cells still tell it: no name, no model, no item number, and figures that are the sums of the rows above.
import { cmp, parseDecimal, sum } from '../../taxes/exact';
import type { Exact } from '../../taxes/exact';
import { cellNumber } from './cells';
import type { ColumnKind } from './header';
import type { PlacedRun } from './layout';
import { joinRuns } from './layout';

const summed: readonly ColumnKind[] = ['quantity', 'amount', 'packages', 'netWeight', 'grossWeight'];

function cellValue(cells: ReadonlyMap<ColumnKind, PlacedRun[]>, kind: ColumnKind, european: boolean): Exact | null {
  const runs = cells.get(kind);
  const number = runs ? cellNumber(runs, european) : null;
  return number === null ? null : parseDecimal(number);
}

/**
 * Whether a line states the sums of the rows read so far and nothing a goods row names: no name, no model, no item
 * number (a label's garbled word may stand in its column). One column adding up is enough, as OCR may misread a
 * figure of another; a charge ("Freight: 50.00") is no sum of the rows, and every goods row has a name.
 */
export function statesSums(
  cells: ReadonlyMap<ColumnKind, PlacedRun[]>,
  rows: readonly { cells: ReadonlyMap<ColumnKind, PlacedRun[]> }[],
  european: boolean,
): boolean {
  if (cells.has('description') || cells.has('model')) return false;
  if (/\d/.test(joinRuns(cells.get('itemNo') ?? []))) return false;
  return sumsRows(cells, rows, european);
}

/**
 * Whether a figure of a line (quantity, amount, packages or a weight) is the sum of that column over every row read
 * so far. One column adding up is enough, as OCR may misread a figure of another.
 */
export function sumsRows(
  cells: ReadonlyMap<ColumnKind, PlacedRun[]>,
  rows: readonly { cells: ReadonlyMap<ColumnKind, PlacedRun[]> }[],
  european: boolean,
): boolean {
  if (rows.length === 0) return false;
  return summed.some((kind) => {
    const stated = cellValue(cells, kind, european);
    const parts = rows.map((r) => cellValue(r.cells, kind, european)).filter((p): p is Exact => p !== null);
    return stated !== null && parts.length === rows.length && cmp(sum(parts), stated) === 0;
  });
}
