import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { PatchOp } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { MAX_LINES } from '../../../shared/catalog';
import { FieldInput } from '../../components/field-input';
import { FieldScope } from '../../components/field-scope';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { gridPasteHandler } from '../interchange/grid-paste';
import { lineDefaults } from '../libraries/library-pickers';
import { useLibraryUi } from '../libraries/library-store';
import { libraryMessages } from '../libraries/messages';
import { modifyMessages } from '../modify/modify-messages';
import { CellStatus } from './cell-status';
import { useEditorUi } from './editor-store';
import type { FieldContext, FieldError } from './field-context';
import { fieldPropsFor } from './field-context';
import { gridColumns } from './form-layout';
import { ACTIONS_WIDTH, columnLabel, gridWidths, NUMBER_WIDTH } from './grid-widths';
import { pinnedWidthOf, useRevealCell } from './grid-reveal';
import { focusHandedTo, TextCell } from './text-cell';

const ROW_HEIGHT = 34;
const MAX_HEIGHT = 300;
/** Columns that stay in view while the grid scrolls right: 项号 (the row's heading) and this one beside it. */
const PINNED = 'CodeTS';
const PINNED_COLUMNS: readonly string[] = [PINNED];
/** Columns whose input, while keyed, grows over its neighbours to show its text (up to a limit). */
const WIDE_WHILE_KEYED: ReadonlySet<string> = new Set(['GModel']);

/** The class names of a grid cell: pinned, widened while keyed, in error or still to fill. */
function cellClass(xml: string, error: FieldError | undefined): string | undefined {
  const names = [
    xml === PINNED ? 'pin' : '',
    WIDE_WHILE_KEYED.has(xml) ? 'wide-keyed' : '',
    !error ? '' : error.quiet ? 'cell-required' : 'cell-error',
  ].filter(Boolean);
  return names.length > 0 ? names.join(' ') : undefined;
}

interface RowProps {
  index: number;
  /**
   * The column of the cell the cursor is in, on this line (null on every other line): that one cell is an input or a
   * code picker, every other cell of the grid is text until focused (a roving editor).
   */
  activeColumn: string | null;
  line: Row;
  errors: ReadonlyMap<string, FieldError> | undefined;
  /** The row's findings as text: rows compare by it, not by the map (a new map every check). */
  errorKey: string;
  ctx: Omit<FieldContext, 'doc' | 'errors'>;
  onOp(op: PatchOp): void;
}

const noErrors: ReadonlyMap<string, FieldError> = new Map();

const sameRow = (a: RowProps, b: RowProps) =>
  a.index === b.index &&
  a.activeColumn === b.activeColumn &&
  a.line === b.line &&
  a.errorKey === b.errorKey &&
  a.ctx === b.ctx &&
  a.onOp === b.onOp;

const GridRow = memo(function GridRow({ index, activeColumn, line, errors, ctx, onOp }: RowProps) {
  const t = useT();
  const cellCtx = { ...ctx, errors: errors ?? noErrors };
  const widths = gridWidths(ctx.locale, ctx.ieFlag).columns;
  useLayoutEffect(() => {
    if (activeColumn !== null) focusHandedTo(`lines[${index}].${activeColumn}`);
  }, [activeColumn, index]);
  return (
    <tr aria-label={t.line(index + 1)} aria-rowindex={index + 2}>
      <th scope="row" className="pin">
        {index + 1}
      </th>
      {gridColumns.map((xml) => {
        const path = `lines[${index}].${xml}`;
        const props = fieldPropsFor(path, line[xml] ?? '', cellCtx, 'cell');
        return (
          <td
            key={xml}
            className={cellClass(xml, errors?.get(path))}
            style={xml === PINNED ? { left: NUMBER_WIDTH } : undefined}
          >
            {!props ? null : xml === activeColumn ? (
              <FieldInput {...props} />
            ) : (
              <TextCell
                id={props.id}
                path={path}
                label={props.label}
                value={props.value}
                codeName={props.codeName}
                error={props.error}
                quiet={props.quiet}
                width={widths.get(xml) ?? 0}
              />
            )}
          </td>
        );
      })}
      <td className="row-actions">
        <button
          type="button"
          disabled={!ctx.editable}
          aria-keyshortcuts="F3"
          onClick={() => useLibraryUi.getState().openProductPicker(index)}
          aria-label={libraryMessages[ctx.locale].fromProductsNamed(index + 1)}
        >
          {libraryMessages[ctx.locale].fromProducts}
        </button>
        <button
          type="button"
          disabled={!ctx.editable}
          onClick={() => useEditorUi.getState().setGmodelLine(index)}
          aria-label={`${t.line(index + 1)} ${t.gmodelTitle}`}
        >
          {t.gmodelButton}
        </button>
        {ctx.fixedRows ? null : (
          <button
            type="button"
            disabled={!ctx.editable}
            onClick={() => onOp({ op: 'removeRow', table: 'lines', index })}
            aria-label={t.removeLineNamed(index + 1)}
          >
            {t.removeLine}
          </button>
        )}
      </td>
    </tr>
  );
}, sameRow);

/**
 * ↑ and ↓ move the cursor to the same column of the line above or below, as in a spreadsheet (the grid scrolls to it).
 * An open code picker keeps them for its list (it stops them first); Alt/Shift combinations are other shortcuts.
 */
function onGridArrows(event: KeyboardEvent<HTMLElement>, count: number, ieFlag: 'I' | 'E'): void {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = event;
  if ((key !== 'ArrowUp' && key !== 'ArrowDown') || altKey || ctrlKey || metaKey || shiftKey) return;
  if (event.defaultPrevented || event.nativeEvent.isComposing) return;
  const cell = gridCellOf((event.target as HTMLElement).dataset.path ?? null)?.split('.');
  if (!cell) return;
  const to = Number(cell[0]) + (key === 'ArrowUp' ? -1 : 1);
  if (to < 0 || to >= count) return;
  event.preventDefault();
  useEditorUi.getState().requestFocus(`lines[${to}].${cell[1] ?? ''}`, ieFlag);
}

/** The grid cell a field path names, as "line.column" (null for any other field). */
function gridCellOf(path: string | null): string | null {
  const match = path ? /^lines\[(\d+)\]\.(\w+)$/.exec(path) : null;
  return match ? `${match[1]}.${match[2]}` : null;
}

function activeColumnOf(cell: string | null, index: number): string | null {
  const prefix = `${index}.`;
  return cell?.startsWith(prefix) ? cell.slice(prefix.length) : null;
}

/** Groups the findings on goods lines by line, with a key per line so an unchanged line's row skips rendering. */
function groupRowErrors(
  errors: ReadonlyMap<string, FieldError>,
): Map<number, { key: string; map: ReadonlyMap<string, FieldError> }> {
  const grouped = new Map<number, Map<string, FieldError>>();
  for (const [path, error] of errors) {
    const match = /^lines\[(\d+)\]\./.exec(path);
    if (!match) continue;
    const index = Number(match[1]);
    const map = grouped.get(index) ?? new Map<string, FieldError>();
    map.set(path, error);
    grouped.set(index, map);
  }
  return new Map(
    [...grouped].map(([index, map]) => [
      index,
      { key: [...map].map(([p, e]) => `${p}\u0000${e.message}\u0000${e.quiet}`).join('\u0001'), map },
    ]),
  );
}

/**
 * The goods lines as a grid with the printed form's columns, one row per DecList (项号 from
 * its position). Only the rows in view are rendered (up to 50 lines stay fast); a row is named
 * 第N项 so every cell is found by its line and its column's label.
 */
export function LinesGrid({ ctx, onOp }: { ctx: FieldContext; onOp(op: PatchOp): void }) {
  const t = useT();
  const lines = ctx.doc.lines;
  const scroller = useRef<HTMLDivElement>(null);
  const setScrollToLine = useEditorUi((s) => s.setScrollToLine);
  // TanStack Virtual returns a mutable instance; we do not use the React Compiler, so its memoization warning does not
  // apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 1,
    initialRect: { width: 1200, height: MAX_HEIGHT },
  });
  useEffect(() => {
    setScrollToLine((index) => virtualizer.scrollToIndex(index, { align: 'auto' }));
    return () => setScrollToLine(null);
  }, [virtualizer, setScrollToLine]);
  const rowErrors = useMemo(() => groupRowErrors(ctx.errors), [ctx.errors]);
  // The grid cell the cursor is in as one string ("3.GName"): the grid renders again when it moves, not on every focus.
  const currentCell = useEditorUi((s) => gridCellOf(s.currentPath));
  const { locale, ieFlag, editable, fixedRows, setField, commit, codeName } = ctx;
  const rowCtx = useMemo(
    () => ({ locale, ieFlag, editable, fixedRows, setField, commit, codeName }),
    [locale, ieFlag, editable, fixedRows, setField, commit, codeName],
  );
  const widths = gridWidths(locale, ieFlag);
  // 项号 and 商品编号 together: the scroller stops each column start at their right edge (styles.css .grid-scroll), so
  // that no cell is ever half under them (申报单价 "2.5" read "5"). Worked out from the fixed widths, never measured.
  const pinnedWidth = pinnedWidthOf(widths, PINNED_COLUMNS);
  useRevealCell(scroller, currentCell, widths, PINNED_COLUMNS);
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const height = Math.min(MAX_HEIGHT, ROW_HEIGHT * (lines.length + 1) + 4);

  return (
    <section className="lines" aria-label={t.lines}>
      <h3>
        {t.lines} <span className="muted">{`${lines.length}/${MAX_LINES}`}</span>
      </h3>
      {lines.length === 0 ? <p className="muted">{t.noLines}</p> : null}
      <FieldScope>
        <div
          className="grid-scroll"
          ref={scroller}
          onPaste={gridPasteHandler(ctx, gridColumns, onOp)}
          onKeyDown={(event) => onGridArrows(event, lines.length, ieFlag)}
          style={{
            maxHeight: MAX_HEIGHT,
            height: lines.length === 0 ? undefined : height,
            scrollPaddingLeft: pinnedWidth,
            // Room on the right for the last column to reach the pinned edge too: without it the scroller's end, where
            // the last columns' stops meet, could leave a cell half under 商品编号. 100% is about the scroller's width.
            paddingRight: `max(0px, calc(100% - ${pinnedWidth + ACTIONS_WIDTH}px))`,
          }}
        >
          {/* Fixed column widths: the browser lays the grid out without measuring every cell on each keystroke. */}
          <table aria-rowcount={lines.length + 1} style={{ tableLayout: 'fixed', width: widths.table }}>
            <colgroup>
              <col style={{ width: NUMBER_WIDTH }} />
              {gridColumns.map((xml) => (
                <col key={xml} style={{ width: widths.columns.get(xml) }} />
              ))}
              <col style={{ width: ACTIONS_WIDTH }} />
            </colgroup>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" className="pin">
                  {locale === 'en' ? 'No.' : '项号'}
                </th>
                {gridColumns.map((xml) => (
                  <th
                    key={xml}
                    scope="col"
                    className={xml === PINNED ? 'pin' : undefined}
                    style={xml === PINNED ? { left: NUMBER_WIDTH } : undefined}
                  >
                    {columnLabel(xml, locale, ieFlag)}
                  </th>
                ))}
                <th scope="col">{messages[locale].actionsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {top > 0 ? (
                <tr aria-hidden="true" style={{ height: top }}>
                  <td colSpan={gridColumns.length + 2} />
                </tr>
              ) : null}
              {items.map((item) => {
                const line = lines[item.index];
                const errors = rowErrors.get(item.index);
                return line ? (
                  <GridRow
                    key={item.index}
                    index={item.index}
                    activeColumn={activeColumnOf(currentCell, item.index)}
                    line={line}
                    errors={errors?.map}
                    errorKey={errors?.key ?? ''}
                    ctx={rowCtx}
                    onOp={onOp}
                  />
                ) : null;
              })}
              {bottom > 0 ? (
                <tr aria-hidden="true" style={{ height: bottom }}>
                  <td colSpan={gridColumns.length + 2} />
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </FieldScope>
      <CellStatus section="lines" ctx={ctx} />
      {fixedRows ? (
        <p className="muted" id="lines-fixed">
          {modifyMessages[locale].linesFixed}
        </p>
      ) : (
        <button
          type="button"
          id="add-line"
          aria-keyshortcuts="Alt+A"
          disabled={!editable || lines.length >= MAX_LINES}
          onClick={() => {
            const row = lineDefaults(ieFlag);
            onOp({ op: 'insertRow', table: 'lines', ...(Object.keys(row).length > 0 ? { row } : {}) });
            useEditorUi.getState().requestFocus(`lines[${lines.length}].${gridColumns[0] ?? 'CodeTS'}`, ieFlag);
          }}
        >
          {t.addLine}
        </button>
      )}
    </section>
  );
}
