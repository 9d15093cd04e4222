import type { CodeLookup } from '../validation/types';
import type { CodeRow } from './normalize';
import type { TariffInfo } from './tariff';
import { successorsOf, tariffInfoFromRow } from './tariff';

export interface LoadedCodeTable {
  id: string;
  /**
   * Whether the rows are the whole table (an official file, a complete built-in list). In a
   * partial table a missing code is "not known here" (undefined), not "wrong" (false).
   */
  complete: boolean;
  rows: readonly CodeRow[];
}

/**
 * A synchronous CodeLookup over tables held in memory: what the renderer builds from
 * `codes.snapshot` / `tariff.getMany`, what the hub builds from the tables it serves, and what
 * main's SQLite lookup caches. A table that is absent or empty answers undefined (not checked).
 */
export function createMemoryCodeLookup(tables: Iterable<LoadedCodeTable>): CodeLookup & { tableIds(): string[] } {
  const byTable = new Map<string, { complete: boolean; rows: Map<string, CodeRow> }>();
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    byTable.set(table.id, { complete: table.complete, rows: new Map(table.rows.map((r) => [r.code ?? '', r])) });
  }
  const tariffCache = new Map<string, TariffInfo>();
  return {
    has(table, code) {
      const t = byTable.get(table);
      if (!t) return undefined;
      if (t.rows.has(code)) return true;
      return t.complete ? false : undefined;
    },
    tariff(codeTs) {
      const t = byTable.get('tariff');
      if (!t) return undefined;
      let info = tariffCache.get(codeTs);
      if (!info) {
        const row = t.rows.get(codeTs);
        if (!row) return t.complete ? null : undefined;
        info = tariffInfoFromRow(row);
        tariffCache.set(codeTs, info);
      }
      return info;
    },
    row(table, code) {
      return byTable.get(table)?.rows.get(code);
    },
    successors(codeTs) {
      const tariff = byTable.get('tariff')?.rows;
      return successorsOf(byTable.get('tariff-changes')?.rows.get(codeTs), (c) => tariff?.get(c)?.name_zh);
    },
    tableIds() {
      return [...byTable.keys()];
    },
  };
}
