import { builtinManifest } from './builtin-manifest';
import type { BuiltinTableInfo } from './builtin-manifest';
import type { LoadedCodeTable } from './memory-lookup';
import type { CodeTablePackage } from './package';
import { checkCodeTablePackage, packageRows } from './package';

export type { BuiltinTableInfo };
export { builtinManifest };

/**
 * The code tables the product ships (resources/code-tables, sources in resources/SOURCES.md). The
 * manifest (id, version, date, completeness, row count) is compiled in; the rows stay in their
 * files until a table is installed or loaded, so starting the app never parses the tariff. Each
 * platform reads the files its own way: `read(file)` returns a file's text (main/core/code-tables/
 * builtin-files.ts, hub/code-tables/builtin-files.ts).
 */
export function readBuiltinPackage(info: BuiltinTableInfo, read: (file: string) => string): CodeTablePackage {
  let data: unknown;
  try {
    data = JSON.parse(read(info.file));
  } catch (error) {
    throw new Error(
      `The built-in code table ${info.id} (${info.file}) cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const p = checkCodeTablePackage(data);
  if (p.id !== info.id || p.version !== info.version || p.rows.length !== info.rowCount)
    throw new Error(
      `The built-in code table ${info.file} is ${p.id} ${p.version} with ${p.rows.length} rows; this build expects ${info.id} ${info.version} with ${info.rowCount}`,
    );
  return p;
}

/** Every built-in table loaded whole, for a lookup held in memory (the hub, the CLI, tests). */
export function loadBuiltinTables(read: (file: string) => string): LoadedCodeTable[] {
  return builtinManifest.map((info) => {
    const p = readBuiltinPackage(info, read);
    return { id: p.id, complete: p.complete, rows: packageRows(p) };
  });
}
