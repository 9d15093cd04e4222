// Where tests, benchmarks and e2e runs find the handbook's customs data at run time: the
// third-party code tables and the DecMessage field list in ../shared/domain. They are read from
// there and never copied into the repository (../shared/domain/README.md). SWDESK_DOMAIN_DIR
// overrides the location.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const domainDir = process.env.SWDESK_DOMAIN_DIR ?? path.resolve(repoRoot, '../shared/domain');
export const codeTablesDir = path.join(domainDir, 'code-tables');

export function domainFile(...parts: string[]): string {
  const file = path.join(domainDir, ...parts);
  if (!fs.existsSync(file))
    throw new Error(`Domain data file ${file} is missing (set SWDESK_DOMAIN_DIR to the handbook's domain folder)`);
  return file;
}

export function codeTableFile(name: string): string {
  return domainFile('code-tables', name);
}

export function readDomainText(...parts: string[]): string {
  return fs.readFileSync(domainFile(...parts), 'utf8');
}

/** Our code-table id → the handbook's copy of the official table. */
export const domainTableFiles: Record<string, string> = {
  'customs-districts': 'customs-districts.csv',
  ports: 'ports.csv',
  countries: 'countries.csv',
  'domestic-districts': 'domestic-districts.csv',
  'admin-divisions': 'administrative-divisions.csv',
  'entry-exit-ports': 'entry-exit-ports.csv',
  units: 'units.csv',
  'trade-modes': 'trade-modes.csv',
  'levy-natures': 'levy-natures.csv',
  'duty-modes': 'duty-modes.csv',
  'transport-modes': 'transport-modes.csv',
  'transaction-methods': 'transaction-methods.csv',
  'packaging-types': 'packaging-types.csv',
  currencies: 'currencies.csv',
  'container-specs': 'container-specs.csv',
  'edoc-types': 'edoc-types.csv',
  'licence-doc-types': 'licence-document-types.csv',
  'use-codes': 'use-codes.csv',
  tariff: 'hs-sample.csv',
};
