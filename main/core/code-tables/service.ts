import { AppError, reasonIssue } from '../../../shared/api/errors';
import type { CodeRow } from '../../../shared/code-tables/normalize';
import { describeProblems, normalizeRecords, normalizeTable } from '../../../shared/code-tables/normalize';
import type { SearchHit } from '../../../shared/code-tables/search';
import { findCodeTable } from '../../../shared/code-tables/tables';
import { codeValidity } from '../../../shared/code-tables/validity';
import { chinaDate } from '../../../shared/validation/china-date';
import type { TariffInfo } from '../../../shared/code-tables/tariff';
import { tariffInfoFromRow } from '../../../shared/code-tables/tariff';
import type { CodeLookup } from '../../../shared/validation/types';
import type { TableFileInput } from './read-file';
import { readTableFile } from './read-file';
import { createSqliteCodeLookup } from './sqlite-lookup';
import type { CodeTableStore, CodeTableSummary } from './store';
import { rowsDigest } from './store';

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

function mustBeTable(table: string, path = 'table'): void {
  if (!findCodeTable(table))
    throw new AppError('codetables.unknown-table', { table }, [
      reasonIssue(path, 'codetables.unknown-table', { table }),
    ]);
}

/**
 * What the app does with code tables, behind the contract methods codes.* and tariff.*:
 * list, search (pickers), get by code, hand small tables whole to the renderer for its
 * synchronous checks, look up tariff lines, and import an official parameter file.
 */
export function createCodeTableService(deps: { store: CodeTableStore; now?: () => Date }) {
  const { store } = deps;
  const lookup = createSqliteCodeLookup(store);

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
      const hits = found.map((hit): SearchHit => {
        const row = store.get(input.table, hit.code);
        const validity = row ? codeValidity(row, today) : null;
        return validity && validity.state !== 'current' ? { ...hit, validity: validity.state } : hit;
      });
      // Codes in force first, older ones after them, marked — except the code typed exactly,
      // which stays first so Enter picks what the broker typed.
      const order = (hit: SearchHit) => (hit.rank === 0 ? 0 : hit.validity ? 2 : 1);
      return hits
        .map((hit, i) => ({ hit, i }))
        .sort((a, b) => order(a.hit) - order(b.hit) || a.i - b.i)
        .map(({ hit }) => hit);
    },

    get(input: { table: string; code: string }): CodeRow | null {
      mustBeTable(input.table);
      return store.get(input.table, input.code);
    },

    /** Whole tables for the renderer's CodeLookup and local pickers (rows carry pinyin `initials`). */
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
          return { id, version: info.version, complete: info.complete, rows: store.rows(id) };
        }),
      };
    },

    tariff(code: string): TariffInfo | null {
      const row = store.get('tariff', code);
      return row ? tariffInfoFromRow(row) : null;
    },

    tariffMany(codes: readonly string[]): TariffInfo[] {
      const out: TariffInfo[] = [];
      for (const code of new Set(codes)) {
        const row = store.get('tariff', code);
        if (row) out.push(tariffInfoFromRow(row));
      }
      return out;
    },

    /**
     * Imports an official parameter file (CSV/XLSX) as the table's whole content. Any problem —
     * no code column, an empty code or name, a repeated code, a malformed tariff line — refuses
     * the file, naming the lines, and leaves the table as it was.
     */
    async importFile(
      input: { table: string; complete?: boolean } & TableFileInput,
    ): Promise<{ table: string; version: string; rowCount: number; changed: boolean }> {
      mustBeTable(input.table);
      const { records, name } = await readTableFile(input);
      const normalized = normalizeTable(input.table, records);
      if (normalized.problems.length > 0) {
        throw new AppError(
          'codetables.not-imported',
          { file: name, table: input.table, count: normalized.problems.length },
          normalized.problems
            .slice(0, 100)
            .map((p) =>
              reasonIssue(
                p.line > 0 ? `line ${p.line}${p.column ? `.${p.column}` : ''}` : 'file',
                'codetables.bad-row',
                { line: p.line, column: p.column ?? '', detail: p.message },
              ),
            ),
        );
      }
      return installRows(input.table, normalized.columns, normalized.rows, {
        origin: 'import',
        complete: input.complete ?? true,
        source: name,
      });
    },

    /** Installs a table the hub sent (GET /v1/code-tables/:id); the hub's tables are official and complete. */
    installFromHub(table: { id: string; version: number; rows: readonly Record<string, string>[] }): {
      table: string;
      version: string;
      rowCount: number;
      changed: boolean;
    } {
      mustBeTable(table.id, 'id');
      const normalized = normalizeRecords(table.id, table.rows);
      if (normalized.problems.length > 0)
        throw new AppError('codetables.hub-table-bad', {
          table: table.id,
          version: table.version,
          detail: describeProblems(normalized.problems),
        });
      return installRows(table.id, normalized.columns, normalized.rows, {
        origin: 'hub',
        complete: true,
        source: `hub v${table.version}`,
        version: `hub-${table.version}`,
      });
    },
  };

  function installRows(
    table: string,
    columns: readonly string[],
    rows: readonly CodeRow[],
    how: { origin: 'import' | 'hub'; complete: boolean; source: string; version?: string },
  ) {
    // An imported table's version names its content: the import date and the rows' digest.
    const stamp = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const version = how.version ?? `${stamp}-${rowsDigest(rows).slice(0, 12)}`;
    const { changed } = store.install({
      id: table,
      version,
      origin: how.origin,
      complete: how.complete,
      source: how.source,
      columns,
      rows,
    });
    return { table, version, rowCount: rows.length, changed };
  }
}

export type CodeTableService = ReturnType<typeof createCodeTableService>;
