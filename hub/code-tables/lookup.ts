import type { LoadedCodeTable } from '../../shared/code-tables/memory-lookup';
import { createMemoryCodeLookup } from '../../shared/code-tables/memory-lookup';
import type { CodeLookup } from '../../shared/validation';
import type { HubStore } from '../store/types';
import { readBuiltinTables } from './builtin-files';

/**
 * The validation engine's code lookup at the hub: the product's built-in
 * tables (shared/code-tables, complete or partial as shipped) overlaid by the
 * official tables imported into the hub, which are complete. A table neither
 * ships nor was imported answers "unknown" and is not checked — the same rule
 * the client applies, so the authority is never laxer than the client. The
 * lookup is rebuilt when an import (possibly by the CLI in another process)
 * changes the tables.
 */
export function createCodeLookupCache(store: HubStore): { current(): Promise<CodeLookup> } {
  let stamp = -1;
  let lookup: CodeLookup | null = null;
  let loading: Promise<CodeLookup> | null = null;

  // The built-in tables are read once (the tariff is 4 MB); imports replace tables over them.
  let builtins: LoadedCodeTable[] | null = null;

  async function load(next: number): Promise<CodeLookup> {
    builtins ??= readBuiltinTables();
    const tables = new Map<string, LoadedCodeTable>(builtins.map((t) => [t.id, t]));
    for (const table of await store.latestCodeTableRows())
      tables.set(table.id, { id: table.id, complete: true, rows: table.rows });
    stamp = next;
    lookup = createMemoryCodeLookup(tables.values());
    return lookup;
  }

  return {
    async current() {
      const next = await store.codeTablesStamp();
      if (lookup && next === stamp) return lookup;
      loading ??= load(next).finally(() => {
        loading = null;
      });
      return loading;
    },
  };
}
