import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { LineSource } from '../../../shared/api';
import { fieldError } from '../../../shared/api';
import { xlsxProblemParams } from '../../../shared/api/reasons/xlsx-problems';
import type { Cell } from '../../../shared/interchange/lines';
import { UnclosedQuoteError } from '../../../shared/code-tables/csv';
import { parseDelimited } from '../../../shared/interchange/lines';
import { decodeText } from '../code-tables/read-file';

/** A sheet as cells: rows of cells, 0-based; `null` where a cell is empty. */
export interface Sheet {
  name: string | null;
  cells: Cell[][];
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}

async function readXlsx(
  bytes: Buffer,
  fileName: string,
  wanted: string | null,
): Promise<{ sheets: string[]; sheet: Sheet }> {
  // exceljs is large: loaded only when a spreadsheet is read, never at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fieldError('source', 'interchange.bad-xlsx', { file: fileName, ...xlsxProblemParams(bytes, error) });
  }
  // A zip that is not a workbook (an archive renamed .xlsx) loads as a workbook of no sheets: said as what it is, not
  // as a workbook that lacks a sheet. A zip stores its entries' names as they are: the workbook part is found by name.
  if (workbook.worksheets.length === 0 && !bytes.includes('xl/workbook.xml'))
    throw fieldError('source', 'interchange.bad-xlsx', {
      file: fileName,
      kind: 'not-a-workbook',
      detail: 'the zip holds no xl/workbook.xml',
    });
  const sheets = workbook.worksheets.map((w) => w.name);
  const worksheet = wanted === null ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === wanted);
  if (!worksheet)
    throw wanted === null
      ? fieldError('source', 'interchange.no-worksheet', { file: fileName })
      : fieldError('source', 'interchange.no-such-sheet', { file: fileName, sheet: wanted, sheets: sheets.join(', ') });
  const cells: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based (index 0 is empty).
    cells[rowNumber - 1] = values.slice(1).map(cellOf);
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return { sheets, sheet: { name: worksheet.name, cells } };
}

/** Reads a line source into the sheet asked for (XLSX) or its only sheet (CSV, text). Refusals name the file. */
export async function readLineSource(
  source: LineSource,
  sheetName: string | null,
): Promise<{ sheets: string[]; sheet: Sheet }> {
  if (source.kind === 'text') {
    try {
      return { sheets: [], sheet: { name: null, cells: parseDelimited(source.text) } };
    } catch (error) {
      if (!(error instanceof UnclosedQuoteError)) throw error;
      throw fieldError('source', 'interchange.bad-pasted-text', { line: error.line, column: error.column });
    }
  }
  const bytes = Buffer.from(source.contentBase64, 'base64');
  const ext = path.extname(source.fileName).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes, source.fileName, sheetName);
  if (ext === '.xls') throw fieldError('source', 'interchange.old-xls', { file: source.fileName });
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv')
    throw fieldError('source', 'interchange.lines-file-type', { file: source.fileName });
  try {
    return { sheets: [], sheet: { name: null, cells: parseDelimited(decodeText(bytes)) } };
  } catch (error) {
    if (!(error instanceof UnclosedQuoteError)) throw error;
    throw fieldError('source', 'interchange.bad-csv', {
      file: source.fileName,
      line: error.line,
      column: error.column,
    });
  }
}
