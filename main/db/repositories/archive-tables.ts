import type { Db } from '../connection';
import { tableNames } from './database-facts';

// An export archive holds the tables' own rows (column names as in SQLite), so that it is a faithful copy and an
// import needs no translation: this is where those rows are read and written. main/core/archive checks every
// record with its schemas before anything here writes it.

/** A table row as stored, column by column. */
export type StoredRow = Record<string, unknown>;

const BATCH = 500;

/** One declaration and its history, as the archive carries them. */
export interface DeclarationRows {
  row: StoredRow & { id: string };
  rows: StoredRow[];
  revisions: StoredRow[];
  /** Settled submissions only (accepted, rejected, withdrawn): waiting ones belong to this machine. */
  submissions: StoredRow[];
  receipts: StoredRow[];
  /** Modification and cancellation requests sent or answered (one waiting to go out belongs to this machine). */
  modRequests: StoredRow[];
  /** Its 随附单据 files' registry rows (EdocID → SHA-256); the bytes travel as file records of their own. */
  attachments: StoredRow[];
}

/** An imported code table and its rows, as the archive carries it. */
export interface ImportedCodeTable {
  id: string;
  version: string;
  complete: boolean;
  source: string;
  columns: string[];
  rows: Array<Record<string, string>>;
}

/**
 * Reads a database's rows for an archive. A database opened read-only (damaged, or from another version) may lack
 * the newer tables: ask `has` before reading one.
 */
export function createArchiveReader(db: Db) {
  const tables = tableNames(db);
  const all = (sql: string): StoredRow[] => db.prepare(sql).all() as StoredRow[];

  /** Rows of `table` in pages by id, so memory stays bounded (the libraries can hold a million products). */
  function* pages(table: 'parties' | 'products'): Generator<StoredRow> {
    const page = db.prepare(`SELECT * FROM ${table} WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
    let after = '';
    for (;;) {
      const batch = page.all(after) as Array<StoredRow & { id: string }>;
      if (batch.length === 0) return;
      yield* batch;
      after = batch[batch.length - 1]?.id ?? after;
    }
  }

  return {
    has: (table: string): boolean => tables.has(table),
    profiles: () => all(`SELECT * FROM operator_profiles ORDER BY created_at, id`),
    profileDefaults: () => all(`SELECT * FROM profile_defaults ORDER BY profile_id`),

    /** Live declarations in pages by id, each with its goods rows, revisions, settled submissions and receipts. */
    *declarations(): Generator<DeclarationRows> {
      const page =
        db.prepare(`SELECT id, client_seq_no, ie_flag, workflow, status, channel, entry_id, seq_no, trade_name, bill_no, contr_no, head, line_count,
        revision, rejection, created_at, updated_at FROM declarations WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT ${BATCH}`);
      const rows = db.prepare(`SELECT tbl, seq, data FROM declaration_rows WHERE declaration_id = ? ORDER BY tbl, seq`);
      const revisions = db.prepare(
        `SELECT revision, at, actor, action, changes FROM declaration_revisions WHERE declaration_id = ? ORDER BY revision`,
      );
      const receipts = db.prepare(`SELECT * FROM receipts WHERE declaration_id = ? ORDER BY received_at, rowid`);
      const submissions =
        db.prepare(`SELECT submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, attempts, last_error, hub_seq, created_at, updated_at
        FROM outbox WHERE declaration_id = ? AND state IN ('accepted', 'rejected', 'withdrawn') ORDER BY created_at`);
      const modRequests = tables.has('mod_requests')
        ? db.prepare(`SELECT request_id, declaration_id, kind, state, revision, reason_case, note, head, changes, envelope,
          signature, key_id, digest, attempts, last_error, mod_seq_no, answer, created_at, updated_at FROM mod_requests
          WHERE declaration_id = ? AND state IN ('sent', 'approved', 'refused') ORDER BY created_at`)
        : null;
      const attachments = tables.has('attachment_files')
        ? db.prepare(`SELECT edoc_id, edoc_code, sha256, size, file_name, added_at FROM attachment_files
          WHERE declaration_id = ? ORDER BY edoc_id`)
        : null;
      let after = '';
      for (;;) {
        const batch = page.all(after) as Array<StoredRow & { id: string }>;
        if (batch.length === 0) return;
        for (const row of batch)
          yield {
            row,
            rows: rows.all(row.id) as StoredRow[],
            revisions: revisions.all(row.id) as StoredRow[],
            submissions: submissions.all(row.id) as StoredRow[],
            receipts: receipts.all(row.id) as StoredRow[],
            modRequests: (modRequests?.all(row.id) ?? []) as StoredRow[],
            attachments: (attachments?.all(row.id) ?? []) as StoredRow[],
          };
        after = batch[batch.length - 1]?.id ?? after;
      }
    },

    /** Receipts that matched no declaration here: history too. */
    unmatchedReceipts: () => all(`SELECT * FROM receipts WHERE declaration_id IS NULL ORDER BY received_at, rowid`),
    templates: () => all(`SELECT * FROM templates ORDER BY name`),
    parties: () => pages('parties'),
    products: () => pages('products'),

    /** The code tables imported from official files (a hub's tables come from the hub again). */
    *importedCodeTables(): Generator<ImportedCodeTable> {
      const tableRows = db.prepare(`SELECT data FROM code_rows WHERE tbl = ? ORDER BY code`);
      const imported = db
        .prepare(`SELECT id, version, complete, source, columns FROM code_tables WHERE origin = 'import' ORDER BY id`)
        .all() as Array<{ id: string; version: string; complete: number; source: string; columns: string }>;
      for (const table of imported)
        yield {
          id: table.id,
          version: table.version,
          complete: table.complete === 1,
          source: table.source,
          columns: JSON.parse(table.columns) as string[],
          rows: (tableRows.all(table.id) as Array<{ data: string }>).map(
            (r) => JSON.parse(r.data) as Record<string, string>,
          ),
        };
    },
  };
}

/**
 * Writes archive rows into this desk's database, and answers what is already here. Each insert takes the row as the
 * archive carries it (its columns by name); the caller decides what to keep (main/core/archive/archive-import.ts).
 */
export function createArchiveWriter(db: Db) {
  const stmt = {
    declById: db.prepare(`SELECT 1 FROM declarations WHERE id = ?`),
    declBySeq: db.prepare(`SELECT id FROM declarations WHERE client_seq_no = ?`),
    insertDecl:
      db.prepare(`INSERT INTO declarations (id, client_seq_no, ie_flag, workflow, status, channel, entry_id, seq_no, trade_name, bill_no, contr_no, head, line_count, revision, rejection, created_at, updated_at)
      VALUES (@id, @client_seq_no, @ie_flag, @workflow, @status, @channel, @entry_id, @seq_no, @trade_name, @bill_no, @contr_no, @head, @line_count, @revision, @rejection, @created_at, @updated_at)`),
    insertRow: db.prepare(`INSERT INTO declaration_rows (declaration_id, tbl, seq, data) VALUES (?, ?, ?, ?)`),
    insertRevision: db.prepare(
      `INSERT INTO declaration_revisions (declaration_id, revision, at, actor, action, changes) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertReceipt:
      db.prepare(`INSERT OR IGNORE INTO receipts (receipt_id, declaration_id, submission_id, client_seq_no, channel, note, notice_date, seq_no, entry_id, source, raw, received_at)
      VALUES (@receipt_id, @declaration_id, @submission_id, @client_seq_no, @channel, @note, @notice_date, @seq_no, @entry_id, @source, @raw, @received_at)`),
    insertSubmission:
      db.prepare(`INSERT OR IGNORE INTO outbox (submission_id, declaration_id, revision, state, envelope, signature, key_id, digest, attempts, next_attempt_at, last_error, hub_seq, created_at, updated_at)
      VALUES (@submission_id, @declaration_id, @revision, @state, @envelope, @signature, @key_id, @digest, @attempts, 0, @last_error, @hub_seq, @created_at, @updated_at)`),
    // A name differing only in Latin letter case is the same name, as templates-repo's byName has it.
    templateExists: db.prepare(`SELECT 1 FROM templates WHERE id = ? OR name = ? COLLATE NOCASE`),
    insertModRequest: db.prepare(`INSERT OR IGNORE INTO mod_requests (request_id, declaration_id, kind, state, revision,
      reason_case, note, head, changes, envelope, signature, key_id, digest, attempts, next_attempt_at, last_error,
      mod_seq_no, answer, created_at, updated_at)
      VALUES (@request_id, @declaration_id, @kind, @state, @revision, @reason_case, @note, @head, @changes, @envelope,
      @signature, @key_id, @digest, @attempts, 0, @last_error, @mod_seq_no, @answer, @created_at, @updated_at)`),
    insertAttachment: db.prepare(`INSERT OR IGNORE INTO attachment_files (edoc_id, declaration_id, edoc_code, sha256,
      size, file_name, added_at) VALUES (@edoc_id, @declaration_id, @edoc_code, @sha256, @size, @file_name, @added_at)`),
    insertTemplate: db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @created_at, @updated_at)`,
    ),
    insertTemplateParts: db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, parts, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @parts, @created_at, @updated_at)`,
    ),
    profileExists: db.prepare(`SELECT 1 FROM operator_profiles WHERE id = ? OR ic_card = ?`),
    insertProfile:
      db.prepare(`INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, roles, created_at, updated_at)
      VALUES (@id, @company_name, @customs_code, @uscc, @operator_name, @ic_card, @roles, @created_at, @updated_at)`),
    codeTable: db.prepare(`SELECT origin FROM code_tables WHERE id = ?`),
    defaultsExist: db.prepare(
      `SELECT 1 FROM profile_defaults WHERE profile_id = ? UNION ALL SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM operator_profiles WHERE id = ?)`,
    ),
    insertDefaults:
      db.prepare(`INSERT INTO profile_defaults (profile_id, head, line, import_head, import_line, export_head, export_line, updated_at)
      VALUES (@profile_id, @head, @line, @import_head, @import_line, @export_head, @export_line, @updated_at)`),
    partyExists: db.prepare(
      `SELECT 1 FROM parties WHERE id = @id OR (uscc <> '' AND uscc = @uscc) OR (overseas = 0 AND @overseas = 0 AND customs_code <> '' AND customs_code = @customs_code)`,
    ),
    insertParty:
      db.prepare(`INSERT INTO parties (id, overseas, roles, customs_code, uscc, ciq_code, name_zh, name_en, address, note, initials, short_initials, created_at, updated_at)
      VALUES (@id, @overseas, @roles, @customs_code, @uscc, @ciq_code, @name_zh, @name_en, @address, @note, @initials, @short_initials, @created_at, @updated_at)`),
    productExists: db.prepare(`SELECT 1 FROM products WHERE id = ? OR key = ?`),
    insertProduct:
      db.prepare(`INSERT INTO products (id, key, customer, code_ts, g_name, exg_no, initials, data, learned, learned_from, learned_at, use_count, created_at, updated_at)
      VALUES (@id, @key, @customer, @code_ts, @g_name, @exg_no, @initials, @data, @learned, @learned_from, @learned_at, @use_count, @created_at, @updated_at)`),
  };
  return {
    declarationExists: (id: string): boolean => stmt.declById.get(id) !== undefined,
    /** Whether another declaration here already uses this client sequence number. */
    clientSeqNoTaken: (clientSeqNo: string): boolean => stmt.declBySeq.get(clientSeqNo) !== undefined,
    insertDeclaration: (row: StoredRow): void => void stmt.insertDecl.run(row),
    insertDeclarationRow: (declarationId: string, row: { tbl: string; seq: number; data: string }): void =>
      void stmt.insertRow.run(declarationId, row.tbl, row.seq, row.data),
    insertRevision: (
      declarationId: string,
      r: { revision: number; at: string; actor: string; action: string; changes: string },
    ): void => void stmt.insertRevision.run(declarationId, r.revision, r.at, r.actor, r.action, r.changes),
    /** Adds a receipt unless it is here already; true when it was added. */
    insertReceipt: (receipt: StoredRow): boolean => stmt.insertReceipt.run(receipt).changes === 1,
    insertSubmission: (submission: StoredRow): void => void stmt.insertSubmission.run(submission),
    insertModRequest: (request: StoredRow): void => void stmt.insertModRequest.run(request),
    /** A 随附单据 file's registry row; an EdocID already here keeps its own bytes. */
    insertAttachment: (declarationId: string, file: StoredRow): void =>
      void stmt.insertAttachment.run({ ...file, declaration_id: declarationId }),
    templateExists: (id: string, name: string): boolean => stmt.templateExists.get(id, name) !== undefined,
    insertTemplate: (template: StoredRow & { parts?: string }): void =>
      void (template.parts === undefined ? stmt.insertTemplate : stmt.insertTemplateParts).run(template),
    profileExists: (id: string, icCard: string): boolean => stmt.profileExists.get(id, icCard) !== undefined,
    insertProfile: (profile: StoredRow): void => void stmt.insertProfile.run(profile),
    /** Where the code table here came from ('builtin', 'import', 'hub'), or null when there is none. */
    codeTableOrigin: (id: string): string | null =>
      (stmt.codeTable.get(id) as { origin: string } | undefined)?.origin ?? null,
    /** Whether an operator's defaults should be left alone: the profile has its own here, or is not here at all. */
    defaultsTaken: (profileId: string): boolean => stmt.defaultsExist.get(profileId, profileId) !== undefined,
    insertDefaults: (defaults: StoredRow): void => void stmt.insertDefaults.run(defaults),
    /** A party here with the same id, USCC or (domestic) customs code. */
    partyExists: (party: StoredRow): boolean => stmt.partyExists.get(party) !== undefined,
    insertParty: (party: StoredRow): void => void stmt.insertParty.run(party),
    productExists: (id: string, key: string): boolean => stmt.productExists.get(id, key) !== undefined,
    insertProduct: (product: StoredRow): void => void stmt.insertProduct.run(product),
  };
}
