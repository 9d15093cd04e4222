import type { LineImportReport, PatchOp } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { MAX_LINES, goodsDeclaration, parseFieldPath } from '../../../shared/catalog';
import type { LineMapping, LineProblem } from '../../../shared/interchange/lines';
import {
  checkLines,
  lineOps,
  linesAfter,
  parseDelimited,
  placedRows,
  readLines,
  tooManyLines,
} from '../../../shared/interchange/lines';
import type { CodeLookup } from '../../../shared/validation';
import { useInterchange } from './interchange-store';

/** What the goods grid gives the paste handler: its document, its columns, and its way to apply edits. */
export interface GridPasteContext {
  doc: DeclarationDoc;
  ieFlag: 'I' | 'E';
  /** The grid's columns in order (DecList element names, as the grid shows them). */
  columns: readonly string[];
  /** Applies the edits as one save (the editor's autosave sends queued operations together). */
  apply(ops: readonly PatchOp[]): void;
  /** Shown when the block cannot be pasted as a whole. */
  refuse(report: LineImportReport): void;
  codes?: CodeLookup;
}

function refusal(problems: LineProblem[], rowCount: number): LineImportReport {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return {
    written: false,
    rowCount,
    imported: 0,
    revision: null,
    created: [],
    errors,
    errorCount: errors.length,
    warnings,
    warningCount: warnings.length,
    mapped: [],
    mappedCount: 0,
    profileId: null,
  };
}

/**
 * A block copied from Excel and pasted into the goods grid: its cells go to the grid's columns
 * from the focused cell rightwards, its rows to the lines from the focused line down (new lines
 * are added as needed). Every resulting line is checked as an import is; when any is wrong
 * nothing is written and the report names the lines (项号). A single value is left to the input.
 * Returns whether it took the paste.
 */
export function handleGridPaste(
  event: { target: EventTarget | null; clipboardData: DataTransfer | null; preventDefault(): void },
  ctx: GridPasteContext,
): boolean {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (!/[\t\r\n]/.test(text.replace(/(\r?\n)+$/, ''))) return false;
  const path = event.target instanceof Element ? event.target.closest('[data-path]')?.getAttribute('data-path') : null;
  const field = path ? parseFieldPath(path) : null;
  if (!field || field.kind !== 'row' || field.table !== 'lines') return false;
  const startColumn = ctx.columns.indexOf(field.element);
  if (startColumn < 0) return false;
  event.preventDefault();

  let cells: string[][];
  try {
    cells = parseDelimited(text, '\t');
  } catch {
    cells = text.split(/\r?\n/).map((line) => line.split('\t'));
  }
  const width = cells.reduce((max, row) => Math.max(max, row.length), 0);
  const mapping: LineMapping = {
    sheet: null,
    headerRow: 0,
    columns: Array.from({ length: Math.min(width, ctx.columns.length - startColumn) }, (_v, k) => ({
      index: k,
      header: '',
      target: ctx.columns[startColumn + k] ?? '',
    })),
  };
  const placement = { mode: 'at' as const, line: field.index };
  // Rows of the block keep their place, blank ones included: a blank row clears its line's cells.
  const read = readLines(goodsDeclaration, cells, mapping, ctx.ieFlag);
  const byRow = new Map(read.map((l) => [l.source, l.row]));
  const rows = cells.map((_cells, i) => byRow.get(i + 1) ?? {});
  const fields = mapping.columns.map((c) => c.target);
  const placed = placedRows(ctx.doc, rows, placement, fields);
  const problems = checkLines(
    goodsDeclaration,
    placed.map((row, i) => ({ source: field.index + i + 1, row })),
    { ieFlag: ctx.ieFlag, head: ctx.doc.head, mapping, ...(ctx.codes ? { codes: ctx.codes } : {}) },
  );
  const count = linesAfter(ctx.doc.lines.length, placed.length, placement);
  if (count > MAX_LINES) problems.unshift(tooManyLines(count, ctx.doc.lines.length));
  if (problems.some((p) => p.severity === 'error')) {
    ctx.refuse(refusal(problems, placed.length));
    return true;
  }
  ctx.apply(lineOps(goodsDeclaration, ctx.doc, placed, placement));
  return true;
}

/**
 * The goods grid's hook: `onPaste={gridPasteHandler(ctx, gridColumns, onOp)}` on the element
 * around its cells. A refused block shows its report in the interchange report dialog.
 */
export function gridPasteHandler(
  ctx: { doc: DeclarationDoc; ieFlag: 'I' | 'E'; editable: boolean },
  columns: readonly string[],
  onOp: (op: PatchOp) => void,
): (event: { target: EventTarget | null; clipboardData: DataTransfer | null; preventDefault(): void }) => void {
  return (event) => {
    if (!ctx.editable) return;
    handleGridPaste(event, {
      doc: ctx.doc,
      ieFlag: ctx.ieFlag,
      columns,
      apply: (ops) => ops.forEach(onOp),
      refuse: (report) => useInterchange.getState().showReport(report),
    });
  };
}
