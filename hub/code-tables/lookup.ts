import type { LoadedCodeTable } from '../../shared/code-tables/memory-lookup';
import { createMemoryCodeLookup } from '../../shared/code-tables/memory-lookup';
import { builtinManifest } from '../../shared/code-tables/builtin';
import { taxTablesFromRows } from '../../shared/taxes/tables';
import type { RateSource, TaxTables } from '../../shared/taxes/types';
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
export function createCodeLookupCache(store: HubStore): {
  current(): Promise<CodeLookup>;
  taxes(): Promise<TaxTables>;
} {
  let stamp = -1;
  let lookup: CodeLookup | null = null;
  let taxTables: TaxTables | null = null;
  let loading: Promise<CodeLookup> | null = null;

  // The built-in tables are read once (the tariff is 4 MB); imports replace tables over them.
  let builtins: LoadedCodeTable[] | null = null;

  async function load(next: number): Promise<CodeLookup> {
    builtins ??= readBuiltinTables();
    const tables = new Map<string, LoadedCodeTable>(builtins.map((t) => [t.id, t]));
    for (const table of await store.latestCodeTableRows())
      tables.set(table.id, { id: table.id, complete: true, rows: table.rows });
    // The 税费单's tables name their version and date: an imported table its hub version and import day,
    // a built-in one the version and date it shipped with.
    const imported = new Map((await store.listCodeTables()).map((t) => [t.id, t]));
    const sourceOf = (id: string): RateSource => {
      const info = imported.get(id);
      if (info) return { table: id, version: String(info.version), asOf: info.importedAt.slice(0, 10) };
      const shipped = builtinManifest.find((t) => t.id === id);
      return { table: id, version: shipped?.version ?? '', asOf: shipped?.asOf ?? '' };
    };
    const tariffRows = new Map((tables.get('tariff')?.rows ?? []).map((r) => [r.code ?? '', r]));
    stamp = next;
    lookup = createMemoryCodeLookup(tables.values());
    taxTables = taxTablesFromRows({
      tariffRow: (code) => tariffRows.get(code),
      tariffSource: sourceOf('tariff'),
      exchangeRows: tables.get('exchange-rates')?.rows ?? [],
      exchangeSource: sourceOf('exchange-rates'),
    });
    return lookup;
  }

  async function current(): Promise<CodeLookup> {
    const next = await store.codeTablesStamp();
    if (lookup && next === stamp) return lookup;
    loading ??= load(next).finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    current,
    /** The duty tables (tariff rates, 计征汇率) the hub serves now, for the 税费单. */
    async taxes() {
      await current();
      if (!taxTables) throw new Error('The code tables were not loaded');
      return taxTables;
    },
  };
}
