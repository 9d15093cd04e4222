import type pg from 'pg';
import type { CodeTable, CodeTableInfo } from '../../../shared/protocol';
import type { HubStoreCodeTables } from '../types';
import { query, transaction } from './connection';

interface VersionRow {
  pk: number;
  table_id: string;
  version: number;
  sha256: string;
  columns: string[];
  row_count: number;
  source: string;
  imported_at: Date;
}

function toInfo(row: VersionRow): CodeTableInfo {
  return {
    id: row.table_id,
    version: row.version,
    sha256: row.sha256,
    rowCount: row.row_count,
    columns: row.columns,
    importedAt: row.imported_at.toISOString(),
    source: row.source,
  };
}

const versionColumns = 'pk, table_id, version, sha256, columns, row_count, source, imported_at';
const latestAllSql = `
  SELECT DISTINCT ON (table_id) ${versionColumns} FROM code_table_versions ORDER BY table_id, version DESC`;
/** Rows go in slices: one statement's parameters stay a few megabytes even for the 13,000-line tariff. */
const ROW_SLICE = 5_000;

async function rowsOf(db: pg.Pool, versionPks: number[]): Promise<Map<number, Record<string, string>[]>> {
  const out = new Map<number, Record<string, string>[]>(versionPks.map((pk) => [pk, []]));
  if (versionPks.length === 0) return out;
  const { rows } = await query<{ version_pk: number; data: Record<string, string> }>(
    db,
    'SELECT version_pk, data FROM code_table_rows WHERE version_pk = ANY($1::bigint[]) ORDER BY version_pk, ord',
    [versionPks],
  );
  for (const row of rows) out.get(row.version_pk)?.push(row.data);
  return out;
}

export function postgresCodeTables(pool: pg.Pool): HubStoreCodeTables {
  return {
    async importCodeTable(input) {
      return transaction(pool, async (c) => {
        // One import of a table at a time, across processes: the version number is read, then taken.
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`swhub-code-table:${input.tableId}`]);
        const latest = await c.query<{ version: number; sha256: string }>(
          'SELECT version, sha256 FROM code_table_versions WHERE table_id = $1 ORDER BY version DESC LIMIT 1',
          [input.tableId],
        );
        const current = latest.rows[0];
        if (current && current.sha256 === input.sha256) return { version: current.version, created: false };
        const version = (current?.version ?? 0) + 1;
        const inserted = await c.query<{ pk: number }>(
          `INSERT INTO code_table_versions (table_id, version, sha256, columns, row_count, source, imported_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING pk`,
          [
            input.tableId,
            version,
            input.sha256,
            JSON.stringify(input.columns),
            input.rows.length,
            input.source,
            input.importedAt,
          ],
        );
        const pk = inserted.rows[0]?.pk;
        for (let start = 0; start < input.rows.length; start += ROW_SLICE) {
          const slice = input.rows.slice(start, start + ROW_SLICE);
          await c.query(
            `INSERT INTO code_table_rows (version_pk, ord, code, data)
             SELECT $1, $2::int + u.i - 1, u.code, u.data::json
             FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(code, data, i)`,
            [pk, start, slice.map((r) => r.code ?? ''), slice.map((r) => JSON.stringify(r))],
          );
        }
        return { version, created: true };
      });
    },
    async listCodeTables() {
      const { rows } = await query<VersionRow>(pool, latestAllSql);
      return rows.map(toInfo);
    },
    async getCodeTable(tableId, version): Promise<CodeTable | undefined> {
      const { rows } =
        version === undefined
          ? await query<VersionRow>(
              pool,
              `SELECT ${versionColumns} FROM code_table_versions WHERE table_id = $1 ORDER BY version DESC LIMIT 1`,
              [tableId],
            )
          : await query<VersionRow>(
              pool,
              `SELECT ${versionColumns} FROM code_table_versions WHERE table_id = $1 AND version = $2`,
              [tableId, version],
            );
      const row = rows[0];
      if (!row) return undefined;
      return { ...toInfo(row), rows: (await rowsOf(pool, [row.pk])).get(row.pk) ?? [] };
    },
    async codeTablesStamp() {
      const { rows } = await query<{ stamp: number | null }>(pool, 'SELECT max(pk) AS stamp FROM code_table_versions');
      return rows[0]?.stamp ?? 0;
    },
    async latestCodeTableRows() {
      const { rows } = await query<VersionRow>(pool, latestAllSql);
      const data = await rowsOf(
        pool,
        rows.map((r) => r.pk),
      );
      return rows.map((row) => ({ id: row.table_id, rows: data.get(row.pk) ?? [] }));
    },
  };
}
