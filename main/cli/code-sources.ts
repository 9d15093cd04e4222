import fs from 'node:fs';
import path from 'node:path';
import { loadBuiltinTables } from '../../shared/code-tables/builtin';
import type { LoadedCodeTable } from '../../shared/code-tables/memory-lookup';
import { createMemoryCodeLookup } from '../../shared/code-tables/memory-lookup';
import { describeProblems, normalizeTable } from '../../shared/code-tables/normalize';
import { tableIdForFileName } from '../../shared/code-tables/tables';
import type { CodeLookup } from '../../shared/validation';
import { openDatabase } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { builtinFileReader } from '../core/code-tables/builtin-files';
import { createSqliteCodeLookup } from '../core/code-tables/sqlite-lookup';
import { createCodeTableStore } from '../core/code-tables/store';
import { readTableFile } from '../core/code-tables/read-file';
import { CliError } from './io';

function builtins(): Map<string, LoadedCodeTable> {
  return new Map(loadBuiltinTables(builtinFileReader()).map((t) => [t.id, t]));
}

/** Built-in tables overlaid by every parameter file in `dir` whose name names a table. */
export async function lookupFromDirectory(dir: string): Promise<{ lookup: CodeLookup; tables: string[] }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new CliError(`Cannot read the code-table folder ${dir}`);
  }
  const tables = builtins();
  const loaded: string[] = [];
  for (const name of names.sort()) {
    const ext = path.extname(name).toLowerCase();
    const table = tableIdForFileName(name);
    if (!table || (ext !== '.csv' && ext !== '.xlsx')) continue;
    const { records } = await readTableFile({ path: path.join(dir, name) });
    const normalized = normalizeTable(table, records);
    if (normalized.problems.length > 0)
      throw new CliError(`${name} cannot be used as ${table}:\n${describeProblems(normalized.problems, 5)}`);
    tables.set(table, { id: table, complete: true, rows: normalized.rows });
    loaded.push(table);
  }
  return { lookup: createMemoryCodeLookup(tables.values()), tables: loaded };
}

/** The code tables of the app's database in `dataDir` (read only). */
export function lookupFromDatabase(dataDir: string): { lookup: CodeLookup; close(): void } {
  const file = path.join(dataDir, 'swdesk.sqlite');
  if (!fs.existsSync(file)) throw new CliError(`There is no SW Desk database in ${dataDir}`);
  const db = openDatabase(file, { readonly: true });
  if (schemaVersion(db) < 2) {
    db.close();
    throw new CliError(`The database in ${dataDir} has no code tables yet (open it once with this version of SW Desk)`);
  }
  return { lookup: createSqliteCodeLookup(createCodeTableStore(db)), close: () => db.close() };
}

/** Only the built-in tables (what a fresh installation has). */
export function builtinLookup(): CodeLookup {
  return createMemoryCodeLookup(builtins().values());
}
