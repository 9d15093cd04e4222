import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../shared/code-tables/csv';
import { describeProblems, normalizeTable } from '../../shared/code-tables/normalize';
import { codeTableDefs, isCodeTableId, tableIdForFileName } from '../../shared/code-tables/tables';
import { canonicalJson } from '../../shared/protocol';
import { sha256HexNative } from '../crypto/digest';
import type { CodeTableImport } from '../store/types';

/**
 * Reads an official code-table file (the customs parameter downloads, or the
 * copies in ../shared/domain/code-tables) into one of the product's code
 * tables (shared/code-tables/tables.ts): CSV in UTF-8 or XLSX (first sheet), a
 * header row (`code,name_zh,…` or the official Chinese headers), one row per
 * code. The rows are normalized by shared/code-tables exactly as the client
 * normalizes its own imports, so a table the hub serves installs unchanged on
 * the client. Anything malformed is refused naming its lines; nothing is stored.
 */

export class CodeTableFileError extends Error {
  constructor(file: string, message: string) {
    super(`${path.basename(file)}: ${message}`);
    this.name = 'CodeTableFileError';
  }
}

async function readRecords(file: string, ext: string): Promise<string[][]> {
  if (ext === '.csv') {
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Official downloads are sometimes GBK; the hub does not guess encodings.
      throw new Error('the file is not UTF-8 text; save it as UTF-8 CSV (or XLSX) and import again');
    }
    return parseCsv(text);
  }
  // exceljs is large (some 600 modules with its dependencies): loaded only when a spreadsheet is read, so
  // every hub command does not pay for it at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(row.getCell(c).text);
    out.push(fields);
  });
  return out;
}

export async function readCodeTableFile(
  file: string,
  options: { tableId?: string; importedAt: string },
): Promise<CodeTableImport> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new CodeTableFileError(file, `unsupported file type "${ext || '(none)'}": give a .csv (UTF-8) or .xlsx file`);
  const tableId = options.tableId ?? tableIdForFileName(file);
  if (!tableId || !isCodeTableId(tableId)) {
    const known = codeTableDefs.map((d) => d.id).join(', ');
    throw new CodeTableFileError(
      file,
      `${tableId ? `"${tableId}" is not` : 'the file name does not name'} one of the code tables (${known}); pass --id <table>`,
    );
  }
  let records: string[][];
  try {
    records = await readRecords(file, ext);
  } catch (error) {
    throw new CodeTableFileError(file, error instanceof Error ? error.message : String(error));
  }
  const normalized = normalizeTable(tableId, records);
  if (normalized.problems.length > 0) {
    throw new CodeTableFileError(
      file,
      `not imported into ${tableId}; nothing was changed:\n${describeProblems(normalized.problems)}`,
    );
  }
  return {
    tableId,
    columns: normalized.columns,
    rows: normalized.rows,
    sha256: sha256HexNative(canonicalJson({ columns: normalized.columns, rows: normalized.rows })),
    source: path.basename(file),
    importedAt: options.importedAt,
  };
}
