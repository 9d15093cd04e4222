import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { twoStepModeOf } from '../../../shared/catalog';
import type { DeclarationSummary, ListQuery } from '../../../shared/api';
import type { DisplayStatusKey, Workflow } from '../../../shared/status';
import type { Db } from '../connection';
import { createDeclarationListQuery } from './declaration-list-query';
import type { DeclarationRow, ListRow, StoredDeclaration } from './declaration-row';
import { releasedAtColumn, toStored, toSummary } from './declaration-row';

export type { ListRow, StoredDeclaration };

/** A declaration's state without its document (but the 两步申报 step its head's Type says). */
export type DeclarationState = Pick<
  StoredDeclaration,
  'id' | 'clientSeqNo' | 'workflow' | 'channel' | 'entryId' | 'seqNo' | 'rejection' | 'revision' | 'twoStep'
>;
const stateColumns = `id, client_seq_no AS clientSeqNo, workflow, channel, entry_id AS entryId, seq_no AS seqNo,
  rejection, revision, coalesce(json_extract(head, '$.Type'), '') AS headType`;
type StateRow = Omit<DeclarationState, 'twoStep'> & { headType: string };
const toState = (row: StateRow | undefined): DeclarationState | undefined => {
  if (!row) return undefined;
  const { headType, ...state } = row;
  return { ...state, twoStep: twoStepModeOf(headType) };
};

/** What a new declaration is stored with. */
export type NewDeclaration = Pick<
  StoredDeclaration,
  | 'id'
  | 'clientSeqNo'
  | 'ieFlag'
  | 'workflow'
  | 'status'
  | 'head'
  | 'lineCount'
  | 'revision'
  | 'createdAt'
  | 'updatedAt'
>;

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
    get: db.prepare(`SELECT *, ${releasedAtColumn} FROM declarations WHERE id = ? AND deleted_at IS NULL`),
    state: db.prepare(`SELECT ${stateColumns} FROM declarations WHERE id = ? AND deleted_at IS NULL`),
    stateBySeqNo: db.prepare(`SELECT ${stateColumns} FROM declarations WHERE client_seq_no = ? AND deleted_at IS NULL`),
    bySeqNo: db.prepare(
      `SELECT *, ${releasedAtColumn} FROM declarations WHERE client_seq_no = ? AND deleted_at IS NULL`,
    ),
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
    // On declarations_bill_no (migration 0003): a few index entries, however many declarations there are.
    withBillNo: db.prepare<
      { bill: string; upper: string; except: string; limit: number },
      { id: string; client_seq_no: string; status: DisplayStatusKey }
    >(
      `SELECT id, client_seq_no, status FROM declarations WHERE bill_no IN (@bill, @upper) AND deleted_at IS NULL
       AND status <> 'deleted' AND id <> @except ORDER BY created_at DESC, id LIMIT @limit`,
    ),
  };
  const listQuery = createDeclarationListQuery(db);

  function searchColumns(head: Row) {
    return { trade_name: head.TradeName ?? '', bill_no: head.BillNo ?? '', contr_no: head.ContrNo ?? '' };
  }

  return {
    insert(declaration: NewDeclaration, doc: DeclarationDoc): void {
      stmt.insert.run({
        id: declaration.id,
        client_seq_no: declaration.clientSeqNo,
        ie_flag: declaration.ieFlag,
        workflow: declaration.workflow,
        status: declaration.status,
        head: declaration.head,
        line_count: declaration.lineCount,
        revision: declaration.revision,
        created_at: declaration.createdAt,
        updated_at: declaration.updatedAt,
        ...searchColumns(doc.head),
      });
      writeTable(declaration.id, 'lines', doc.lines);
      for (const [table, rows] of Object.entries(doc.tables)) writeTable(declaration.id, table, rows);
    },

    get(id: string): StoredDeclaration | undefined {
      const row = stmt.get.get(id) as DeclarationRow | undefined;
      return row ? toStored(row) : undefined;
    },

    /** Only the state columns (no document): what applying a receipt needs, many times a second. */
    getState(id: string): DeclarationState | undefined {
      return toState(stmt.state.get(id) as StateRow | undefined);
    },

    getStateByClientSeqNo(clientSeqNo: string): DeclarationState | undefined {
      return toState(stmt.stateBySeqNo.get(clientSeqNo) as StateRow | undefined);
    },

    getByClientSeqNo(clientSeqNo: string): StoredDeclaration | undefined {
      const row = stmt.bySeqNo.get(clientSeqNo) as DeclarationRow | undefined;
      return row ? toStored(row) : undefined;
    },

    loadDoc(row: Pick<StoredDeclaration, 'id' | 'head'>): DeclarationDoc {
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

    /**
     * The declarations with this 提运单号 (as typed or in capitals) other than `exceptId`, newest first, leaving out
     * drafts deleted here and declarations customs deleted (已删单).
     */
    withBillNo(
      billNo: string,
      exceptId: string,
      limit: number,
    ): Array<{ id: string; client_seq_no: string; status: DisplayStatusKey }> {
      return stmt.withBillNo.all({ bill: billNo, upper: billNo.toUpperCase(), except: exceptId, limit });
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

/** A stored declaration's summary: the record without its head document and refusal. */
export function summaryOf(stored: StoredDeclaration): DeclarationSummary {
  const { head: _head, rejection: _rejection, ...summary } = stored;
  return summary;
}
