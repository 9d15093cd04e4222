// Goods lines from a spreadsheet: 10,000 lines in ≤ 3 s (ARCHITECTURE.md budgets).
// Through the app's contract as the UI calls it: the mapping step (interchange.previewLines, which
// reads the file — exceljs is loaded on first use — and keeps the sheet), then the import
// (interchange.importLines), which checks every row with the validation engine and writes them,
// split into 200 declarations of 50 lines (one declaration holds at most 50), in one
// transaction. The budget holds the two steps together. XLSX and CSV.
import ExcelJS from 'exceljs';
import { browserDesk } from '../test-support/main/desk-app';
import { tempDir } from '../test-support/main/temp-dir';
import { sampleDeclaration } from '../shared/validation/sample-declaration';
import type { BenchResult } from './harness';
import { round } from './harness';

const LINES = 10_000;
const BUDGET_MS = 3_000;
const HEADERS = [
  '序号',
  '商品编号',
  '商品名称',
  '规格型号',
  '数量',
  '单位',
  '法定数量',
  '法定单位',
  '单价',
  '总价',
  '币制',
  '原产国',
  '最终目的国',
  '境内目的地',
  '征免',
];

function row(i: number): Array<string | number> {
  const qty = 100 + (i % 900);
  return [
    i + 1,
    // The 商品编号 as text: a 9-digit number would be refused (never padded by guessing).
    '0808100000',
    `鲜苹果 第${i + 1}批`,
    '0|3|鲜|富士|一级',
    qty,
    35,
    qty,
    35,
    1.25,
    qty * 1.25,
    'USD',
    'USA',
    'CHN',
    '31222',
    '1',
  ];
}

async function xlsxBase64(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Goods');
  sheet.addRow(HEADERS);
  for (let i = 0; i < LINES; i++) sheet.addRow(row(i));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function csvBase64(): string {
  const lines = [HEADERS.join(','), ...Array.from({ length: LINES }, (_v, i) => row(i).join(','))];
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

export async function run(): Promise<BenchResult[]> {
  const dir = tempDir('swdesk-bench-lines-');
  const { app, call } = browserDesk(dir.dir, 'bench passphrase');
  const results: BenchResult[] = [];
  try {
    const created = await call<{ id: string; revision: number }>('declarations.create', { ieFlag: 'I' });
    const head = sampleDeclaration(0).head;
    const { revision } = await call<{ revision: number }>('declarations.update', {
      id: created.id,
      baseRevision: created.revision,
      ops: Object.entries(head).map(([k, value]) => ({ op: 'set', path: `head.${k}`, value })),
    });
    const files = [
      { format: 'XLSX', fileName: 'goods.xlsx', contentBase64: await xlsxBase64() },
      { format: 'CSV', fileName: 'goods.csv', contentBase64: csvBase64() },
    ];
    for (const file of files) {
      const source = { kind: 'file', fileName: file.fileName, contentBase64: file.contentBase64 };
      const t0 = performance.now();
      const preview = await call<{ mapping: unknown; rowCount: number }>('interchange.previewLines', {
        source,
        declarationId: created.id,
      });
      const t1 = performance.now();
      const report = await call<{
        written: boolean;
        imported: number;
        created: unknown[];
        errorCount: number;
        warningCount: number;
      }>('interchange.importLines', {
        declarationId: created.id,
        baseRevision: revision,
        source,
        mapping: preview.mapping,
        placement: { mode: 'split' },
      });
      const t2 = performance.now();
      if (!report.written || report.imported !== LINES)
        throw new Error(`${file.format}: not imported (${report.errorCount} errors)`);
      const totalMs = t2 - t0;
      results.push({
        name: `import ${LINES.toLocaleString('en')} goods lines from ${file.format} (${(Buffer.byteLength(file.contentBase64, 'base64') / 1024).toFixed(0)} KiB)`,
        figures: {
          mapping_step_ms: round(t1 - t0, 0),
          import_ms: round(t2 - t1, 0),
          total_ms: round(totalMs, 0),
          declarations: report.created.length,
          warnings: report.warningCount,
        },
        budget: `mapping step + import ≤ ${BUDGET_MS} ms`,
        pass: totalMs <= BUDGET_MS,
      });
    }
  } finally {
    await app.close();
    dir.cleanup();
  }
  return results;
}
