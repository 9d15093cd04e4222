import { AppError, reasonIssue } from '../../../shared/api/errors';
import type { CodeRow } from '../../../shared/code-tables/normalize';
import { orderByValidity, type SearchHit } from '../../../shared/code-tables/search';
import { chinaDate } from '../../../shared/validation/china-date';
import type { TariffInfo } from '../../../shared/code-tables/tariff';
import { retiredTariffInfo, successorsOf, tariffInfoFromRow } from '../../../shared/code-tables/tariff';
import type { CodeLookup } from '../../../shared/validation/types';
import type { EventSink } from '../context';
import { createSqliteCodeLookup } from './sqlite-lookup';
import type { CodeTableStore, CodeTableSummary } from './store';
import { createTableImports, mustBeTable } from './table-import';

/** The row columns codeValidity reads (normalize.ts maps the official headers to them). */
const VALIDITY_COLUMNS = new Set(['status', 'valid_from', 'valid_to']);

/** Tables larger than this are not sent whole (the tariff is looked up by code instead). */
export const SNAPSHOT_MAX_ROWS = 20_000;

export interface SnapshotTable {
  id: string;
  version: string | null;
  complete: boolean;
  rows: CodeRow[];
}

/**
 * The columns a window's checks and code names read (validity.ts, rules-licences.ts, use-codes.ts), the pinyin
 * initials and search aliases its pickers search the small tables by (renderer/api/code-tables.ts), and the
 * exchange-rates table's rate and month, which the duty estimate converts with (renderer/api/taxes.ts).
 */
const SNAPSHOT_COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'initials',
  'aliases',
  'status',
  'valid_from',
  'valid_to',
  'applies_import',
  'applies_export',
  'rate',
  'month',
];

function snapshotRow(row: Readonly<CodeRow>): CodeRow {
  const out: CodeRow = {};
  for (const column of SNAPSHOT_COLUMNS) {
    const value = row[column];
    if (value !== undefined && value !== '') out[column] = value;
  }
  return out;
}

/**
 * What the app does with code tables, behind the contract methods codes.* and tariff.*:
 * list, search (pickers), get by code, hand small tables whole to the renderer for its
 * synchronous checks, look up tariff lines, and import an official parameter file.
 */
export function createCodeTableService(deps: { store: CodeTableStore; now?: () => Date; events?: EventSink }) {
  const { store } = deps;
  const lookup = createSqliteCodeLookup(store);
  const imports = createTableImports(deps);

  return {
    /** The CodeLookup for validation in main (declare, CLI). */
    lookup(): CodeLookup {
      return lookup;
    },

    tables(): CodeTableSummary[] {
      return store.list();
    },

    search(input: { table: string; query: string; limit: number }): SearchHit[] {
      mustBeTable(input.table);
      const found = store.search(input.table, input.query, input.limit);
      // Only a table whose file carried dates or a status can hold codes out of force.
      if (!store.columns(input.table).some((c) => VALIDITY_COLUMNS.has(c))) return found;
      const today = chinaDate((deps.now?.() ?? new Date()).getTime());
      return orderByValidity(found, (code) => store.get(input.table, code), today);
    },

    get(input: { table: string; code: string }): CodeRow | null {
      mustBeTable(input.table);
      return store.get(input.table, input.code);
    },

    /**
     * Whole tables for the renderer's CodeLookup, with only the columns its checks and names read
     * (the ports table's other columns would triple what a window loads).
     */
    snapshot(input: { tables: readonly string[] }): { tables: SnapshotTable[] } {
      return {
        tables: input.tables.map((id, i) => {
          mustBeTable(id, `tables.${i}`);
          const info = store.info(id);
          if (id === 'tariff' || info.rowCount > SNAPSHOT_MAX_ROWS) {
            const params = { table: id, rows: info.rowCount };
            throw new AppError('codetables.too-large-to-send', params, [
              reasonIssue(`tables.${i}`, 'codetables.too-large-to-send', params),
            ]);
          }
          return { id, version: info.version, complete: info.complete, rows: store.rows(id).map(snapshotRow) };
        }),
      };
    },

    tariff(code: string): TariffInfo | null {
      const row = store.get('tariff', code);
      return row ? tariffInfoFromRow(row) : null;
    },

    /** The tariff lines of `codes`, and for a code the tariff retired, an entry naming its successors. */
    tariffMany(codes: readonly string[]): TariffInfo[] {
      const out: TariffInfo[] = [];
      for (const code of new Set(codes)) {
        const row = store.get('tariff', code);
        if (row) {
          out.push(tariffInfoFromRow(row));
          continue;
        }
        const change = store.get('tariff-changes', code) ?? undefined;
        const successors = successorsOf(change, (c) => store.get('tariff', c)?.name_zh);
        if (successors) out.push(retiredTariffInfo(code, change?.name_zh ?? '', successors));
      }
      return out;
    },

    ...imports,
  };
}

export type CodeTableService = ReturnType<typeof createCodeTableService>;
