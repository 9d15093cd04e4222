import { useLayoutEffect, type RefObject } from 'react';
import { gridColumns } from './form-layout';
import { NUMBER_WIDTH, type GridWidths } from './grid-widths';

/** 项号 and the pinned columns together: where a column passing under them is hidden. */
export function pinnedWidthOf(widths: GridWidths, pinned: readonly string[]): number {
  return NUMBER_WIDTH + pinned.reduce((sum, xml) => sum + (widths.columns.get(xml) ?? 0), 0);
}

/**
 * Where the goods grid's scroller should stand for `column`'s cells to be seen whole, or null where they are: a cell
 * half under the pinned columns is brought to their right edge, one past the right edge is brought in by as little as
 * a column start allows. Only column starts (less the pinned width) are positions the scroller stops at (styles.css
 * .grid-scroll): the browser's own scroll to a focused cell ends the cell at the right edge, and snapped back to the
 * nearest start it left the cell's right part out. Worked out from the fixed column widths, never measured.
 */
export function revealScrollLeft(
  column: string,
  widths: GridWidths,
  pinned: readonly string[],
  view: { scrollLeft: number; clientWidth: number },
): number | null {
  if (pinned.includes(column)) return null;
  const pinnedWidth = pinnedWidthOf(widths, pinned);
  const stops: number[] = [];
  let x = NUMBER_WIDTH;
  let start: number | null = null;
  let end = 0;
  for (const xml of gridColumns) {
    const width = widths.columns.get(xml) ?? 0;
    if (!pinned.includes(xml)) stops.push(x - pinnedWidth);
    if (xml === column) [start, end] = [x, x + width];
    x += width;
  }
  if (start === null) return null;
  const own = start - pinnedWidth;
  if (own < view.scrollLeft) return own;
  if (end <= view.scrollLeft + view.clientWidth) return null;
  // The first stop that shows the cell's right edge; the cell's own stop when it is wider than the view.
  const first = stops.find((stop) => stop >= end - view.clientWidth) ?? own;
  return Math.min(first, own);
}

/**
 * Scrolls the goods grid so that the cell the cursor moved to is whole beside the pinned columns. It runs in the frame
 * after the move, behind the field's own scroll into view (enter-navigation.ts focusField, whose scroll the snapping
 * can leave short): the layout is up to date then, and reading the scroller's place costs no layout of its own.
 */
export function useRevealCell(
  scroller: RefObject<HTMLElement | null>,
  cell: string | null,
  widths: GridWidths,
  pinned: readonly string[],
): void {
  useLayoutEffect(() => {
    // The cell as "line.column": a move to another line in the same column is checked too (the grid may have been
    // scrolled since).
    const column = cell?.split('.')[1];
    if (column === undefined) return;
    const frame = requestAnimationFrame(() => {
      const el = scroller.current;
      if (!el) return;
      const left = revealScrollLeft(column, widths, pinned, el);
      if (left !== null && left !== el.scrollLeft) el.scrollTo({ left, behavior: 'instant' });
    });
    return () => cancelAnimationFrame(frame);
  }, [scroller, cell, widths, pinned]);
}
