import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { AppError, reasonIssue } from '../../../shared/api/errors';
import { xlsxProblemParams } from '../../../shared/api/reasons/xlsx-problems';
import { parseCsv, UnclosedQuoteError } from '../../../shared/code-tables/csv';

export type TableFileFormat = 'csv' | 'xlsx';

/** A parameter file to read: from a path (Electron, the CLI) or as content (the browser host's upload). */
export type TableFileInput =
  | { path: string; format?: TableFileFormat }
  | { content: string; encoding: 'text' | 'base64'; fileName: string; format?: TableFileFormat };

const MAX_BYTES = 50 * 1024 * 1024;

function formatOf(name: string, format: TableFileFormat | undefined): TableFileFormat {
  if (format) return format;
  const ext = path.extname(name).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('codetables.unknown-format', { file: name }, [
    reasonIssue('format', 'codetables.unknown-format', { file: name }),
  ]);
}

/** Official downloads are UTF-8 or GBK/GB18030; anything that is not valid UTF-8 is read as GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<string[][]> {
  // exceljs is large: loaded only when a spreadsheet is actually read, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('codetables.bad-xlsx', { file: name, ...xlsxProblemParams(bytes, error) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('codetables.no-worksheet', { file: name });
  const records: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const record: string[] = [];
    // Cells are read as text: codes keep their leading zeros only if the sheet stored them as text,
    // so a numeric cell is written back without Excel's formatting.
    for (let c = 1; c <= width; c++) record.push(cellText(row.getCell(c).value).trim());
    records.push(record);
  });
  return records;
}

/** Reads a CSV or XLSX parameter file into records (header first). Refusals name the file and change nothing. */
export async function readTableFile(input: TableFileInput): Promise<{ records: string[][]; name: string }> {
  let bytes: Uint8Array;
  let name: string;
  if ('path' in input) {
    name = path.basename(input.path);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input.path);
    } catch {
      const file = { file: input.path };
      throw new AppError('codetables.no-file', file, [reasonIssue('path', 'codetables.no-file', file)]);
    }
    if (!stat.isFile())
      throw new AppError('codetables.not-a-file', { file: input.path }, [
        reasonIssue('path', 'codetables.not-a-file', { file: input.path }),
      ]);
    if (stat.size > MAX_BYTES) {
      const params = { file: input.path, maxMb: MAX_BYTES / 1024 / 1024 };
      throw new AppError('codetables.file-too-large', params, [
        reasonIssue('path', 'codetables.file-too-large', params),
      ]);
    }
    bytes = fs.readFileSync(input.path);
  } else {
    name = input.fileName;
    bytes =
      input.encoding === 'base64' ? Buffer.from(input.content, 'base64') : new TextEncoder().encode(input.content);
  }
  const format = formatOf(name, input.format);
  if (format === 'xlsx') return { records: await readXlsx(bytes, name), name };
  try {
    return { records: parseCsv(decodeText(bytes)), name };
  } catch (error) {
    if (!(error instanceof UnclosedQuoteError)) throw error;
    throw new AppError('codetables.bad-csv', { file: name, line: error.line, column: error.column });
  }
}
