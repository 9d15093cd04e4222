import type { LineImportReport, MethodInput, MethodOutput, PatchOp } from '../../../shared/api';
import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { MAX_LINES, findElement, goodsDeclaration, labelOf, parseFieldPath } from '../../../shared/catalog';
import type { LineMapped, LineMapping, LineProblem } from '../../../shared/interchange/lines';
import {
  checkLines,
  lineOps,
  linesAfter,
  parseDelimited,
  placedRows,
  readLines,
  tooManyLines,
  withoutRefusedCells,
} from '../../../shared/interchange/lines';
import type { CodeLookup } from '../../../shared/validation';
import { api } from '../../api/client';
import { useInterchange } from './interchange-store';

type CodeMapping = MethodOutput<'interchange.mapLineCodes'>;

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
  /** Shown when the block was pasted with names turned into codes: what was mapped. */
  report?(report: LineImportReport): void;
  /**
   * The code tables' mapping of a spreadsheet import (main's interchange.mapLineCodes): names and codes as a sheet
   * writes them (中国香港, usd, 台) become the tables' codes, each reported; what cannot be mapped is refused.
   */
  mapCodes?(input: MethodInput<'interchange.mapLineCodes'>): Promise<CodeMapping>;
  codes?: CodeLookup;
}

/** The import report a paste shows: its problems (errors and warnings), its rows and what it mapped. */
export function lineReport(
  problems: LineProblem[],
  rowCount: number,
  mapped: LineMapped[],
  written: boolean,
): LineImportReport {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return {
    written,
    rowCount,
    imported: written ? rowCount : 0,
    revision: null,
    created: [],
    errors,
    errorCount: errors.length,
    warnings,
    warningCount: warnings.length,
    mapped,
    mappedCount: mapped.length,
    profileId: null,
  };
}

/**
 * A block copied from Excel and pasted into the goods grid: its cells go to the grid's columns
 * from the focused cell rightwards, its rows to the lines from the focused line down (new lines
 * are added as needed). Names and codes as a sheet writes them (中国香港, usd, 台) become the tables' codes
 * through the spreadsheet import's mapping (main's, with the tables here), shown in a report once written;
 * every resulting line is checked as an import is; when any is wrong — a name no code has, or one that
 * several codes carry — nothing is written and the report names the line (项号), the column and the value.
 * A single value is left to the input.
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
    columns: Array.from({ length: Math.min(width, ctx.columns.length - startColumn) }, (_v, k) => {
      const target = ctx.columns[startColumn + k] ?? '';
      const def = findElement(goodsDeclaration, 'lines', target);
      return { index: k, header: def ? labelOf(def, 'zh-CN', ctx.ieFlag) : '', target };
    }),
  };
  // Rows of the block keep their place, blank ones included: a blank row clears its line's cells. Each is named by
  // the 项号 it goes to.
  const read = readLines(goodsDeclaration, cells, mapping, ctx.ieFlag);
  const byRow = new Map(read.map((l) => [l.source, l]));
  const lines = cells.map((_cells, i) => {
    const got = byRow.get(i + 1);
    return { source: field.index + i + 1, row: got?.row ?? {}, ...(got?.padded ? { padded: got.padded } : {}) };
  });
  const finish = (mapped: CodeMapping | null) =>
    writeBlock(ctx, field.index, mapping, mapped ? mapped.lines.map((l) => l.row) : lines.map((l) => l.row), mapped);
  if (!ctx.mapCodes) finish(null);
  else
    ctx.mapCodes({ ieFlag: ctx.ieFlag, mapping, lines }).then(finish, (e: unknown) =>
      ctx.refuse(
        lineReport(
          [
            {
              row: null,
              column: null,
              field: null,
              code: 'map-failed',
              severity: 'error',
              message: `粘贴的内容无法对照代码表：${String(e)}`,
              messageEn: `The pasted cells could not be looked up in the code tables: ${String(e)}`,
            },
          ],
          lines.length,
          [],
          false,
        ),
      ),
    );
  return true;
}

/** The block's lines checked as an import's are, written all together or refused naming each line (项号) and column. */
function writeBlock(
  ctx: GridPasteContext,
  line: number,
  mapping: LineMapping,
  rows: Row[],
  codeMapping: CodeMapping | null,
): void {
  const placement = { mode: 'at' as const, line };
  const fields = mapping.columns.map((c) => c.target);
  const placed = placedRows(ctx.doc, rows, placement, fields);
  const checked = checkLines(
    goodsDeclaration,
    placed.map((row, i) => ({ source: line + i + 1, row })),
    { ieFlag: ctx.ieFlag, head: ctx.doc.head, mapping, ...(ctx.codes ? { codes: ctx.codes } : {}) },
  );
  const refused = codeMapping?.problems ?? [];
  const problems = [...refused, ...withoutRefusedCells(checked, refused)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const count = linesAfter(ctx.doc.lines.length, placed.length, placement);
  if (count > MAX_LINES) problems.unshift(tooManyLines(count, ctx.doc.lines.length));
  const mapped = codeMapping?.mapped ?? [];
  if (problems.some((p) => p.severity === 'error')) {
    ctx.refuse(lineReport(problems, placed.length, mapped, false));
    return;
  }
  ctx.apply(lineOps(goodsDeclaration, ctx.doc, placed, placement));
  if (mapped.length > 0) ctx.report?.(lineReport(problems, placed.length, mapped, true));
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
      refuse: (report) => useInterchange.getState().showReport(report, 'paste'),
      report: (report) => useInterchange.getState().showReport(report, 'paste'),
      mapCodes: (input) => api.invoke('interchange.mapLineCodes', input),
    });
  };
}
