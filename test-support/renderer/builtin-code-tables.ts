import type { ApiResult } from '../../shared/api';
import { checkCodeTablePackage, packageRows } from '../../shared/code-tables/package';
import { type CodeRow, codeTableDefs } from '../../shared/code-tables/tables';

/**
 * The desk's answers to 'codes.tables' and 'codes.snapshot' for built-in tables as the product ships them (the
 * package files of resources/code-tables, imported by the test), so that a renderer part on a fake bridge names
 * codes as the app does. `edit` changes each row, as a table imported or received from the hub would differ.
 */
export function builtinCodeTables(
  packages: readonly unknown[],
  edit: (row: CodeRow) => CodeRow = (row) => row,
): Record<string, () => ApiResult<unknown>> {
  const tables = packages.map((data) => {
    const table = checkCodeTablePackage(data);
    const def = codeTableDefs.find((t) => t.id === table.id);
    if (!def) throw new Error(`${table.id} is not a code table of the product`);
    return { table, def, rows: packageRows(table).map(edit) };
  });
  const summaries = tables.map(({ table, def, rows }) => ({
    ...def,
    version: table.version,
    origin: 'builtin' as const,
    complete: table.complete,
    rowCount: rows.length,
    source: table.source,
    asOf: table.asOf,
    updatedAt: null,
    builtinVersion: table.version,
  }));
  const snapshot = tables.map(({ table, rows }) => ({
    id: table.id,
    version: table.version,
    complete: table.complete,
    rows,
  }));
  return {
    'codes.tables': () => ({ ok: true, value: summaries }),
    'codes.snapshot': () => ({ ok: true, value: { tables: snapshot } }),
  };
}
