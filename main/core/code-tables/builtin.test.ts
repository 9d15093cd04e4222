import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { goodsDeclaration } from '../../../shared/catalog';
import { builtinManifest, loadBuiltinTables } from '../../../shared/code-tables/builtin';
import { codeTableDefs, findCodeTable } from '../../../shared/code-tables/tables';
import {
  buildCodeTablePackages,
  builtinDir,
  builtinManifestFile,
  builtinManifestText,
  committedText,
  packageFileName,
  packageText,
} from '../../../scripts/build-code-tables';
import { factTables } from '../../../scripts/code-tables/facts';
import { handbookRows } from '../../../scripts/code-tables/handbook';
import { codeTablesFixture } from '../../../test-support/main/code-tables';
import { tempDir } from '../../../test-support/main/temp-dir';
import { builtinFileReader } from './builtin-files';

const tables = new Map(loadBuiltinTables(builtinFileReader()).map((t) => [t.id, t]));
const rowsOf = (id: string) => new Map((tables.get(id)?.rows ?? []).map((r) => [r.code ?? '', r]));

describe('built-in code tables', () => {
  const fixtures: Array<{ close(): void }> = [];
  afterEach(() => fixtures.splice(0).forEach((f) => f.close()));

  it('are what scripts/build-code-tables.ts generates from the handbook, the npm packages and the facts', () => {
    // The tariff's 协定税率 column is read from the handbook's workbook by the build; its committed values are
    // checked against that workbook by shared/taxes/agreements.test.ts (reading it here too would double the time).
    const agreementRates = new Map([...rowsOf('tariff')].map(([code, r]) => [code, r.agreement_rates ?? '']));
    const built = buildCodeTablePackages(agreementRates);
    const names = built.map((p) => packageFileName(p));
    for (const [i, p] of built.entries()) expect(committedText(names[i] ?? '') === packageText(p), p.id).toBe(true);
    expect(
      fs
        .readdirSync(builtinDir)
        .filter((f) => /\.json(\.gz)?$/.test(f))
        .sort(),
    ).toEqual([...names].sort());
    // The large ones are committed gzipped (the tariff's 4 MB of JSON is 0.4 MB), the small ones plain.
    expect(names).toContain('tariff.json.gz');
    expect(names).toContain('countries.json');
    expect(fs.readFileSync(builtinManifestFile, 'utf8')).toBe(builtinManifestText(built));
  }, 180_000);

  it('carry their version, source, date and completeness, with unique codes and a name on every row', () => {
    for (const info of builtinManifest) {
      const table = tables.get(info.id);
      expect(table?.rows.length, info.id).toBe(info.rowCount);
      expect(info.source.length, info.id).toBeGreaterThan(10);
      expect(info.version, info.id).toMatch(/\.[0-9a-f]{10}$/);
      const codes = (table?.rows ?? []).map((r) => r.code ?? '');
      expect(new Set(codes).size, info.id).toBe(codes.length);
      expect(
        codes.every((c) => c !== '' && !/\s/.test(c)),
        info.id,
      ).toBe(true);
      expect(
        (table?.rows ?? []).every((r) => (r.name_zh ?? '') !== '' || (r.name_en ?? '') !== ''),
        info.id,
      ).toBe(true);
      expect(findCodeTable(info.id)?.builtin, info.id).toBe(info.complete ? 'complete' : 'partial');
    }
    const shipped = new Set(builtinManifest.map((p) => p.id));
    for (const def of codeTableDefs) expect(shipped.has(def.id), def.id).toBe(def.builtin !== 'none');
  });

  it('cover every code table the catalog names with a registry entry', () => {
    const named = new Set(
      goodsDeclaration.sections.flatMap((s) => s.elements.flatMap((e) => (e.codeTable ? [e.codeTable] : []))),
    );
    for (const id of named) expect(findCodeTable(id), id).toBeDefined();
  });

  it('hold the official tables and the 2026 tariff as the handbook has them', () => {
    expect(rowsOf('customs-districts').get('5354')?.name_zh).toBe('莲塘海关');
    expect(rowsOf('customs-districts').get('0711')?.status).toBe('legacy_2018_only');
    expect(rowsOf('customs-districts').size).toBe(1365);
    expect(rowsOf('ports').get('HKG000')?.name_zh).toBe('中国香港');
    expect(rowsOf('ports').size).toBe(4334);
    expect(rowsOf('countries').get('HKG')?.name_zh).toBe('中国香港');
    expect(rowsOf('countries').get('DEU')?.name_en).toBe('Germany');
    expect(rowsOf('countries').has('HRA')).toBe(false);
    expect(rowsOf('domestic-districts').get('44031')?.name_zh).toBe('深圳特区');
    expect(rowsOf('entry-exit-ports').size).toBe(997);
    expect(rowsOf('ciq-authorities').size).toBe(1032);
    expect(rowsOf('units').get('035')?.name_zh).toBe('千克');
    expect(rowsOf('units').get('035')?.name_en).toBe('Kilogram');
    expect(rowsOf('trade-modes').get('9810')?.name_zh).toBe('跨境电商出口海外仓');
    expect(rowsOf('trade-modes').get('3039')?.status).toBe('not_in_DP_current_sheet');
    expect(rowsOf('licence-doc-types').get('A')).toMatchObject({ name_zh: '检验检疫', applies_import: 'Y' });
    expect(rowsOf('currencies').get('USD')?.name_zh).toBe('美元');
    expect(rowsOf('currencies').get('DEM')?.status).toBe('legacy_pre2018_only');
    expect(rowsOf('currencies').has('XTS')).toBe(false);
    expect(rowsOf('admin-divisions').get('440307')?.name_zh).toBe('龙岗区');
    expect(rowsOf('goods-attributes').size).toBe(38);
    expect(rowsOf('preferential-trade-agreements').get('02')?.name_zh).toBe('中国—东盟自贸协定');
    const tariff = rowsOf('tariff');
    expect(tariff.size).toBe(12030);
    expect(tariff.get('8471301000')).toMatchObject({ name_zh: '平板电脑', first_unit: '001' });
    expect(tariff.get('0101210010')).toMatchObject({
      first_unit: '035',
      second_unit: '009',
      supervision_conditions: 'AFEB',
      inspection_categories: 'PQ',
      mfn_rate: '0%',
      vat_rate: '9%',
      declaration_elements: '0:品牌类型;1:出口享惠情况;2:是否改良种用;3:品种;4:GTIN;5:CAS;6:其他',
    });
    expect(tariff.has('8471300000')).toBe(false);
    expect(rowsOf('tariff-changes').get('8471300000')?.successors).toBe('8471301000;8471309000');
  });

  it('agree with the handbook where a short official list is written down as facts', () => {
    const files: Record<string, string> = {
      'duty-modes': 'duty-modes.csv',
      'transport-modes': 'transport-modes.csv',
      'transaction-methods': 'transaction-methods.csv',
      'container-specs': 'container-specs.csv',
      'fee-marks': 'fee-marks.csv',
    };
    for (const [id, file] of Object.entries(files)) {
      const fact = factTables.find((t) => t.id === id);
      const handbook = handbookRows(file, 'name_zh');
      expect(fact?.rows.map((r) => r[0]).sort(), id).toEqual([...handbook.keys()].sort());
    }
  });

  it('are read from their files only when a table is first used, gzipped or not', () => {
    const temp = tempDir('swdesk-builtins-');
    try {
      for (const file of fs.readdirSync(builtinDir))
        fs.writeFileSync(path.join(temp.dir, `${file}.gz`), gzipSync(fs.readFileSync(path.join(builtinDir, file))));
      const reads: string[] = [];
      const read = builtinFileReader(temp.dir);
      const f = codeTablesFixture({ builtinRead: (file) => (reads.push(file), read(file)) });
      fixtures.push(f);
      expect(f.store.list().find((t) => t.id === 'tariff')).toMatchObject({ origin: 'builtin', rowCount: 12030 });
      expect(reads).toEqual([]);
      expect(f.store.get('units', '035')?.name_zh).toBe('千克');
      expect(f.store.get('units', '007')?.name_zh).toBe('个');
      expect(reads).toEqual(['units.json']);
    } finally {
      temp.cleanup();
    }
  });
});
