import { createHash } from 'node:crypto';
import { AppError, reasonIssue } from '../../../shared/api/errors';
import type { CodeRow, NormalizedTable, RowProblem } from '../../../shared/code-tables/normalize';
import { describeProblems, normalizeRecords, normalizeTable } from '../../../shared/code-tables/normalize';
import { findCodeTable } from '../../../shared/code-tables/tables';
import type { EventSink } from '../context';
import type { TableFileInput } from './read-file';
import { readTableFile } from './read-file';
import type { CodeTableStore } from './store';
import { rowsDigest } from './store';

/** A report lists this many problems; `problemCount` says how many there were. */
const MAX_LISTED = 200;
/** Rows shown in a preview. */
const SAMPLE_ROWS = 8;

export interface TableDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface ImportPreview {
  table: string;
  fileName: string;
  rowCount: number;
  /** The columns as the product names them (code, name_zh, first_unit …). */
  columns: string[];
  sample: CodeRow[];
  problems: RowProblem[];
  problemCount: number;
  /** Against the table in use now. */
  diff: TableDiff;
  current: { version: string | null; origin: string | null; rowCount: number };
}

export interface ImportResult {
  table: string;
  version: string;
  rowCount: number;
  changed: boolean;
  diff: TableDiff;
}

export function mustBeTable(table: string, path = 'table'): void {
  if (!findCodeTable(table))
    throw new AppError('codetables.unknown-table', { table }, [
      reasonIssue(path, 'codetables.unknown-table', { table }),
    ]);
}

/** What an import would do to the table in use: rows added, removed, changed (by code). */
function diffOf(store: CodeTableStore, table: string, rows: readonly CodeRow[]): TableDiff {
  const current = store.table(table);
  const diff: TableDiff = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row.code ?? '';
    seen.add(code);
    const before = current?.get(code);
    if (!before) diff.added++;
    else if (sameRow(before, row)) diff.unchanged++;
    else diff.changed++;
  }
  for (const row of current?.rows() ?? []) if (!seen.has(row.code ?? '')) diff.removed++;
  return diff;
}

/** Whether two rows hold the same values (the pickers' `initials` aside; empty and missing alike). */
function sameRow(a: Readonly<CodeRow>, b: Readonly<CodeRow>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('initials');
  for (const key of keys) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
  return true;
}

/** A refused file: the reason names the file, each problem is an issue the renderer words (codetables.row.*). */
function refusal(name: string, table: string, problems: readonly RowProblem[]): AppError {
  return new AppError(
    'codetables.not-imported',
    { file: name, table, count: problems.length },
    problems.slice(0, 100).map((p) => ({
      path: p.line > 0 ? `line ${p.line}${p.column ? `.${p.column}` : ''}` : 'file',
      code: `codetables.row.${p.code}`,
      message: p.line > 0 ? `line ${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}` : p.message,
      params: { ...p.params, line: p.line, ...(p.column ? { column: p.column } : {}) },
    })),
  );
}

/**
 * Official parameter files into the app, and the hub's tables: a preview (what the file holds,
 * each problem with its line and column, what would change), then the import of the whole file or
 * nothing; a table received from the hub; removing an imported table so the built-in one answers
 * again. Every change is announced with `codes.changed`, so windows reload the table and check
 * the open declarations again.
 */
export function createTableImports(deps: { store: CodeTableStore; events?: EventSink; now?: () => Date }) {
  const { store } = deps;
  const today = () => (deps.now?.() ?? new Date()).toISOString().slice(0, 10);

  // The preview and the import read the same upload: the last file read is kept for the other.
  let lastRead: { key: string; name: string; normalized: NormalizedTable } | null = null;
  async function read(input: { table: string } & TableFileInput) {
    const key =
      'path' in input
        ? `path:${input.path}`
        : `content:${createHash('sha256').update(input.content).digest('hex')}:${input.fileName}`;
    if (lastRead && lastRead.key === `${input.table}|${key}` && !('path' in input)) return lastRead;
    const { records, name } = await readTableFile(input);
    lastRead = { key: `${input.table}|${key}`, name, normalized: normalizeTable(input.table, records) };
    return lastRead;
  }

  function announce(table: string): void {
    deps.events?.emit('codes.changed', { tables: [table] });
  }

  function install(
    table: string,
    normalized: NormalizedTable,
    how: { origin: 'import' | 'hub'; complete: boolean; source: string; version?: string },
  ): ImportResult {
    const diff = diffOf(store, table, normalized.rows);
    // An imported table's version names its content: the import date and the rows' digest.
    const version = how.version ?? `${today()}-${rowsDigest(normalized.rows).slice(0, 12)}`;
    const { changed } = store.install({
      id: table,
      version,
      origin: how.origin,
      complete: how.complete,
      source: how.source,
      asOf: today(),
      columns: normalized.columns,
      rows: normalized.rows,
    });
    if (changed) announce(table);
    return { table, version, rowCount: normalized.rows.length, changed, diff };
  }

  return {
    /** What importing the file would do, without changing anything. */
    async preview(input: { table: string } & TableFileInput): Promise<ImportPreview> {
      mustBeTable(input.table);
      const { name, normalized } = await read(input);
      const current = store.info(input.table);
      return {
        table: input.table,
        fileName: name,
        rowCount: normalized.rows.length,
        columns: normalized.columns,
        sample: normalized.rows.slice(0, SAMPLE_ROWS),
        problems: normalized.problems.slice(0, MAX_LISTED),
        problemCount: normalized.problems.length,
        diff: diffOf(store, input.table, normalized.rows),
        current: { version: current.version, origin: current.origin, rowCount: current.rowCount },
      };
    },

    /**
     * Imports an official parameter file (CSV/XLSX) as the table's whole content. Any problem —
     * no code column, an empty code or name, a repeated code, a malformed tariff line — refuses
     * the file, naming the lines, and leaves the table as it was.
     */
    async importFile(input: { table: string; complete?: boolean } & TableFileInput): Promise<ImportResult> {
      mustBeTable(input.table);
      const { name, normalized } = await read(input);
      if (normalized.problems.length > 0) throw refusal(name, input.table, normalized.problems);
      return install(input.table, normalized, { origin: 'import', complete: input.complete ?? true, source: name });
    },

    /** Installs a table the hub sent (GET /v1/code-tables/:id); the hub's tables are official and complete. */
    installFromHub(table: { id: string; version: number; rows: readonly Record<string, string>[] }): ImportResult {
      mustBeTable(table.id, 'id');
      const normalized = normalizeRecords(table.id, table.rows);
      if (normalized.problems.length > 0)
        throw new AppError('codetables.hub-table-bad', {
          table: table.id,
          version: table.version,
          count: normalized.problems.length,
          detail: describeProblems(normalized.problems, 5),
        });
      return install(table.id, normalized, {
        origin: 'hub',
        complete: true,
        source: `hub v${table.version}`,
        version: `hub-${table.version}`,
      });
    },

    /** Removes an imported table: the built-in one (when the product ships one) answers again. */
    remove(table: string): { removed: boolean } {
      mustBeTable(table);
      if (store.info(table).origin !== 'import')
        throw new AppError('codetables.not-removable', { table }, [
          reasonIssue('table', 'codetables.not-removable', { table }),
        ]);
      const removed = store.remove(table);
      if (removed) announce(table);
      return { removed };
    },
  };
}
