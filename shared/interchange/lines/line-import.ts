import type { PatchOp } from '../../api/schemas';
import type { DeclarationDoc, DocumentCatalog, ElementDef, Row } from '../../catalog';
import { MAX_LINES, countriesToMessage, findElement, labelOf } from '../../catalog';
import type { CodeLookup, Finding } from '../../validation';
import { fieldLabel, formatFinding, validateDeclaration } from '../../validation';
import { columnLetter } from './delimited';
import type { LineColumn, LineMapping } from './line-mapping';
import { DESTINATION, ORIGIN, lineTargets } from './line-mapping';

/** A cell as a spreadsheet gives it (XLSX keeps numbers and dates; text and the clipboard give strings). */
export type Cell = string | number | boolean | Date | null | undefined;

/** One goods line read from a sheet, with the 1-based sheet row it came from. */
export interface SourceLine {
  source: number;
  row: Row;
  /** Codes whose leading zeros a spreadsheet had dropped, put back (the field and the sheet's text), to report. */
  padded?: { field: string; from: string }[];
}

export interface LineProblem {
  /** 1-based row of the sheet or pasted block; null for a problem with the whole file. */
  row: number | null;
  /** The column as the user sees it: its letter and header ("C 商品编号"). */
  column: string | null;
  /** The DecList element. */
  field: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

/** An import with nothing to import: an error with the whole file, worded by the importer (goods lines, a library). */
export function noRowsProblem(message: string, messageEn: string): LineProblem {
  return { row: null, column: null, field: null, code: 'no-rows', severity: 'error', message, messageEn };
}

export type LinePlacement = { mode: 'append' } | { mode: 'replace' } | { mode: 'at'; line: number };

const problem = (p: Omit<LineProblem, 'severity'> & { severity?: LineProblem['severity'] }): LineProblem => ({
  severity: 'error',
  ...p,
});

/**
 * Short codes are fixed width, and a spreadsheet that took one for a number dropped its leading
 * zeros (035 → 35, 0110 → 110): they are put back, and the import reports it. A 商品编号 is never
 * padded: 9 digits may be a lost leading zero or a lost last digit (847130000 is not 0847130000), so
 * the import refuses it instead of guessing.
 */
function padCode(text: string, def: ElementDef | undefined): string {
  if (!def || !/^\d+$/.test(text) || def.format === 'hs-code') return text;
  const width =
    def.format === 'ciq-sub-code' ? 3 : def.type === 'string' && def.codeTable && def.length <= 5 ? def.length : null;
  return width !== null && text.length < width ? text.padStart(width, '0') : text;
}

function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(value);
  return text.includes('e') ? value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : text;
}

function ymd(date: Date): string {
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A cell as the text an element holds: numbers without Excel's formatting, dates as yyyyMMdd, codes with their zeros.
 */
export function cellValue(cell: Cell, def: ElementDef | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : ymd(cell);
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  return padCode(typeof cell === 'number' ? numberText(cell) : cell.trim(), def);
}

export function columnName(column: LineColumn): string {
  return `${columnLetter(column.index)}${column.header ? ` ${column.header}` : ''}`;
}

/**
 * What every column mapping (goods lines, a library) refuses, column by column: a target that is not `known`, worded
 * by the importer (`noSuchField`, as it names its records), and a target an earlier column already maps to.
 */
export function checkTargets(
  mapping: LineMapping,
  known: ReadonlySet<string>,
  noSuchField: (column: string, target: string) => Pick<LineProblem, 'message' | 'messageEn'>,
): LineProblem[] {
  const out: LineProblem[] = [];
  const seen = new Map<string, LineColumn>();
  for (const column of mapping.columns) {
    const at = { row: null, column: columnName(column), field: column.target };
    if (!known.has(column.target))
      out.push(problem({ ...at, code: 'unknown-target', ...noSuchField(at.column, column.target) }));
    const before = seen.get(column.target);
    if (before) {
      out.push(
        problem({
          ...at,
          code: 'duplicate-target',
          message: `${columnName(before)} 与 ${columnName(column)} 都对应到 ${column.target}`,
          messageEn: `${columnName(before)} and ${columnName(column)} both map to ${column.target}`,
        }),
      );
    }
    seen.set(column.target, column);
  }
  return out;
}

/** Refusals of a mapping that cannot be used: unknown targets, a target twice, nothing mapped. */
export function checkMapping(catalog: DocumentCatalog, mapping: LineMapping): LineProblem[] {
  const known = new Set(lineTargets(catalog).map((t) => t.target));
  const out = checkTargets(mapping, known, (column, target) => ({
    message: `${column}：商品没有“${target}”这一项`,
    messageEn: `${column}: goods lines have no field "${target}"`,
  }));
  if (mapping.columns.length === 0)
    out.push(
      problem({
        row: null,
        column: null,
        field: null,
        code: 'nothing-mapped',
        message: '没有任何列对应到商品项',
        messageEn: 'No column is mapped to a goods-line field',
      }),
    );
  return out;
}

/**
 * The goods lines a sheet holds under a mapping: rows after the header row, empty rows skipped,
 * each mapped cell turned into the element's text, the two country meanings turned into
 * OriginCountry/DestinationCountry for the declaration's direction.
 */
export function readLines(
  catalog: DocumentCatalog,
  cells: readonly (readonly Cell[])[],
  mapping: LineMapping,
  ieFlag: 'I' | 'E',
): SourceLine[] {
  const defs = new Map(mapping.columns.map((c) => [c.index, findElement(catalog, 'lines', c.target)]));
  const out: SourceLine[] = [];
  for (let r = mapping.headerRow; r < cells.length; r++) {
    const sheetRow = cells[r] ?? [];
    const row: Row = {};
    let origin = '';
    let destination = '';
    let any = false;
    const padded: { field: string; from: string }[] = [];
    for (const column of mapping.columns) {
      const value = cellValue(sheetRow[column.index], defs.get(column.index));
      if (value === '') continue;
      any = true;
      const text = cellValue(sheetRow[column.index], undefined);
      if (text !== value) padded.push({ field: column.target, from: text });
      if (column.target === ORIGIN) origin = value;
      else if (column.target === DESTINATION) destination = value;
      else row[column.target] = value;
    }
    if (!any) continue;
    if (origin !== '' || destination !== '') {
      for (const [key, value] of Object.entries(countriesToMessage(ieFlag, { origin, destination })))
        if (value !== '') row[key] = value;
    }
    out.push({ source: r + 1, row, ...(padded.length > 0 ? { padded } : {}) });
  }
  return out;
}

/**
 * Whether a finding says the value itself cannot be right (its type, length, format, check
 * character, or a code missing from a complete table): that fails the row. A missing value or a
 * disagreement between fields (total ≠ price × quantity, the legal unit of the HS code) is a
 * warning here: a draft may be completed and corrected in the editor, which shows the same findings.
 */
export function isValueProblem(code: string): boolean {
  return (
    code === 'unknown-code' ||
    code === 'hs-code-retired' ||
    code === 'too-long' ||
    code === 'too-large' ||
    code.endsWith('-format') ||
    code.endsWith('check-digit')
  );
}

/** The column a field came from, as the user sees it (countries by their meaning column). */
export function columnFor(mapping: LineMapping, field: string, ieFlag: 'I' | 'E'): string | null {
  const meaning =
    field === 'OriginCountry'
      ? ieFlag === 'E'
        ? DESTINATION
        : ORIGIN
      : field === 'DestinationCountry'
        ? ieFlag === 'E'
          ? ORIGIN
          : DESTINATION
        : field;
  // A pasted block maps the grid's own columns (OriginCountry), a sheet the countries by meaning.
  const column = mapping.columns.find((c) => c.target === meaning) ?? mapping.columns.find((c) => c.target === field);
  return column ? columnName(column) : null;
}

/**
 * Every line checked by the one validation engine (at the draft stage: types, lengths, formats,
 * code tables, and the line rules that need the head, read from `head`), with each finding
 * turned into a problem naming the sheet row, the column and the field.
 */
export function checkLines(
  catalog: DocumentCatalog,
  lines: readonly SourceLine[],
  ctx: { ieFlag: 'I' | 'E'; head: Row; mapping: LineMapping; codes?: CodeLookup; today?: string },
): LineProblem[] {
  const doc: DeclarationDoc = { head: ctx.head, lines: lines.map((l) => l.row), tables: {} };
  const findings = validateDeclaration(doc, {
    catalog,
    stage: 'draft',
    ieFlag: ctx.ieFlag,
    ...(ctx.codes ? { codes: ctx.codes } : {}),
    ...(ctx.today ? { today: ctx.today } : {}),
  });
  const out: LineProblem[] = [];
  for (const f of findings) {
    const match = /^lines\[(\d+)\]\.(\w+)$/.exec(f.path);
    if (!match) continue;
    const line = lines[Number(match[1])];
    const field = match[2] ?? '';
    const def = findElement(catalog, 'lines', field);
    const message = (locale: 'zh-CN' | 'en') => {
      const text = formatFinding(catalog, f as Finding, locale, ctx.ieFlag);
      // The engine names the line by its place in the declaration; here the sheet row says where.
      const where = fieldLabel(catalog, f.path, locale, ctx.ieFlag);
      return def && text.startsWith(where) ? labelOf(def, locale, ctx.ieFlag) + text.slice(where.length) : text;
    };
    // A value the import cannot store as it is fails the row, even where a draft would only warn
    // (a code missing from a complete table): a spreadsheet is the broker's own data to fix.
    const severity = isValueProblem(f.code) ? 'error' : 'warning';
    out.push({
      row: line?.source ?? null,
      column: columnFor(ctx.mapping, field, ctx.ieFlag),
      field,
      code: f.code,
      severity,
      message: message('zh-CN'),
      messageEn: message('en'),
    });
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** Sections whose rows hang on a goods line by its number (licences, VINs, control elements). */
function lineLinkedTables(catalog: DocumentCatalog): string[] {
  const out: string[] = [];
  const walk = (parent: string) => {
    for (const s of catalog.sections) {
      if (s.parent?.section !== parent) continue;
      out.push(s.id);
      walk(s.id);
    }
  };
  walk('lines');
  return out;
}

/**
 * The lines as they will be once placed: for `at`, each line over an existing one is its old
 * values with the mapped fields replaced (a blank cell clears its field); otherwise as read.
 * These are what is checked, so a paste is judged on the lines it leaves.
 */
export function placedRows(
  doc: DeclarationDoc,
  lines: readonly Row[],
  placement: LinePlacement,
  mappedFields: readonly string[],
): Row[] {
  if (placement.mode !== 'at') return [...lines];
  return lines.map((row, k) => {
    const existing = doc.lines[placement.line + k];
    if (!existing) return row;
    const cleared = new Set(mappedFields.filter((f) => (row[f] ?? '') === ''));
    return Object.fromEntries(Object.entries({ ...existing, ...row }).filter(([key]) => !cleared.has(key)));
  });
}

/**
 * The patch that places the lines (as placedRows gives them): appended, replacing every line
 * (and what hangs on the old lines), or over the lines from `line` on — each overwritten line
 * rewritten whole, so a paste of 50 lines is at most 100 operations and keeps each line's other
 * fields and its position (licences and VINs stay tied to it).
 */
export function lineOps(
  catalog: DocumentCatalog,
  doc: DeclarationDoc,
  placed: readonly Row[],
  placement: LinePlacement,
): PatchOp[] {
  const ops: PatchOp[] = [];
  if (placement.mode === 'append') return placed.map((row) => ({ op: 'insertRow', table: 'lines', row }));
  if (placement.mode === 'replace') {
    for (const table of lineLinkedTables(catalog))
      for (let i = (doc.tables[table]?.length ?? 0) - 1; i >= 0; i--) ops.push({ op: 'removeRow', table, index: i });
    for (let i = doc.lines.length - 1; i >= 0; i--) ops.push({ op: 'removeRow', table: 'lines', index: i });
    return [...ops, ...placed.map((row): PatchOp => ({ op: 'insertRow', table: 'lines', row }))];
  }
  placed.forEach((row, k) => {
    const index = placement.line + k;
    if (doc.lines[index]) ops.push({ op: 'removeRow', table: 'lines', index });
    ops.push({ op: 'insertRow', table: 'lines', index, row });
  });
  return ops;
}

/** The DecList elements a mapping fills (the country meanings as the message fields they become). */
export function mappedFields(mapping: LineMapping, ieFlag: 'I' | 'E'): string[] {
  return mapping.columns.map((c) => {
    if (c.target === ORIGIN) return ieFlag === 'E' ? 'DestinationCountry' : 'OriginCountry';
    if (c.target === DESTINATION) return ieFlag === 'E' ? 'OriginCountry' : 'DestinationCountry';
    return c.target;
  });
}

/** The line count a placement leaves, for the 50-line cap. */
export function linesAfter(existing: number, incoming: number, placement: LinePlacement): number {
  if (placement.mode === 'append') return existing + incoming;
  if (placement.mode === 'replace') return incoming;
  return Math.max(existing, placement.line + incoming);
}

export function tooManyLines(count: number, existing: number): LineProblem {
  return problem({
    row: null,
    column: null,
    field: null,
    code: 'too-many-lines',
    message: `导入后共 ${count} 项商品（原有 ${existing} 项），一份报关单最多 ${MAX_LINES} 项：请拆分为多份报关单`,
    messageEn: `That would make ${count} goods lines (the declaration has ${existing}); a declaration holds at most ${MAX_LINES}: split into several declarations`,
  });
}
