import type { CodeTable, CodeTableInfo } from '../../../shared/protocol';
import type { HubStoreCodeTables } from '../types';
import type { HubDb } from './connection';

interface VersionRow {
  pk: number;
  table_id: string;
  version: number;
  sha256: string;
  columns: string;
  row_count: number;
  source: string;
  imported_at: string;
}

function toInfo(row: VersionRow): CodeTableInfo {
  return {
    id: row.table_id,
    version: row.version,
    sha256: row.sha256,
    rowCount: row.row_count,
    columns: JSON.parse(row.columns) as string[],
    importedAt: row.imported_at,
    source: row.source,
  };
}

const versionColumns = 'pk, table_id, version, sha256, columns, row_count, source, imported_at';

export function sqliteCodeTables(db: HubDb): HubStoreCodeTables {
  const latestOf = db.prepare<[string], VersionRow>(
    `SELECT ${versionColumns} FROM code_table_versions WHERE table_id = ? ORDER BY version DESC LIMIT 1`,
  );
  const versionOf = db.prepare<[string, number], VersionRow>(
    `SELECT ${versionColumns} FROM code_table_versions WHERE table_id = ? AND version = ?`,
  );
  const latestAll = db.prepare<[], VersionRow>(`
    SELECT ${versionColumns} FROM code_table_versions v
    WHERE version = (SELECT max(version) FROM code_table_versions w WHERE w.table_id = v.table_id)
    ORDER BY table_id`);
  const insertVersion = db.prepare(
    'INSERT INTO code_table_versions (table_id, version, sha256, columns, row_count, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRow = db.prepare('INSERT INTO code_table_rows (version_pk, ord, code, data) VALUES (?, ?, ?, ?)');
  const selectRows = db.prepare<[number], { data: string }>(
    'SELECT data FROM code_table_rows WHERE version_pk = ? ORDER BY ord',
  );
  const selectStamp = db.prepare<[], number | null>('SELECT max(pk) FROM code_table_versions').pluck();

  const importTx = db.transaction((input: Parameters<HubStoreCodeTables['importCodeTable']>[0]) => {
    const latest = latestOf.get(input.tableId);
    if (latest && latest.sha256 === input.sha256) return { version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    const info = insertVersion.run(
      input.tableId,
      version,
      input.sha256,
      JSON.stringify(input.columns),
      input.rows.length,
      input.source,
      input.importedAt,
    );
    input.rows.forEach((row, i) => insertRow.run(info.lastInsertRowid, i, row.code ?? '', JSON.stringify(row)));
    return { version, created: true };
  });

  return {
    async importCodeTable(input) {
      return importTx.immediate(input);
    },
    async listCodeTables() {
      return latestAll.all().map(toInfo);
    },
    async getCodeTable(tableId, version): Promise<CodeTable | undefined> {
      const row = version === undefined ? latestOf.get(tableId) : versionOf.get(tableId, version);
      if (!row) return undefined;
      return { ...toInfo(row), rows: selectRows.all(row.pk).map((r) => JSON.parse(r.data) as Record<string, string>) };
    },
    async codeTablesStamp() {
      return selectStamp.get() ?? 0;
    },
    async latestCodeTableRows() {
      return latestAll.all().map((row) => ({
        id: row.table_id,
        rows: selectRows.all(row.pk).map((r) => JSON.parse(r.data) as Record<string, string>),
      }));
    },
  };
}
