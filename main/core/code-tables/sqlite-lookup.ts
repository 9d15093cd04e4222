import type { LoadedCodeTable } from '../../../shared/code-tables/memory-lookup';
import { createMemoryCodeLookup } from '../../../shared/code-tables/memory-lookup';
import type { CodeLookup } from '../../../shared/validation/types';
import type { CodeTableStore } from './store';

/**
 * The CodeLookup main validates with (before signing, in the CLI): synchronous answers from an
 * in-memory copy of the tables, loaded from SQLite on first use and reloaded after any table
 * changes (an import, a hub update), so a lookup never queries the database per field.
 */
export function createSqliteCodeLookup(store: CodeTableStore): CodeLookup {
  let loadedAt = -1;
  let lookup: CodeLookup = createMemoryCodeLookup([]);
  function current(): CodeLookup {
    if (loadedAt !== store.generation()) {
      const tables: LoadedCodeTable[] = store
        .list()
        .filter((t) => t.rowCount > 0)
        .map((t) => ({ id: t.id, complete: t.complete, rows: store.rows(t.id) }));
      lookup = createMemoryCodeLookup(tables);
      loadedAt = store.generation();
    }
    return lookup;
  }
  return {
    has: (table, code) => current().has(table, code),
    tariff: (codeTs) => current().tariff?.(codeTs),
    row: (table, code) => current().row?.(table, code),
  };
}
