// A CodeLookup over the handbook's copies of the official tables, read at run time, for tests
// and benchmarks of the checks (shared/validation) without a database.
import fs from 'node:fs';
import { builtinFileReader } from '../main/core/code-tables/builtin-files';
import { loadBuiltinTables } from '../shared/code-tables/builtin';
import { parseCsv } from '../shared/code-tables/csv';
import type { LoadedCodeTable } from '../shared/code-tables/memory-lookup';
import { createMemoryCodeLookup } from '../shared/code-tables/memory-lookup';
import { normalizeTable } from '../shared/code-tables/normalize';
import { codeTableFile, domainTableFiles } from './domain-data';

/** The rows of one official table copy, normalized as an import would. */
export function readDomainTable(table: string): LoadedCodeTable {
  const file = domainTableFiles[table];
  if (!file) throw new Error(`No domain copy for ${table}`);
  const normalized = normalizeTable(table, parseCsv(fs.readFileSync(codeTableFile(file), 'utf8')));
  if (normalized.problems.length > 0) throw new Error(`${file}: ${normalized.problems[0]?.message ?? ''}`);
  return { id: table, complete: true, rows: normalized.rows };
}

/** Built-in tables, overlaid by the official copies of `tables` (all by default). */
export function domainCodeLookup(tables: readonly string[] = Object.keys(domainTableFiles)) {
  const loaded = new Map<string, LoadedCodeTable>(loadBuiltinTables(builtinFileReader()).map((t) => [t.id, t]));
  for (const table of tables) loaded.set(table, readDomainTable(table));
  return createMemoryCodeLookup(loaded.values());
}
