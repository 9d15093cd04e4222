import type { CodeLookup } from '../../shared/validation';
import type { HubStore } from '../store/types';

/**
 * The validation engine's code-table membership check, backed by the latest
 * imported version of each table. A table that was never imported answers
 * "unknown" (undefined), so the engine skips that check rather than refusing
 * every code. Reloaded when an import (possibly by the CLI in another process)
 * changes the tables.
 */
export function createCodeLookupCache(store: HubStore): { current(): Promise<CodeLookup> } {
  let stamp = -1;
  let lookup: CodeLookup = { has: () => undefined };
  let loading: Promise<CodeLookup> | null = null;

  async function load(next: number): Promise<CodeLookup> {
    const sets = await store.codeSets();
    stamp = next;
    lookup = { has: (table, code) => sets.get(table)?.has(code) };
    return lookup;
  }

  return {
    async current() {
      const next = await store.codeTablesStamp();
      if (next === stamp) return lookup;
      loading ??= load(next).finally(() => {
        loading = null;
      });
      return loading;
    },
  };
}
