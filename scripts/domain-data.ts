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
  if (!fs.existsSync(file)) throw new Error(`Domain data file ${file} is missing (set SWDESK_DOMAIN_DIR to the handbook's domain folder)`);
  return file;
}

export function codeTableFile(name: string): string {
  return domainFile('code-tables', name);
}

export function readDomainText(...parts: string[]): string {
  return fs.readFileSync(domainFile(...parts), 'utf8');
}
