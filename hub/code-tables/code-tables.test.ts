import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeTableListSchema, codeTableSchema, submitResponseSchema } from '../../shared/protocol';
import { samplePayload } from '../../test-support/hub/fixtures';
import type { TestHub } from '../../test-support/hub/in-process';
import { startTestHub, tempDir } from '../../test-support/hub/in-process';
import type { TestClient } from '../../test-support/hub/test-client';
import { submission } from '../../test-support/hub/test-client';
import { tableIdForFileName } from '../../shared/code-tables/tables';
import { readCodeTableFile } from './import';

// The public copies of the official tables are read in place at run time, never copied here.
const domainTables = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../shared/domain/code-tables',
);
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
  it('reads every official table copy in ../shared/domain/code-tables that names a code table', async () => {
    const files = fs.readdirSync(domainTables).filter((f) => f.endsWith('.csv'));
    const named = files.filter((f) => tableIdForFileName(f) !== undefined);
    expect(named.length).toBeGreaterThan(15);
    for (const file of named) {
      const table = await readCodeTableFile(path.join(domainTables, file), { importedAt });
      expect(table.rows.length, file).toBeGreaterThan(0);
      expect(
        table.rows.every((r) => r.code !== ''),
        file,
      ).toBe(true);
    }
    const districts = await readCodeTableFile(path.join(domainTables, 'customs-districts.csv'), { importedAt });
    expect(districts.tableId).toBe('customs-districts');
    expect(districts.rows.find((r) => r.code === '2248')?.name_zh).toBe('洋山港区');
    // The handbook's file names map to the product's table ids; the tariff's code column is code_ts.
    const hs = await readCodeTableFile(path.join(domainTables, 'hs-sample.csv'), { importedAt });
    expect(hs.tableId).toBe('tariff');
    expect(hs.rows.find((r) => r.code === '0808100000')).toMatchObject({ name_zh: '鲜苹果', first_unit: '035' });
    expect(
      (await readCodeTableFile(path.join(domainTables, 'administrative-divisions.csv'), { importedAt })).tableId,
    ).toBe('admin-divisions');
    // A file that names no code table needs --id.
    await expect(readCodeTableFile(path.join(domainTables, 'receipt-channels.csv'), { importedAt })).rejects.toThrow(
      /pass --id/,
    );
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
    expect(table).toMatchObject({
      tableId: 'trade-modes',
      columns: ['code', 'name_zh'],
      rows: [
        { code: '0110', name_zh: '一般贸易' },
        { code: '0214', name_zh: '来料加工' },
      ],
    });
  });

  it('refuses malformed files naming the line, and stores nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['fee-marks.csv', 'name_zh,other\nx,y\n', /no code column/],
      ['duty-modes.csv', 'code,other\n1,y\n', /no name column/],
      ['units.csv', 'code,name_zh\n001,台\n001,个\n', /line 3 \(code\): Code 001 repeats \(first on line 2\)/],
      ['currencies.csv', 'code,name_zh\n,美元\n', /line 2 \(code\): The code is empty/],
      ['trade-modes.csv', 'code,name_zh\n0110,"open\n', /opened on line 2, column 6 has no closing quote/],
      ['countries.csv', '', /empty/],
      ['ports.txt', 'code,name_zh\n1,a\n', /unsupported file type/],
      ['no-such-table.csv', 'code,name_zh\n1,a\n', /pass --id/],
    ];
    for (const [name, text, message] of cases) {
      await expect(readCodeTableFile(write(name, text), { importedAt }), name).rejects.toThrow(message);
    }
    fs.writeFileSync(
      path.join(scratch, 'units.csv'),
      Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x0a, 0xb9, 0xd8, 0x0a]),
    );
    await expect(readCodeTableFile(path.join(scratch, 'units.csv'), { importedAt })).rejects.toThrow(/not UTF-8/);
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
    expect(list.tables).toEqual([
      expect.objectContaining({ id: 'fee-marks', version: 2, rowCount: 3, columns: ['code', 'name_zh'] }),
    ]);
    const latest = await t.call(client, 'GET', '/v1/code-tables/fee-marks');
    expect(latest.headers.etag).toBe(`"${v2.sha256}"`);
    expect(codeTableSchema.parse(latest.json()).rows.map((r) => r.code)).toEqual(['1', '2', '3']);
    const first = codeTableSchema.parse((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=1')).json());
    expect(first.rows.map((r) => r.code)).toEqual(['1', '3']);
    expect((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=9')).statusCode).toBe(404);
    expect((await t.call(client, 'GET', '/v1/code-tables/nothing')).statusCode).toBe(404);
    expect((await t.call(client, 'GET', '/v1/code-tables/fee-marks?version=x')).statusCode).toBe(400);
  });

  it('checks submissions against built-in and imported tables, and not against tables it has neither of', async () => {
    const send = async (change: (doc: ReturnType<typeof samplePayload>['doc']) => void) =>
      submitResponseSchema.parse(
        (
          await t.call(client, 'POST', '/v1/submissions', {
            submissions: [submission(client.key, samplePayload(change))],
          })
        ).json(),
      ).results[0];
    // 入境口岸 ships as the 2018 table, marked partial: a code missing from it passes until a complete table arrives.
    expect((await send((doc) => (doc.head.EntyPortCode = '999998')))?.outcome).toBe('accepted');
    await t.store.importCodeTable(
      await readCodeTableFile(path.join(domainTables, 'entry-exit-ports.csv'), { importedAt }),
    );
    expect(await send((doc) => (doc.head.EntyPortCode = '999998'))).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'head.EntyPortCode', code: 'unknown-code' }],
    });
    // Ports ship complete: an unknown port is refused without any import.
    expect(await send((doc) => (doc.head.DistinatePort = 'QQQ999'))).toMatchObject({
      outcome: 'rejected',
      errors: [{ path: 'head.DistinatePort', code: 'unknown-code' }],
    });
    // 用途 (Purpose) has neither a built-in nor an imported table: not checked.
    expect((await send((doc) => doc.lines[0] && (doc.lines[0].Purpose = 'QQ99')))?.outcome).toBe('accepted');
    // Currencies ship complete: an unknown currency is refused without any import.
    const currency = await send((doc) => doc.lines[0] && (doc.lines[0].TradeCurr = 'XYZ'));
    expect(currency?.errors.map((e) => [e.path, e.code])).toContainEqual(['lines[0].TradeCurr', 'unknown-code']);
  });
});
