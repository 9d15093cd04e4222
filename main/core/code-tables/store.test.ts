import { describe, expect, it } from 'vitest';
import { codeTablesFixture, codeTablesPerTest, importDomainTables } from '../../../test-support/main/code-tables';
import { builtinManifest } from '../../../shared/code-tables/builtin';
import { builtinFileReader } from './builtin-files';
import { pinyinInitials } from './pinyin';
import { createCodeTableStore } from './store';

describe('code-table store and search', () => {
  const open = codeTablesPerTest();

  it('computes pinyin initials the way brokers type them', () => {
    expect(pinyinInitials('一般贸易')).toBe('ybmy');
    expect(pinyinInitials('提/运单')).toBe('tyd');
    expect(pinyinInitials('C&F')).toBe('cf');
    expect(pinyinInitials('')).toBe('');
  });

  it('lists every registered table: the built-in ones without copying them, imported ones from the database', async () => {
    const { store, service } = open();
    const tables = store.list();
    expect(tables.find((t) => t.id === 'transport-modes')).toMatchObject({
      origin: 'builtin',
      complete: true,
      rowCount: 20,
    });
    expect(tables.find((t) => t.id === 'licence-types')).toMatchObject({ origin: null, rowCount: 0, version: null });
    const generation = store.generation();
    await service.importFile({
      table: 'units',
      content: 'code,name_zh\n035,千克\n',
      encoding: 'text',
      fileName: 'u.csv',
    });
    expect(store.generation()).toBe(generation + 1);
    expect(store.info('units')).toMatchObject({ origin: 'import', rowCount: 1, asOf: '2026-11-22' });
    expect(store.info('units').builtinVersion).toMatch(/^handbook\./);
    const again = await service.importFile({
      table: 'units',
      content: 'code,name_zh\n035,千克\n',
      encoding: 'text',
      fileName: 'u.csv',
    });
    expect(again.changed).toBe(false);
    expect(store.generation()).toBe(generation + 1);
  });

  it('keeps a month of 计征汇率 imported from a file as a versioned table the duty estimate reads', async () => {
    const { store, service } = open();
    expect(store.info('exchange-rates')).toMatchObject({ origin: null, rowCount: 0 });
    await service.importFile({
      table: 'exchange-rates',
      content: '币制代码,币制名称,计征汇率,适用月份\nUSD,美元,7.1074,2026-12\nEUR,欧元,8.2012,2026-12\n',
      encoding: 'text',
      fileName: '计征汇率.csv',
    });
    expect(store.info('exchange-rates')).toMatchObject({ origin: 'import', rowCount: 2, asOf: '2026-11-22' });
    expect(store.get('exchange-rates', 'USD')).toMatchObject({ rate: '7.1074', month: '2026-12' });
    await expect(
      service.importFile({
        table: 'exchange-rates',
        content: 'code,name_zh,rate,month\nUSD,美元,-1,2026-12\n',
        encoding: 'text',
        fileName: 'bad.csv',
      }),
    ).rejects.toThrow();
    expect(store.get('exchange-rates', 'USD')).toMatchObject({ rate: '7.1074' });
  });

  it('lets the newest table win: an import over an older built-in one, a built-in one dated after the import', async () => {
    const f = open();
    const { store, service } = f;
    await service.importFile({
      table: 'units',
      content: 'code,name_zh\n035,千克\n',
      encoding: 'text',
      fileName: 'u.csv',
    });
    await service.importFile({
      table: 'tariff',
      content: 'code,name_zh,unit1\n0101210010,马,035\n',
      encoding: 'text',
      fileName: 't.csv',
    });
    // The import is dated 2026-11-22: newer than the built-in units (no date) and the built-in tariff (2026-08-01).
    expect(store.info('units').origin).toBe('import');
    expect(store.info('tariff').origin).toBe('import');
    expect(store.get('tariff', '8471301000')).toBeNull();
    expect(service.remove('units')).toEqual({ removed: true });
    expect(store.info('units')).toMatchObject({ origin: 'builtin', rowCount: 124 });
    expect(store.get('units', '007')?.name_zh).toBe('个');
    expect(() => service.remove('units')).toThrow(/not imported/);

    // A later release whose built-in tariff is dated after the import: it answers, the import stays stored.
    const newer = createCodeTableStore(f.db, {
      builtins: {
        manifest: builtinManifest.map((info) => (info.id === 'tariff' ? { ...info, asOf: '2027-01-01' } : info)),
        read: builtinFileReader(),
      },
    });
    expect(newer.info('tariff')).toMatchObject({ origin: 'builtin', rowCount: 12030 });
    expect(newer.get('tariff', '8471301000')?.name_zh).toBe('平板电脑');
  });

  it('searches by code prefix, pinyin initials and Chinese text, best first', async () => {
    const { store, service } = open();
    await importDomainTables(service, ['trade-modes', 'customs-districts', 'tariff']);
    expect(store.search('trade-modes', '0110', 5)[0]).toMatchObject({ code: '0110', name_zh: '一般贸易', rank: 0 });
    expect(store.search('trade-modes', '02', 50).every((h) => h.code.startsWith('02'))).toBe(true);
    expect(store.search('trade-modes', 'ybmy', 5)[0]).toMatchObject({ code: '0110', rank: 2 });
    expect(store.search('trade-modes', '一般', 5).map((h) => h.code)).toContain('0110');
    expect(store.search('customs-districts', '莲塘', 5).map((h) => h.code)).toContain('5354');
    expect(
      store
        .search('tariff', '8479', 5)
        .map((h) => h.code)
        .every((c) => c.startsWith('8479')),
    ).toBe(true);
    expect(store.search('tariff', '苹果', 5).length).toBeGreaterThan(0);
  });

  it('lists the shortest name that starts with what was typed first: United States is USA, not UMI', () => {
    const { store } = open();
    expect(store.search('countries', 'United States', 5).map((h) => h.code)).toEqual(['USA', 'UMI']);
    expect(store.search('countries', 'united states', 5)[0]?.code).toBe('USA');
    expect(store.search('countries', '美国', 5)[0]?.code).toBe('USA');
  });

  // A goods word a broker types into 商品编号: the line the word names most directly first, as Enter picks it, before
  // the line that sorted first by code or by name prefix. Chinese names end in the thing they name (鲜苹果 is an apple,
  // 苹果干 a dried thing, 棉花采摘机 a machine), and 其他 is the residual line, where the ordinary goods are.
  it.each([
    { word: '苹果', first: '0808100000 鲜苹果', before: '0813300000 苹果干' },
    { word: '大米', first: '1102902901 其他大米细粉', before: '1102902101 长粒米大米细粉' },
    { word: '牛肉', first: '0202200090 其他冻藏的带骨牛肉', before: '0201100010 整头及半头鲜或冷藏的濒危野牛肉' },
    { word: '咖啡', first: '0901110000 未浸除咖啡碱的未焙炒咖啡', before: '2101110000 咖啡浓缩精汁' },
    { word: '棉花', first: '5201000001 未梳的棉花', before: '8433592000 棉花采摘机' },
  ])(
    'lists first the tariff line that $word names most directly: $first, before $before',
    ({ word, first, before }) => {
      const { store } = open();
      const hits = store.search('tariff', word, 50).map((h) => `${h.code} ${h.name_zh}`);
      expect(hits[0]).toBe(first);
      expect(hits.indexOf(before)).toBeGreaterThan(0);
      expect(hits.every((h) => h.includes(word))).toBe(true);
    },
  );

  // The words brokers say for a package (纸箱, carton) are not the official names (22 纸制或纤维板制盒/箱): the built-in
  // table's search aliases, its 2018 customs and CIQ names and a few English words, find the codes they mean.
  it.each([
    { word: '纸箱', codes: ['22'] },
    { word: '木箱', codes: ['23'] },
    { word: '托盘', codes: ['92', '93'] },
    { word: '桶', codes: ['39', '33', '32'] },
    { word: '袋', codes: ['06'] },
    { word: 'carton', codes: ['22'] },
    { word: 'pallet', codes: ['92', '93'] },
    { word: 'drum', codes: ['39', '32', '33'] },
    { word: 'bag', codes: ['06'] },
  ])('包装种类: $word finds $codes', ({ word, codes }) => {
    const { store } = open();
    expect(store.search('packaging-types', word, 20).map((h) => h.code)).toEqual(codes);
  });

  it('finds every code whose name is shared with another code: names are not unique, codes are', async () => {
    const { store, service } = open();
    await importDomainTables(service, ['customs-districts']);
    const hits = store.search('customs-districts', '邮局海关', 20).map((h) => h.code);
    expect(hits).toEqual(expect.arrayContaining(['2206', '3713']));
    expect(store.get('customs-districts', '2206')?.name_zh).toBe('邮局海关');
  });

  it('treats search text literally (no LIKE wildcards) and respects the limit', () => {
    const { store } = open();
    expect(store.search('transport-modes', '%', 5)).toEqual([]);
    expect(store.search('transport-modes', '_', 5)).toEqual([]);
    expect(store.search('transport-modes', '', 3)).toHaveLength(3);
  });
});

describe('code search by English name', () => {
  it('matches English names case-insensitively and returns them as stored', () => {
    const f = codeTablesFixture();
    try {
      const hits = f.store.search('countries', 'germany', 5);
      expect(hits[0]).toMatchObject({ code: 'DEU', name_en: 'Germany', rank: 3 });
      expect(f.store.search('currencies', 'dollar', 50).map((h) => h.code)).toEqual(
        expect.arrayContaining(['USD', 'HKD']),
      );
    } finally {
      f.close();
    }
  });
});
