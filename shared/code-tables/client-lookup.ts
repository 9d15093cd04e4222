import type { CodeLookup } from '../validation/types';
import type { LoadedCodeTable } from './memory-lookup';
import { createMemoryCodeLookup } from './memory-lookup';
import type { TariffInfo } from './tariff';

export interface ClientTariff {
  /** Whether the installed tariff is the whole official table (codes.tables → tariff.complete). */
  complete: boolean;
  /** The codes asked for with tariff.getMany … */
  asked: Iterable<string>;
  /** … and the lines it returned. */
  found: readonly TariffInfo[];
}

/**
 * The renderer's synchronous CodeLookup: whole small tables from `codes.snapshot` (rows as they
 * come, with `complete`), and the tariff lines of the codes on the declaration from
 * `tariff.getMany`. A code that was asked for and not returned is missing when the tariff is
 * complete; a code not asked for yet is unknown (not judged) until its line has been fetched.
 */
export function createClientCodeLookup(input: {
  tables: readonly LoadedCodeTable[];
  tariff?: ClientTariff;
}): CodeLookup {
  const base = createMemoryCodeLookup(input.tables.filter((t) => t.id !== 'tariff'));
  // tariff.getMany answers a retired code with an entry naming its successors: not a tariff line.
  const entries = input.tariff?.found ?? [];
  const found = new Map(entries.filter((t) => !t.successors).map((t) => [t.code, t]));
  const retired = new Map(entries.flatMap((t) => (t.successors ? [[t.code, t.successors] as const] : [])));
  const asked = new Set(input.tariff?.asked ?? []);
  const complete = input.tariff?.complete ?? false;
  return {
    has(table, code) {
      if (table !== 'tariff') return base.has(table, code);
      if (found.has(code)) return true;
      return asked.has(code) && complete ? false : undefined;
    },
    tariff(code) {
      const info = found.get(code);
      if (info) return info;
      return asked.has(code) && complete ? null : undefined;
    },
    row: (table, code) => base.row?.(table, code),
    successors: (code) => retired.get(code),
  };
}
