import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { codeTablesPerTest, importDomainTables } from '../../../test-support/main/code-tables';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('code-table service', () => {
  const open = codeTablesPerTest();

  it('imports every official table copy and answers lookups from them', async () => {
    const { service } = open();
    await importDomainTables(service);
    const tables = new Map(service.tables().map((t) => [t.id, t]));
    expect(tables.get('ports')).toMatchObject({
      origin: 'import',
      complete: true,
      rowCount: 4334,
      source: 'ports.csv',
    });
    expect(tables.get('ports')?.version).toMatch(/^2026-11-22-[0-9a-f]{12}$/);
    const lookup = service.lookup();
    expect(lookup.has('customs-districts', '5354')).toBe(true);
    expect(lookup.has('customs-districts', '9999')).toBe(false);
    expect(lookup.has('purposes', '1')).toBeUndefined();
  });

  it('lists codes in force before older ones, marked, in a picker search; the code typed exactly stays first', async () => {
    const { service } = open();
    await importDomainTables(service, ['customs-districts']);
    const prefix = service.search({ table: 'customs-districts', query: '071', limit: 20 });
    expect(prefix.map((h) => h.code)).toEqual([
      '0710',
      '0712',
      '0713',
      '0714',
      '0715',
      '0716',
      '0717',
      '0718',
      '0719',
      '0711',
    ]);
    expect(prefix.at(-1)).toMatchObject({ code: '0711', validity: 'legacy' });
    expect(prefix[0]?.validity).toBeUndefined();
    const exact = service.search({ table: 'customs-districts', query: '0711', limit: 20 });
    expect(exact[0]).toMatchObject({ code: '0711', rank: 0, validity: 'legacy' });
  });

  it('marks a code whose 失效日期 has passed, judged on the day in China', async () => {
    const { service } = open();
    await service.importFile({
      table: 'units',
      content: '代码,名称,失效日期\n035,千克,\n036,克,2026-11-21\n',
      encoding: 'text',
      fileName: 'units.csv',
    });
    expect(service.search({ table: 'units', query: '03', limit: 20 })).toEqual([
      { code: '035', name_zh: '千克', name_en: '', rank: 1 },
      { code: '036', name_zh: '克', name_en: '', rank: 1, validity: 'expired' },
    ]);
  });

  it('reads the tariff with legal units, 申报要素 renumbered from 0 without 品名, and 监管条件', async () => {
    const { service } = open();
    await importDomainTables(service, ['tariff']);
    const apple = service.tariff('0808100000');
    expect(apple).toMatchObject({
      code: '0808100000',
      name: '鲜苹果',
      firstUnit: '035',
      secondUnit: '',
      conditions: 'AB',
      inspection: 'PRQS',
    });
    expect(apple?.elements.slice(0, 3)).toEqual(['品牌类型', '出口享惠情况', '制作或保存方法（鲜）']);
    expect(service.get({ table: 'tariff', code: '0808100000' })?.declaration_elements).toMatch(
      /^0:品牌类型;1:出口享惠情况;2:/,
    );
    expect(service.tariff('0000000000')).toBeNull();
    expect(service.tariffMany(['0808100000', '0808100000', '1234567890']).map((t) => t.code)).toEqual(['0808100000']);
    expect(service.lookup().tariff?.('0808100000')?.firstUnit).toBe('035');
    expect(service.lookup().tariff?.('1234567890')).toBeNull();
  });

  it('sees an import at once in its lookup (the cache follows table changes)', async () => {
    const { service } = open();
    const lookup = service.lookup();
    // The built-in units table is complete: 999 is not a unit until an official table says so.
    expect(lookup.has('units', '999')).toBe(false);
    await service.importFile({
      table: 'units',
      content: 'code,name_zh\n999,测试单位\n',
      encoding: 'text',
      fileName: 'u.csv',
    });
    expect(lookup.has('units', '999')).toBe(true);
    expect(lookup.has('units', '035')).toBe(false);
  });

  it('imports XLSX workbooks and GBK-encoded CSV', async () => {
    const { service } = open();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('监管方式');
    sheet.addRow(['代码', '名称']);
    sheet.addRow(['0110', '一般贸易']);
    sheet.addRow(['0214', '来料加工']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(
      await service.importFile({ table: 'trade-modes', content: xlsx, encoding: 'base64', fileName: '监管方式.xlsx' }),
    ).toMatchObject({ rowCount: 2, changed: true });
    expect(service.get({ table: 'trade-modes', code: '0214' })?.name_zh).toBe('来料加工');
    // "code,name_zh\n101,一般征税\n" in GB18030
    const gbk = Buffer.from('636f64652c6e616d655f7a680a3130312cd2bbb0e3d5f7cbb00a', 'hex').toString('base64');
    await service.importFile({ table: 'levy-natures', content: gbk, encoding: 'base64', fileName: 'levy.csv' });
    expect(service.get({ table: 'levy-natures', code: '101' })?.name_zh).toBe('一般征税');
  });

  it('reports an unchanged re-import as unchanged', async () => {
    const { service } = open();
    const file = { table: 'units', content: 'code,name_zh\n035,千克\n', encoding: 'text' as const, fileName: 'u.csv' };
    expect((await service.importFile(file)).changed).toBe(true);
    expect((await service.importFile(file)).changed).toBe(false);
  });

  describe('refuses a bad file, names the problem and changes nothing', () => {
    const cases: Array<[string, { table: string; content: string; fileName: string }, RegExp]> = [
      ['no code column', { table: 'units', content: 'unit,name_zh\n035,千克\n', fileName: 'u.csv' }, /no code column/],
      ['no name column', { table: 'units', content: 'code,remark\n035,x\n', fileName: 'u.csv' }, /no name column/],
      [
        'an empty code',
        { table: 'units', content: 'code,name_zh\n,千克\n', fileName: 'u.csv' },
        /line 2 \(code\): The code is empty/,
      ],
      [
        'a row without a name',
        { table: 'units', content: 'code,name_zh\n035,\n', fileName: 'u.csv' },
        /Code 035 has no name/,
      ],
      [
        'a repeated code',
        { table: 'units', content: 'code,name_zh\n035,千克\n035,公斤\n', fileName: 'u.csv' },
        /Code 035 repeats \(first on line 2\)/,
      ],
      ['no rows', { table: 'units', content: 'code,name_zh\n', fileName: 'u.csv' }, /no rows/],
      [
        'a tariff code that is not 10 digits',
        { table: 'tariff', content: 'code_ts,name_zh,first_unit_code\n84798,机器,035\n', fileName: 't.csv' },
        /not 10 digits/,
      ],
      [
        'a tariff line without a legal unit',
        { table: 'tariff', content: 'code_ts,name_zh,first_unit_code\n8479899990,机器,\n', fileName: 't.csv' },
        /first legal unit/,
      ],
      ['a broken quote', { table: 'units', content: 'code,name_zh\n"035,千克\n', fileName: 'u.csv' }, /not valid CSV/],
    ];
    for (const [what, input, message] of cases) {
      it(what, async () => {
        const { service } = open();
        const before = service.tables().find((t) => t.id === input.table);
        const error = await rejection(service.importFile({ ...input, encoding: 'text' }));
        expect(error.code).toBe('IMPORT_FAILED');
        // The message says the file was not imported; each problem is an issue naming its line and column.
        expect([error.message, ...(error.issues ?? []).map((i) => i.message)].join('\n')).toMatch(message);
        expect(error.message).toMatch(/nothing was changed|not valid CSV/);
        expect(service.tables().find((t) => t.id === input.table)).toEqual(before);
      });
    }

    it('an unknown table', async () => {
      const { service } = open();
      const error = await rejection(
        service.importFile({ table: 'planets', content: 'code,name_zh\n1,x\n', encoding: 'text', fileName: 'p.csv' }),
      );
      expect(error.code).toBe('NOT_FOUND');
      expect(error.issues?.[0]?.path).toBe('table');
    });

    it('a missing file, a folder and an unknown format', async () => {
      const { service } = open();
      expect((await rejection(service.importFile({ table: 'units', path: '/nonexistent/units.csv' }))).message).toMatch(
        /does not exist/,
      );
      expect((await rejection(service.importFile({ table: 'units', path: '/tmp' }))).message).toMatch(
        /is a folder, not a file/,
      );
      expect(
        (await rejection(service.importFile({ table: 'units', content: 'x', encoding: 'text', fileName: 'units.pdf' })))
          .issues?.[0]?.path,
      ).toBe('format');
    });

    it('a workbook that is not a workbook', async () => {
      const { service } = open();
      const error = await rejection(
        service.importFile({
          table: 'units',
          content: Buffer.from('not a zip').toString('base64'),
          encoding: 'base64',
          fileName: 'u.xlsx',
        }),
      );
      expect(error.message).toBe(
        '"u.xlsx" is not a readable .xlsx workbook: it is not an Excel workbook, perhaps another kind of file renamed .xlsx',
      );
      // jszip's English, for support only.
      expect(error.params).toMatchObject({ kind: 'not-a-workbook', detail: expect.stringContaining('zip') });
    });
  });

  it('hands small tables whole to the renderer, with the columns its checks and pickers read, and refuses the tariff', async () => {
    const { service } = open();
    await importDomainTables(service, ['tariff']);
    const snapshot = service.snapshot({ tables: ['transport-modes', 'trade-modes'] });
    expect(snapshot.tables[0]).toMatchObject({ id: 'transport-modes', complete: true });
    expect(snapshot.tables[0]?.rows.find((r) => r.code === '2')).toEqual({
      code: '2',
      name_zh: '水路运输',
      name_en: 'Waterway',
      initials: 'slys',
    });
    expect(snapshot.tables[1]?.complete).toBe(true);
    expect(snapshot.tables[1]?.rows.find((r) => r.code === '3039')).toEqual({
      code: '3039',
      name_zh: '货样广告品B（已废止）',
      initials: 'hyggpbyfz',
      status: 'not_in_DP_current_sheet',
    });
    const error = (() => {
      try {
        service.snapshot({ tables: ['units', 'tariff'] });
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(error?.issues?.[0]).toMatchObject({ path: 'tables.1', code: 'codetables.too-large-to-send' });
    expect(() => service.search({ table: 'nope', query: 'x', limit: 5 })).toThrow(/no code table "nope"/);
  });

  it('installs a table the hub sent as complete and official', () => {
    const { service } = open();
    const result = service.installFromHub({
      id: 'purposes',
      version: 3,
      rows: [{ code: '11', name_zh: '种用或繁殖' }],
    });
    expect(result).toMatchObject({ version: 'hub-3', rowCount: 1 });
    expect(service.tables().find((t) => t.id === 'purposes')).toMatchObject({ origin: 'hub', complete: true });
    expect(() => service.installFromHub({ id: 'purposes', version: 4, rows: [{ code: '', name_zh: 'x' }] })).toThrow(
      /not installed/,
    );
  });
});
