// The per-agreement rates (协定税率) of the 2026 tariff, read from the handbook's copy of the source
// workbook (tariff-full.source.xlsx; its CSV export dropped that column, SOURCES.md): one cell of
// `<智利>0</智利>…` tags per 商品编码, turned into `02:5%;08:0%` by shared/taxes/agreements.ts.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { formatAgreementRates, parseAgreementTags, type SkippedReason } from '../../shared/taxes/agreements';
import { codeTablesDir } from '../domain-data';

export const tariffWorkbook = path.join(codeTablesDir, 'tariff-full.source.xlsx');

/** The 协定税率 cell of every 商品编码 in the workbook, as written. */
export async function readAgreementCells(file: string = tariffWorkbook): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file} has no sheet`);
  const header = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const codeCol = header.indexOf('商品编码');
  const rateCol = header.indexOf('协定税率');
  if (codeCol < 1 || rateCol < 1) throw new Error(`${file} has no 商品编码 or 协定税率 column`);
  const cells = new Map<string, string>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const code = String(row.getCell(codeCol).text ?? '').trim();
    if (code !== '') cells.set(code, String(row.getCell(rateCol).text ?? ''));
  });
  return cells;
}

export interface AgreementColumn {
  /** 商品编码 → `02:5%;08:0%` ('' when the line has none). */
  rates: Map<string, string>;
  /** How many tag values were left out, by why. */
  skipped: Record<SkippedReason, number>;
}

export function agreementColumn(cells: ReadonlyMap<string, string>): AgreementColumn {
  const rates = new Map<string, string>();
  const skipped: Record<SkippedReason, number> = { quota: 0, unreadable: 0, unknownTag: 0 };
  for (const [code, cell] of cells) {
    const parsed = parseAgreementTags(cell);
    rates.set(code, formatAgreementRates(parsed.rates));
    for (const s of parsed.skipped) skipped[s.reason] += 1;
  }
  return { rates, skipped };
}
