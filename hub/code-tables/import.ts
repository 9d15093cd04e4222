import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { canonicalJson, sha256Hex } from '../../shared/protocol';
import type { CodeTableImport } from '../store/types';
import { parseCsvRecords } from './csv';

/**
 * Reads an official code-table file (the customs parameter downloads, or the
 * copies in ../shared/domain/code-tables): CSV in UTF-8 or XLSX (first sheet),
 * a header row with `code` (or a `code_…` column such as `code_ts`) and
 * `name_zh`, then one row per code. Every row keeps all its columns; `code`
 * is always present. Anything malformed is refused with its line, and nothing
 * is stored.
 */

export class CodeTableFileError extends Error {
  constructor(file: string, message: string) {
    super(`${path.basename(file)}: ${message}`);
    this.name = 'CodeTableFileError';
  }
}

const tableIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function tableIdFromFile(file: string): string {
  return path.basename(file).replace(/\.(csv|xlsx)$/i, '').toLowerCase();
}

async function readRecords(file: string): Promise<{ line: number; fields: string[] }[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Official downloads are sometimes GBK; the hub does not guess encodings.
      throw new Error('the file is not UTF-8 text; save it as UTF-8 CSV (or XLSX) and import again');
    }
    return parseCsvRecords(text);
  }
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const out: { line: number; fields: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const fields: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) fields.push(row.getCell(c).text);
      out.push({ line, fields });
    });
    return out;
  }
  throw new Error(`unsupported file type "${ext || '(none)'}": give a .csv (UTF-8) or .xlsx file`);
}

export async function readCodeTableFile(file: string, options: { tableId?: string; importedAt: string }): Promise<CodeTableImport> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new CodeTableFileError(file, `unsupported file type "${ext || '(none)'}": give a .csv (UTF-8) or .xlsx file`);
  const tableId = options.tableId ?? tableIdFromFile(file);
  if (!tableIdPattern.test(tableId)) throw new CodeTableFileError(file, `"${tableId}" is not a usable table id (lowercase letters, digits and -); pass --id`);
  let records: { line: number; fields: string[] }[];
  try {
    records = await readRecords(file);
  } catch (error) {
    throw new CodeTableFileError(file, error instanceof Error ? error.message : String(error));
  }
  const [header, ...body] = records;
  if (!header) throw new CodeTableFileError(file, 'the file is empty; expected a header row code,name_zh,…');
  const columns = header.fields.map((c) => c.trim());
  const codeColumn = columns.includes('code') ? 'code' : columns.find((c) => c.startsWith('code_'));
  if (!codeColumn) throw new CodeTableFileError(file, `the header has no code column (found: ${columns.join(', ')}); expected code,name_zh,…`);
  if (!columns.includes('name_zh')) throw new CodeTableFileError(file, `the header has no name_zh column (found: ${columns.join(', ')})`);
  const blank = columns.findIndex((c) => c === '');
  if (blank !== -1) throw new CodeTableFileError(file, `header column ${blank + 1} has no name`);
  const duplicateColumn = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicateColumn) throw new CodeTableFileError(file, `the header names column "${duplicateColumn}" twice`);
  const outColumns = codeColumn === 'code' ? columns : ['code', ...columns];

  const seen = new Map<string, number>();
  const rows = body.map(({ line, fields }) => {
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
      throw new CodeTableFileError(file, `line ${line} has ${fields.length} fields but the header has ${columns.length}`);
    }
    const row: Record<string, string> = {};
    columns.forEach((column, i) => {
      row[column] = (fields[i] ?? '').trim();
    });
    const code = row[codeColumn] ?? '';
    if (code === '') throw new CodeTableFileError(file, `line ${line} has an empty ${codeColumn}`);
    const first = seen.get(code);
    if (first !== undefined) throw new CodeTableFileError(file, `code "${code}" appears on line ${first} and again on line ${line}`);
    seen.set(code, line);
    return codeColumn === 'code' ? row : { code, ...row };
  });
  if (rows.length === 0) throw new CodeTableFileError(file, 'the file has a header but no rows');
  return {
    tableId,
    columns: outColumns,
    rows,
    sha256: sha256Hex(canonicalJson({ columns: outColumns, rows })),
    source: path.basename(file),
    importedAt: options.importedAt,
  };
}
