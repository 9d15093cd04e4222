import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeTableListSchema, codeTableSchema, submitResponseSchema } from '../../shared/protocol';
import { samplePayload } from '../testing/fixtures';
import type { TestHub } from '../testing/in-process';
import { startTestHub, tempDir } from '../testing/in-process';
import type { TestClient } from '../testing/test-client';
import { submission } from '../testing/test-client';
import { parseCsvRecords } from './csv';
import { readCodeTableFile } from './import';

// The public copies of the official tables are read in place at run time, never copied here.
const domainTables = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/domain/code-tables');
const importedAt = '2026-01-31T00:00:00.000Z';

let t: TestHub;
let client: TestClient;
let scratch: string;
beforeEach(async () => {
  t = await startTestHub({ processor: { enabled: false } });
  client = await t.enroll();
  scratch = tempDir('swhub-tables-');
});
afterEach(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('code-table files', () => {
  it('parses RFC 4180 CSV: quotes, commas and line breaks inside fields, CRLF, BOM', () => {
    const records = parseCsvRecords('\uFEFFcode,name_zh\r\n01,"a, ""b"""\r\n02,"two\nlines"\n');
    expect(records).toEqual([
      { line: 1, fields: ['code', 'name_zh'] },
      { line: 2, fields: ['01', 'a, "b"'] },
      { line: 3, fields: ['02', 'two\nlines'] },
    ]);
  });

  it('reads every official table copy in ../shared/domain/code-tables', async () => {
    // receipt-channels.csv lists CHANNEL meanings (channel,meaning_zh), not a declaration code table.
    const files = fs.readdirSync(domainTables).filter((f) => f.endsWith('.csv') && f !== 'receipt-channels.csv');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const table = await readCodeTableFile(path.join(domainTables, file), { importedAt });
      expect(table.rows.length, file).toBeGreaterThan(0);
      expect(table.rows.every((r) => r.code !== '' && typeof r.name_zh === 'string'), file).toBe(true);
    }
    const districts = await readCodeTableFile(path.join(domainTables, 'customs-districts.csv'), { importedAt });
    expect(districts.tableId).toBe('customs-districts');
    expect(districts.rows.find((r) => r.code === '2248')?.name_zh).toBe('洋山港区');
    const hs = await readCodeTableFile(path.join(domainTables, 'hs-sample.csv'), { importedAt, tableId: 'tariff' });
    expect(hs.columns[0]).toBe('code');
    expect(hs.rows[0]?.code).toBe(hs.rows[0]?.code_ts);
  });

  it('reads XLSX with the same columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('监管方式');
    sheet.addRow(['code', 'name_zh']);
    sheet.addRow(['0110', '一般贸易']);
    sheet.addRow(['0214', '来料加工']);
    const file = path.join(scratch, 'trade-modes.xlsx');
    await workbook.xlsx.writeFile(file);
    const table = await readCodeTableFile(file, { importedAt });
    expect(table).toMatchObject({ tableId: 'trade-modes', columns: ['code', 'name_zh'], rows: [{ code: '0110', name_zh: '一般贸易' }, { code: '0214', name_zh: '来料加工' }] });
  });

  it('refuses malformed files naming the line, and stores nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['a.csv', 'name_zh,other\nx,y\n', /no code column/],
      ['b.csv', 'code,other\n1,y\n', /no name_zh column/],
      ['c.csv', 'code,name_zh\n1,a\n1,b\n', /code "1" appears on line 2 and again on line 3/],
      ['d.csv', 'code,name_zh\n,a\n', /line 2 has an empty code/],
      ['e.csv', 'code,name_zh\n1,a,b\n', /line 2 has 3 fields/],
      ['f.csv', 'code,name_zh\n1,"open\n', /closing " is missing/],
      ['g.csv', '', /empty/],
      ['h.txt', 'code,name_zh\n1,a\n', /unsupported file type/],
    ];
    for (const [name, text, message] of cases) {
      await expect(readCodeTableFile(write(name, text), { importedAt }), name).rejects.toThrow(message);
    }
    fs.writeFileSync(path.join(scratch, 'gbk.csv'), Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x0a, 0xb9, 0xd8, 0x0a]));
    await expect(readCodeTableFile(path.join(scratch, 'gbk.csv'), { importedAt })).rejects.toThrow(/not UTF-8/);
    expect((await t.store.stats()).codeTableVersions).toBe(0);
  });
});

describe('code tables at the hub', () => {
  it('stores versions (a re-import of the same content is a no-op) and serves them', async () => {
    const v1 = await readCodeTableFile(write('fee-marks.csv', 'code,name_zh\n1,率\n3,总价\n'), { importedAt });
    expect(await t.store.importCodeTable(v1)).toEqual({ version: 1, created: true });
    expect(await t.store.importCodeTable(v1)).toEqual({ version: 1, created: false });
    const v2 = await readCodeTableFile(write('fee-marks.csv', 'code,name_zh\n1,率\n2,单价\n3,总价\n'), { importedAt });
    expect(await t.store.importCodeTable(v2)).toEqual({ version: 2, created: true });

    const list = codeTableListSchema.parse((await t.call(client, 'GET', '/v1/code-tables')).json());
    expect(list.tables).toEqual([expect.objectContaining({ id: 'fee-marks', version: 2, rowCount: 3, columns: ['code', 'name_zh'] })]);
    const latest = await t.call(client, 'GET', '/v1/code-tables/fee-marks');
    expect(latest.headers.etag).toBe(`"${v2.sha256}"`);
    expect(codeTableSchema.parse(latest.json()).rows.map((r) => r.code)).toEqual(['1', '2', '3']);
    const first = codeTableSchema.parse((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=1')).json());
    expect(first.rows.map((r) => r.code)).toEqual(['1', '3']);
    expect((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=9')).statusCode).toBe(404);
    expect((await t.call(client, 'GET', '/v1/code-tables/nothing')).statusCode).toBe(404);
    expect((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=x')).statusCode).toBe(400);
  });

  it('checks submissions against the imported tables (and not against tables never imported)', async () => {
    const modes = await readCodeTableFile(path.join(domainTables, 'trade-modes.csv'), { importedAt });
    await t.store.importCodeTable(modes);
    const unknownMode = submission(client.key, samplePayload((doc) => (doc.head.TradeMode = '9999')));
    // No currency table was imported, so any currency passes that check.
    const oddCurrency = submission(client.key, samplePayload((doc) => doc.lines[0] && (doc.lines[0].TradeCurr = 'XYZ')));
    const { results } = submitResponseSchema.parse((await t.call(client, 'POST', '/v1/submissions', { submissions: [unknownMode, oddCurrency] })).json());
    expect(results[0]).toMatchObject({ outcome: 'rejected', errors: [{ path: 'head.TradeMode', code: 'unknown-code' }] });
    expect(results[1]?.outcome).toBe('accepted');
  });
});
