import { problems, reason } from './define';
import type { XlsxProblem } from './xlsx-problems';
import { xlsxProblemEn } from './xlsx-problems';

type File = { file: string };

/** Code tables: files brought in by the broker and tables sent by the hub. */
export const codeTableReasons = {
  'codetables.unknown-format': reason<File>(
    'BAD_INPUT',
    (p) => `Cannot tell the format of "${p.file}": use a .csv or .xlsx file (or say which it is)`,
  ),
  'codetables.bad-xlsx': reason<File & { kind: XlsxProblem; detail: string }>(
    'IMPORT_FAILED',
    (p) => `"${p.file}" is not a readable .xlsx workbook: ${xlsxProblemEn(p.kind)}`,
  ),
  'codetables.no-worksheet': reason<File>('IMPORT_FAILED', (p) => `"${p.file}" has no worksheet`),
  'codetables.no-file': reason<File>('NOT_FOUND', (p) => `The file ${p.file} does not exist`),
  'codetables.not-a-file': reason<File>('BAD_INPUT', (p) => `${p.file} is a folder, not a file`),
  'codetables.file-too-large': reason<File & { maxMb: number }>(
    'BAD_INPUT',
    (p) => `${p.file} is larger than ${p.maxMb} MB`,
  ),
  'codetables.bad-csv': reason<File & { line: number; column: number }>(
    'IMPORT_FAILED',
    (p) =>
      `"${p.file}" is not valid CSV: the quoted field opened on line ${p.line}, column ${p.column} has no closing "`,
  ),
  'codetables.unknown-table': reason<{ table: string }>('NOT_FOUND', (p) => `There is no code table "${p.table}"`),
  'codetables.too-large-to-send': reason<{ table: string; rows: number }>(
    'BAD_INPUT',
    (p) =>
      `Code table "${p.table}" is too large to send whole (${p.rows} rows): look codes up with tariff.getMany or codes.search`,
  ),
  'codetables.not-imported': reason<File & { table: string; count: number }>(
    'IMPORT_FAILED',
    (p) => `"${p.file}" was not imported into ${p.table}: ${problems(p.count)}; nothing was changed`,
  ),
  /** `detail` the rows' problems in English, for the log and 详情 only. */
  'codetables.hub-table-bad': reason<{ table: string; version: number; count: number; detail: string }>(
    'IMPORT_FAILED',
    (p) =>
      `The hub's table ${p.table} v${p.version} was not installed: ${problems(p.count)} in its rows; the table in use stays as it was`,
  ),
  'codetables.not-removable': reason<{ table: string }>(
    'INVALID_STATE',
    (p) => `Code table ${p.table} was not imported from a file; nothing was removed`,
  ),
  // One per problem a parameter file's row can have (shared/code-tables/normalize.ts), as field issues.
  'codetables.row.unknown-table': reason<{ table: string }>(
    'IMPORT_FAILED',
    (p) => `There is no code table "${p.table}"`,
  ),
  'codetables.row.empty-file': reason('IMPORT_FAILED', () => 'The file is empty (no header row)'),
  'codetables.row.no-code-column': reason(
    'IMPORT_FAILED',
    () => 'The header has no code column (code or code_ts, or the Chinese header for the code)',
  ),
  'codetables.row.no-name-column': reason(
    'IMPORT_FAILED',
    () => 'The header has no name column (name_zh or name_en, or the Chinese header for the name)',
  ),
  'codetables.row.empty-code': reason<{ line: number }>('IMPORT_FAILED', (p) => `Line ${p.line}: the code is empty`),
  'codetables.row.code-has-spaces': reason<{ line: number; value: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: the code "${p.value}" contains spaces`,
  ),
  'codetables.row.no-name': reason<{ line: number; value: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: code ${p.value} has no name`,
  ),
  'codetables.row.duplicate-code': reason<{ line: number; value: string; first: number }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: code ${p.value} repeats (first on line ${p.first})`,
  ),
  'codetables.row.bad-date': reason<{ line: number; value: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: code ${p.code}: the date "${p.value}" is not a date (yyyyMMdd or yyyy-MM-dd)`,
  ),
  'codetables.row.hs-not-10-digits': reason<{ line: number; value: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: the commodity code ${p.value} is not 10 digits`,
  ),
  'codetables.row.bad-unit': reason<{ line: number; value: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: code ${p.code}: the legal unit "${p.value}" is not a 3-digit unit code`,
  ),
  'codetables.row.bad-rate': reason<{ line: number; value: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: currency ${p.code}: the rate "${p.value}" is not a positive decimal (yuan per unit)`,
  ),
  'codetables.row.bad-month': reason<{ line: number; value: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: currency ${p.code}: the month "${p.value}" is not a month such as 2026-12`,
  ),
  'codetables.row.bad-agreement-rates': reason<{ line: number; value: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `Line ${p.line}: code ${p.code}: the agreement rates "${p.value}" cannot be read`,
  ),
  'codetables.row.no-rows': reason('IMPORT_FAILED', () => 'The file has no rows'),
} as const;
