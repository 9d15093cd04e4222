import type { TariffInfo } from '../../../shared/code-tables/tariff';
import { successorsOf, tariffInfoFromRow } from '../../../shared/code-tables/tariff';
import type { CodeLookup } from '../../../shared/validation/types';
import type { CodeTableStore } from './store';

/**
 * The CodeLookup main validates with (before signing, in the CLI): synchronous answers from the
 * store's in-memory tables (each loaded on first use, built-in ones from their files, imported
 * ones from SQLite, and reloaded after a change), so a lookup never queries the database per field.
 * A table that is absent or empty answers undefined (not checked); a partial one answers
 * undefined for a code it lacks.
 */
export function createSqliteCodeLookup(store: CodeTableStore): CodeLookup {
  let at = -1;
  let complete = new Map<string, boolean>();
  const tariffs = new Map<string, TariffInfo>();
  function isComplete(table: string): boolean {
    if (at !== store.generation()) {
      complete = new Map();
      tariffs.clear();
      at = store.generation();
    }
    let value = complete.get(table);
    if (value === undefined) {
      value = store.info(table).complete;
      complete.set(table, value);
    }
    return value;
  }
  return {
    has(table, code) {
      const t = store.table(table);
      if (!t || t.size === 0) return undefined;
      if (t.get(code)) return true;
      return isComplete(table) ? false : undefined;
    },
    tariff(codeTs) {
      const t = store.table('tariff');
      if (!t || t.size === 0) return undefined;
      const full = isComplete('tariff');
      let info = tariffs.get(codeTs);
      if (!info) {
        const row = t.get(codeTs);
        if (!row) return full ? null : undefined;
        info = tariffInfoFromRow(row);
        tariffs.set(codeTs, info);
      }
      return info;
    },
    row: (table, code) => store.table(table)?.get(code),
    successors: (codeTs) =>
      successorsOf(store.get('tariff-changes', codeTs) ?? undefined, (c) => store.get('tariff', c)?.name_zh),
  };
}
