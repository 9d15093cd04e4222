import type { CodeRow } from '../../../shared/code-tables/normalize';
import type { Db } from '../connection';

/** An imported or received code table as stored (code_tables); built-in tables are never stored. */
export interface StoredCodeTable {
  id: string;
  version: string;
  origin: 'import' | 'hub';
  complete: boolean;
  source: string;
  columns: string[];
  rowCount: number;
  sha256: string;
  /** The date of the data (yyyy-MM-dd), '' when its source states none. */
  asOf: string;
  updatedAt: string;
}

/** One row to store: its code and names for searching, its pinyin initials, and the whole row. */
export interface CodeRowToStore {
  code: string;
  nameZh: string;
  nameEn: string;
  initials: string;
  row: CodeRow;
}

interface TableRow {
  id: string;
  version: string;
  origin: 'import' | 'hub';
  complete: number;
  source: string;
  columns: string;
  row_count: number;
  sha256: string;
  as_of: string;
  updated_at: string;
}

/** The code tables imported from official files or received from the hub, and their rows (code_tables, code_rows). */
export function createCodeTablesRepo(db: Db) {
  const stmt = {
    table: db.prepare<[string], TableRow>(`SELECT * FROM code_tables WHERE id = ? AND origin <> 'builtin'`),
    upsertTable:
      db.prepare(`INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, as_of, updated_at)
      VALUES (@id, @version, @origin, @complete, @source, @columns, @row_count, @sha256, @as_of, @updated_at)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, origin = excluded.origin, complete = excluded.complete, source = excluded.source,
        columns = excluded.columns, row_count = excluded.row_count, sha256 = excluded.sha256, as_of = excluded.as_of,
        updated_at = excluded.updated_at`),
    deleteTable: db.prepare(`DELETE FROM code_tables WHERE id = ?`),
    deleteRows: db.prepare(`DELETE FROM code_rows WHERE tbl = ?`),
    insertRow: db.prepare(
      `INSERT INTO code_rows (tbl, code, name_zh, name_en, initials, data) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    rows: db.prepare<[string], { data: string; initials: string }>(
      `SELECT data, initials FROM code_rows WHERE tbl = ? ORDER BY code`,
    ),
  };

  // One transaction: a reader sees the old table or the new one, never half of either.
  const replace = db.transaction((table: Omit<StoredCodeTable, 'rowCount'>, rows: readonly CodeRowToStore[]) => {
    stmt.deleteRows.run(table.id);
    stmt.upsertTable.run({
      id: table.id,
      version: table.version,
      origin: table.origin,
      complete: table.complete ? 1 : 0,
      source: table.source,
      columns: JSON.stringify(table.columns),
      row_count: rows.length,
      sha256: table.sha256,
      as_of: table.asOf,
      updated_at: table.updatedAt,
    });
    for (const r of rows) stmt.insertRow.run(table.id, r.code, r.nameZh, r.nameEn, r.initials, JSON.stringify(r.row));
  });

  return {
    get(id: string): StoredCodeTable | undefined {
      const row = stmt.table.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        version: row.version,
        origin: row.origin,
        complete: row.complete === 1,
        source: row.source,
        columns: JSON.parse(row.columns) as string[],
        rowCount: row.row_count,
        sha256: row.sha256,
        asOf: row.as_of,
        updatedAt: row.updated_at,
      };
    },
    /** Replaces the table and all its rows. */
    replace(table: Omit<StoredCodeTable, 'rowCount'>, rows: readonly CodeRowToStore[]): void {
      replace(table, rows);
    },
    /** Removes the table (its rows follow it); false when there was none. */
    remove(id: string): boolean {
      return stmt.deleteTable.run(id).changes > 0;
    },
    /** The table's rows with their pinyin initials, in code order. */
    rows(id: string): CodeRow[] {
      return stmt.rows.all(id).map((r) => ({ ...(JSON.parse(r.data) as CodeRow), initials: r.initials }));
    },
  };
}

export type CodeTablesRepo = ReturnType<typeof createCodeTablesRepo>;
