// The official parameter tables and the 2026 tariff as the team handbook holds them
// (../shared/domain/code-tables, provenance in its SOURCES.md): government-published facts the
// product may ship (../shared/domain/README.md). Each spec says which handbook file fills which
// table, which of its columns are kept (renamed to ours), whether the copy is the whole table,
// the date of its data when SOURCES.md states one, and the source keys SOURCES.md names.
// scripts/build-code-tables.ts turns them into resources/code-tables/*.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../shared/code-tables/csv';
import { codeTablesDir } from '../domain-data';

export type Row = Record<string, string>;

export interface HandbookTable {
  id: string;
  /** The handbook file, in ../shared/domain/code-tables. */
  file: string;
  /** Columns kept, as [handbook column, our column]; `code` and `name_zh` come first. */
  columns: ReadonlyArray<readonly [string, string]>;
  complete: boolean;
  /** yyyy-MM-dd of the data where SOURCES.md states it ('' when it does not). */
  asOf: string;
  source: string;
  /** Rows left out, with the reason in `source`. */
  skip?: (row: Row) => boolean;
  /**
   * Handbook columns holding a code's former official names (the 2018 customs and CIQ names): brokers still say
   * them (纸箱, 托盘), and a picker finds the code by them. Built into the `aliases` column, `;` between words.
   */
  aliasesFrom?: readonly string[];
}

const SOURCES = '../shared/domain/code-tables/SOURCES.md';
const DP = 'DP (a broker’s 基础报关参数数据.xlsx, Baldwinzc/docparse @45a8c46b)';
const GJ = 'GJ (official 2018 关检融合部分通关参数.xlsx, ryanrong95/HXT @eca78ea5)';
const OT = 'OT (official 2018 其他通关参数（仅供参考）.xlsx, ryanrong95/HXT @eca78ea5)';
/** The date the official 2018 workbooks were last saved (SOURCES.md, "Age of the data"). */
const OFFICIAL_2018 = '2018-07-02';

const keep = (...names: string[]): Array<readonly [string, string]> => names.map((n) => [n, n] as const);

export const handbookTables: readonly HandbookTable[] = [
  {
    id: 'customs-districts',
    file: 'customs-districts.csv',
    columns: keep('code', 'name_zh', 'name_zh_2018', 'status'),
    complete: true,
    asOf: '',
    source: `${DP} sheet 海关口岸代码 in full; 2 codes only in the 2018 table (HX18) kept as legacy; ${SOURCES}`,
  },
  {
    id: 'ports',
    file: 'ports.csv',
    columns: keep('code', 'name_zh', 'name_en', 'country_code', 'name_zh_2018', 'status', 'note'),
    complete: true,
    asOf: '',
    source: `${DP} (every row, Chinese names) with English names from ${GJ}; 64 codes only in the 2018 table kept as legacy; ${SOURCES}`,
  },
  {
    id: 'countries',
    file: 'countries.csv',
    columns: keep('code', 'name_zh', 'name_en', 'name_zh_2018'),
    complete: true,
    asOf: '',
    source: `${DP} with English names from ${GJ}; HRA and HRB (tariff-rate markers, not countries) left out; ${SOURCES}`,
    skip: (row) => row.code === 'HRA' || row.code === 'HRB',
  },
  {
    id: 'domestic-districts',
    file: 'domestic-districts.csv',
    columns: keep('code', 'name_zh', 'name_zh_2018', 'status'),
    complete: true,
    asOf: '',
    source: `${DP} sheet 国内地区 in full; 1 code only in ${OT} kept as legacy; ${SOURCES}`,
  },
  {
    id: 'entry-exit-ports',
    file: 'entry-exit-ports.csv',
    columns: keep('code', 'name_zh'),
    complete: false,
    asOf: OFFICIAL_2018,
    source: `${OT} sheet 国内口岸代码 (《国内口岸编码表》, 2018): ports added since (e.g. 477101) are missing; ${SOURCES}`,
  },
  {
    id: 'ciq-authorities',
    file: 'ciq-authorities.csv',
    columns: keep('code', 'name_zh'),
    complete: false,
    asOf: OFFICIAL_2018,
    source: `${OT} sheet 检验检疫机关代码 (2018, names as then); ${SOURCES}`,
  },
  {
    id: 'units',
    file: 'units.csv',
    columns: keep('code', 'name_zh'),
    complete: true,
    asOf: '',
    source: `${DP} sheet 计量单位 (GJ and HE agree on every shared code); English names are our translation; ${SOURCES}`,
  },
  {
    id: 'trade-modes',
    file: 'trade-modes.csv',
    columns: keep('code', 'name_zh', 'full_name_zh', 'legacy_name_zh', 'status'),
    complete: true,
    asOf: '',
    source: `${DP} sheet 监管方式 in full, full names from CE (2018); 8 codes not in DP kept as legacy; ${SOURCES}`,
  },
  {
    id: 'levy-natures',
    file: 'levy-natures.csv',
    columns: keep('code', 'name_zh', 'other_name_zh', 'status'),
    complete: true,
    asOf: '',
    source: `${DP} sheet 征免性质 in full; 4 codes not in DP kept as legacy; ${SOURCES}`,
  },
  {
    id: 'packaging-types',
    file: 'packaging-types.csv',
    columns: keep('code', 'name_zh'),
    aliasesFrom: ['old_customs_name_zh', 'old_ciq_name_zh'],
    complete: true,
    asOf: '',
    source: `${DP} sheet 包装种类 in full (GJ 2018 has 13 of the 17); English names are our translation; search aliases: the 2018 customs and CIQ names from ${GJ} (纸箱, 木箱, 桶装, 托盘 …) and a few English words brokers say (carton, crate: ours); ${SOURCES}`,
  },
  {
    id: 'licence-doc-types',
    file: 'licence-document-types.csv',
    columns: keep('code', 'name_zh', 'applies_import', 'applies_export', 'other_names_zh'),
    complete: true,
    asOf: '',
    source: `CargoWise China reference data (55 监管证件 codes with import/export use) with VL, LC (2018) and JB; ${SOURCES}`,
  },
  {
    id: 'edoc-types',
    file: 'edoc-types.csv',
    columns: keep('code', 'name_zh', 'other_names_zh'),
    complete: false,
    asOf: '',
    source: `SWF (official 2018 format description, 12 codes) and VE (42 CIQ certificate codes, one source); ${SOURCES}`,
  },
  {
    id: 'goods-attributes',
    file: 'goods-attributes.csv',
    columns: keep('code', 'name_zh'),
    complete: false,
    asOf: '',
    source: `JB (generated dictionary SQL, one source: verify); ${SOURCES}`,
  },
  {
    id: 'use-codes',
    file: 'use-codes.csv',
    columns: keep('code', 'name_zh'),
    complete: true,
    asOf: '',
    source: `CE (2018) and JB, identical: the customs 用途 table of DecList/UseTo; ${SOURCES}`,
  },
  {
    id: 'preferential-trade-agreements',
    file: 'preferential-trade-agreements.csv',
    columns: keep('code', 'name_zh'),
    complete: false,
    asOf: OFFICIAL_2018,
    source: `SPEC (2018 填制规范): agreements concluded later (e.g. RCEP) are missing; ${SOURCES}`,
  },
  {
    id: 'tariff',
    file: 'tariff-full.csv',
    columns: [
      ['code', 'code'],
      ['name_zh', 'name_zh'],
      ['unit1', 'first_unit'],
      ['unit2', 'second_unit'],
      ['declaration_elements', 'declaration_elements'],
      ['supervision_conditions', 'supervision_conditions'],
      ['inspection_categories', 'inspection_categories'],
      ['mfn_rate', 'mfn_rate'],
      ['provisional_rate', 'provisional_rate'],
      ['general_rate', 'general_rate'],
      ['consumption_tax', 'consumption_tax'],
      ['vat_rate', 'vat_rate'],
      ['export_duty_rate', 'export_duty_rate'],
      ['export_provisional_rate', 'export_provisional_rate'],
      ['export_rebate_rate', 'export_rebate_rate'],
      ['note_zh', 'note_zh'],
    ],
    complete: true,
    // The workbook was last modified on 2026-08-01 (SOURCES.md, tariff-full.csv).
    asOf: '2026-08-01',
    source: `HC: a broker’s compiled 2026 tariff (Hdycz0921/hscode-data 最新税则.xlsx, blob 58d3cf52), 12,030 ten-digit codes with legal units, 监管条件, 检验检疫类别, 申报要素 (renumbered from 0) and rates — not an official GACC file: check rates against the official 2026 《进出口税则》 before trusting a duty figure; ${SOURCES}`,
  },
];

/** The rows of a handbook table, with our column names, in the file's order. */
export function readHandbookTable(spec: HandbookTable): Row[] {
  const file = path.join(codeTablesDir, spec.file);
  if (!fs.existsSync(file))
    throw new Error(`The handbook's ${spec.file} is missing from ${codeTablesDir} (set SWDESK_DOMAIN_DIR)`);
  const [header = [], ...records] = parseCsv(fs.readFileSync(file, 'utf8'));
  const at = new Map(header.map((h, i) => [h, i]));
  for (const from of [...spec.columns.map(([column]) => column), ...(spec.aliasesFrom ?? [])])
    if (!at.has(from)) throw new Error(`${spec.file} has no column "${from}" (the generator expects it)`);
  const rows: Row[] = [];
  for (const record of records) {
    const source: Row = Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()]));
    if (spec.skip?.(source)) continue;
    const row: Row = Object.fromEntries(spec.columns.map(([from, to]) => [to, source[from] ?? '']));
    if (spec.aliasesFrom)
      row.aliases = formerNames(
        spec.aliasesFrom.map((column) => source[column] ?? ''),
        row,
      );
    rows.push(row);
  }
  return rows;
}

/** A former name that says nothing of the code: the 2018 tables' catch-all 其它 stood for several. */
const CATCH_ALL = new Set(['其它', '其他']);

/** A row's former names as search aliases: each once, none that is its name now or a bare catch-all. */
function formerNames(names: readonly string[], row: Row): string {
  const kept = names.filter((name) => name !== '' && name !== row.name_zh && !CATCH_ALL.has(name));
  return [...new Set(kept)].join(';');
}

/** A handbook file's rows by code, with the columns asked for (for a table built from a package). */
export function handbookRows(file: string, ...columns: string[]): Map<string, Row> {
  const spec: HandbookTable = {
    id: file,
    file,
    columns: keep('code', ...columns),
    complete: false,
    asOf: '',
    source: '',
  };
  return new Map(readHandbookTable(spec).map((r) => [r.code ?? '', r]));
}
