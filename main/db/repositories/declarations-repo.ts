import type { DeclarationDoc, Row } from '../../../shared/catalog';
import type { DeclarationSummary, ListQuery } from '../../../shared/api';
import type { DisplayStatusKey, Workflow } from '../../../shared/status';
import type { Db } from '../connection';
import { createDeclarationListQuery } from './declaration-list-query';
import type { DeclarationRow } from './declaration-row';

export type { DeclarationRow };

/** A declaration's state without its document. */
export type DeclarationState = Pick<
  DeclarationRow,
  'id' | 'client_seq_no' | 'workflow' | 'channel' | 'entry_id' | 'seq_no' | 'rejection' | 'revision'
>;
const stateColumns = 'id, client_seq_no, workflow, channel, entry_id, seq_no, rejection, revision';

export interface Revision {
  at: string;
  actor: string;
  action: string;
  changes: unknown;
}

/** Persistence of declarations: one head document plus one row per line / sub-table record. */
export function createDeclarationsRepo(db: Db) {
  const stmt = {
    insert:
      db.prepare(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, trade_name, bill_no, contr_no, head, line_count, revision, created_at, updated_at)
      VALUES (@id, @client_seq_no, @ie_flag, @workflow, @status, @trade_name, @bill_no, @contr_no, @head, @line_count, @revision, @created_at, @updated_at)`),
    get: db.prepare(`SELECT * FROM declarations WHERE id = ? AND deleted_at IS NULL`),
    state: db.prepare(`SELECT ${stateColumns} FROM declarations WHERE id = ? AND deleted_at IS NULL`),
    stateBySeqNo: db.prepare(`SELECT ${stateColumns} FROM declarations WHERE client_seq_no = ? AND deleted_at IS NULL`),
    bySeqNo: db.prepare(`SELECT * FROM declarations WHERE client_seq_no = ? AND deleted_at IS NULL`),
    rows: db.prepare(`SELECT tbl, seq, data FROM declaration_rows WHERE declaration_id = ? ORDER BY tbl, seq`),
    upsertRow: db.prepare(`INSERT INTO declaration_rows (declaration_id, tbl, seq, data) VALUES (?, ?, ?, ?)
      ON CONFLICT (declaration_id, tbl, seq) DO UPDATE SET data = excluded.data`),
    deleteTable: db.prepare(`DELETE FROM declaration_rows WHERE declaration_id = ? AND tbl = ?`),
    updateHead:
      db.prepare(`UPDATE declarations SET head = @head, trade_name = @trade_name, bill_no = @bill_no, contr_no = @contr_no,
      line_count = @line_count, revision = @revision, updated_at = @updated_at WHERE id = @id`),
    revision: db.prepare(
      `INSERT INTO declaration_revisions (declaration_id, revision, at, actor, action, changes) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    softDelete: db.prepare(
      `UPDATE declarations SET deleted_at = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND deleted_at IS NULL`,
    ),
    setState:
      db.prepare(`UPDATE declarations SET workflow = @workflow, status = @status, channel = @channel, entry_id = @entry_id, seq_no = @seq_no,
      rejection = @rejection, revision = @revision, updated_at = @updated_at WHERE id = @id`),
    revisions: db.prepare(
      `SELECT revision, at, actor, action, changes FROM declaration_revisions WHERE declaration_id = ? ORDER BY revision`,
    ),
  };
  const listQuery = createDeclarationListQuery(db);

  function searchColumns(head: Row) {
    return { trade_name: head.TradeName ?? '', bill_no: head.BillNo ?? '', contr_no: head.ContrNo ?? '' };
  }

  return {
    insert(
      row: Omit<
        DeclarationRow,
        'channel' | 'entry_id' | 'seq_no' | 'rejection' | 'trade_name' | 'bill_no' | 'contr_no'
      >,
      doc: DeclarationDoc,
    ): void {
      stmt.insert.run({ ...row, ...searchColumns(doc.head) });
      writeTable(row.id, 'lines', doc.lines);
      for (const [table, rows] of Object.entries(doc.tables)) writeTable(row.id, table, rows);
    },

    get(id: string): DeclarationRow | undefined {
      return stmt.get.get(id) as DeclarationRow | undefined;
    },

    /** Only the state columns (no document): what applying a receipt needs, many times a second. */
    getState(id: string): DeclarationState | undefined {
      return stmt.state.get(id) as DeclarationState | undefined;
    },

    getStateByClientSeqNo(clientSeqNo: string): DeclarationState | undefined {
      return stmt.stateBySeqNo.get(clientSeqNo) as DeclarationState | undefined;
    },

    getByClientSeqNo(clientSeqNo: string): DeclarationRow | undefined {
      return stmt.bySeqNo.get(clientSeqNo) as DeclarationRow | undefined;
    },

    loadDoc(row: DeclarationRow): DeclarationDoc {
      const doc: DeclarationDoc = { head: JSON.parse(row.head) as Row, lines: [], tables: {} };
      for (const r of stmt.rows.all(row.id) as Array<{ tbl: string; seq: number; data: string }>) {
        const data = JSON.parse(r.data) as Row;
        if (r.tbl === 'lines') doc.lines.push(data);
        else (doc.tables[r.tbl] ??= []).push(data);
      }
      return doc;
    },

    /** Writes the head and the touched rows; restructured tables are rewritten whole. */
    saveDoc(
      id: string,
      doc: DeclarationDoc,
      change: {
        revision: number;
        updatedAt: string;
        headChanged: boolean;
        touchedRows: Map<string, Set<number>>;
        restructured: Set<string>;
      },
    ): void {
      stmt.updateHead.run({
        id,
        head: JSON.stringify(doc.head),
        ...searchColumns(doc.head),
        line_count: doc.lines.length,
        revision: change.revision,
        updated_at: change.updatedAt,
      });
      for (const table of change.restructured)
        writeTable(id, table, table === 'lines' ? doc.lines : (doc.tables[table] ?? []));
      for (const [table, indexes] of change.touchedRows) {
        if (change.restructured.has(table)) continue;
        const rows = table === 'lines' ? doc.lines : (doc.tables[table] ?? []);
        for (const index of indexes) {
          const data = rows[index];
          if (data) stmt.upsertRow.run(id, table, index, JSON.stringify(data));
        }
      }
    },

    setState(update: {
      id: string;
      workflow: Workflow;
      status: DisplayStatusKey;
      channel: string | null;
      entryId: string | null;
      seqNo: string | null;
      rejection: string | null;
      revision: number;
      updatedAt: string;
    }): void {
      stmt.setState.run({
        id: update.id,
        workflow: update.workflow,
        status: update.status,
        channel: update.channel,
        entry_id: update.entryId,
        seq_no: update.seqNo,
        rejection: update.rejection,
        revision: update.revision,
        updated_at: update.updatedAt,
      });
    },

    addRevision(id: string, revision: number, entry: Revision): void {
      stmt.revision.run(id, revision, entry.at, entry.actor, entry.action, JSON.stringify(entry.changes));
    },

    revisions(id: string): Array<{ revision: number; at: string; actor: string; action: string; changes: unknown }> {
      return (
        stmt.revisions.all(id) as Array<{
          revision: number;
          at: string;
          actor: string;
          action: string;
          changes: string;
        }>
      ).map((r) => ({
        ...r,
        changes: JSON.parse(r.changes) as unknown,
      }));
    },

    softDelete(id: string, at: string): boolean {
      return stmt.softDelete.run(at, at, id).changes === 1;
    },

    list(input: ListQuery): { items: DeclarationSummary[]; total: number; totalExact: boolean } {
      const { rows, total, totalExact } = listQuery(input);
      return { items: rows.map(toSummary), total, totalExact };
    },
  };

  function writeTable(id: string, table: string, rows: readonly Row[]): void {
    stmt.deleteTable.run(id, table);
    rows.forEach((row, index) => stmt.upsertRow.run(id, table, index, JSON.stringify(row)));
  }
}

export type DeclarationsRepo = ReturnType<typeof createDeclarationsRepo>;

export function toSummary(row: DeclarationRow): DeclarationSummary {
  return {
    id: row.id,
    clientSeqNo: row.client_seq_no,
    ieFlag: row.ie_flag,
    workflow: row.workflow,
    status: row.status,
    channel: row.channel,
    entryId: row.entry_id,
    seqNo: row.seq_no,
    tradeName: row.trade_name,
    billNo: row.bill_no,
    contrNo: row.contr_no,
    lineCount: row.line_count,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
