import type { ArchiveImportResult } from '../../../shared/api';
import { shortNameInitials } from '../../../shared/libraries/short-name';
import type { Db } from '../../db/connection';
import { createNameIndex } from '../../db/repositories/name-index';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { ArchiveRecord } from './archive-records';

/**
 * Applies checked archive records to this desk's database (inside the caller's transaction).
 * The rules, each chosen so nothing here is lost or sent twice:
 * - a declaration already here (same id) is kept as it is; one whose client sequence number is
 *   used here by another declaration is not imported (a conflict the report names);
 * - a declaration that was waiting to be sent on the other machine comes in as a draft, never
 *   queued: the other machine may still send it, so declaring it here is the user's decision;
 * - receipts and settled submissions are history and are added when missing;
 * - templates (by id or name), profiles (by id or IC card) and code tables already here are kept;
 * - parties (by id, USCC or domestic customs code), products (by id or key) and an operator's
 *   default values already here are kept.
 */
export function createArchiveWriter(
  ctx: CoreContext,
  deps: {
    db: Db;
    installCodeTable: (content: {
      id: string;
      version: string;
      complete: boolean;
      source: string;
      columns: readonly string[];
      rows: readonly Record<string, string>[];
    }) => void;
    archiveName: string;
  },
) {
  const { db } = deps;
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
    templateExists: db.prepare(`SELECT 1 FROM templates WHERE id = ? OR name = ?`),
    insertTemplate: db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @created_at, @updated_at)`,
    ),
    profileExists: db.prepare(`SELECT 1 FROM operator_profiles WHERE id = ? OR ic_card = ?`),
    insertProfile:
      db.prepare(`INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at)
      VALUES (@id, @company_name, @customs_code, @uscc, @operator_name, @ic_card, @created_at, @updated_at)`),
    codeTable: db.prepare(`SELECT origin FROM code_tables WHERE id = ?`),
    insertTemplateParts: db.prepare(
      `INSERT INTO templates (id, name, ie_flag, doc, line_count, parts, created_at, updated_at) VALUES (@id, @name, @ie_flag, @doc, @line_count, @parts, @created_at, @updated_at)`,
    ),
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
  const partyNames = createNameIndex(db, 'parties');
  const productNames = createNameIndex(db, 'products');
  const counts = {
    declarations: { added: 0, skipped: 0 },
    receipts: { added: 0, skipped: 0 },
    templates: { added: 0, skipped: 0 },
    codeTables: { added: 0, skipped: 0 },
    profiles: { added: 0, skipped: 0 },
    parties: { added: 0, skipped: 0 },
    products: { added: 0, skipped: 0 },
  };
  const returnedToDraft: string[] = [];
  const conflicts: string[] = [];
  const at = isoAt(ctx.clock);
  const actor = ctx.actor();

  function applyDeclaration(record: Extract<ArchiveRecord, { t: 'declaration' }>): void {
    const { row } = record;
    if (stmt.declById.get(row.id)) {
      counts.declarations.skipped++;
      return;
    }
    if (stmt.declBySeq.get(row.client_seq_no)) {
      counts.declarations.skipped++;
      conflicts.push(row.client_seq_no);
      return;
    }
    const pending = row.workflow === 'queued';
    const lastRevision = Math.max(row.revision, ...record.revisions.map((r) => r.revision));
    const revision = lastRevision + 1;
    stmt.insertDecl.run({
      ...row,
      ...(pending ? { workflow: 'draft', status: 'draft' } : {}),
      revision,
      updated_at: at,
    });
    for (const r of record.rows) stmt.insertRow.run(row.id, r.tbl, r.seq, r.data);
    for (const r of record.revisions) stmt.insertRevision.run(row.id, r.revision, r.at, r.actor, r.action, r.changes);
    stmt.insertRevision.run(
      row.id,
      revision,
      at,
      actor,
      'import',
      JSON.stringify({
        archive: deps.archiveName,
        ...(pending
          ? { previousWorkflow: row.workflow, note: 'was waiting to be sent on the other machine; imported as a draft' }
          : {}),
      }),
    );
    if (pending) returnedToDraft.push(row.client_seq_no);
    counts.declarations.added++;
  }

  function apply(record: ArchiveRecord): void {
    switch (record.t) {
      case 'declaration':
        applyDeclaration(record);
        return;
      case 'receipt': {
        const { t: _t, ...receipt } = record;
        const declarationId =
          receipt.declaration_id && stmt.declById.get(receipt.declaration_id) ? receipt.declaration_id : null;
        const added = stmt.insertReceipt.run({ ...receipt, declaration_id: declarationId }).changes === 1;
        counts.receipts[added ? 'added' : 'skipped']++;
        return;
      }
      case 'submission': {
        const { t: _t, ...submission } = record;
        if (stmt.declById.get(submission.declaration_id)) stmt.insertSubmission.run(submission);
        return;
      }
      case 'template': {
        if (stmt.templateExists.get(record.id, record.name)) {
          counts.templates.skipped++;
          return;
        }
        const { t: _t, parts, ...template } = record;
        if (parts === undefined) stmt.insertTemplate.run(template);
        else stmt.insertTemplateParts.run({ ...template, parts });
        counts.templates.added++;
        return;
      }
      case 'profileDefaults': {
        // Defaults belong to a profile: kept when that profile has its own here, or is not here at all.
        if (stmt.defaultsExist.get(record.profile_id, record.profile_id)) return;
        const { t: _t, ...defaults } = record;
        stmt.insertDefaults.run(defaults);
        return;
      }
      case 'party': {
        const { t: _t, ...party } = record;
        if (stmt.partyExists.get(party)) {
          counts.parties.skipped++;
          return;
        }
        // The short name's initials are worked out here, as archives made before them do not carry them.
        stmt.insertParty.run({ ...party, short_initials: shortNameInitials(party.name_zh, party.initials) });
        partyNames.set(party.id, party.name_zh, party.name_en);
        counts.parties.added++;
        return;
      }
      case 'product': {
        const { t: _t, ...product } = record;
        if (stmt.productExists.get(product.id, product.key)) {
          counts.products.skipped++;
          return;
        }
        stmt.insertProduct.run(product);
        productNames.set(product.id, product.g_name);
        counts.products.added++;
        return;
      }
      case 'profile': {
        if (stmt.profileExists.get(record.id, record.ic_card)) {
          counts.profiles.skipped++;
          return;
        }
        const { t: _t, ...profile } = record;
        stmt.insertProfile.run(profile);
        counts.profiles.added++;
        return;
      }
      case 'codeTable': {
        // This machine's own imports and the hub's tables win; a built-in table gives way to the user's full one.
        const existing = stmt.codeTable.get(record.id) as { origin: string } | undefined;
        if (existing && existing.origin !== 'builtin') {
          counts.codeTables.skipped++;
          return;
        }
        deps.installCodeTable({
          id: record.id,
          version: record.version,
          complete: record.complete,
          source: record.source,
          columns: record.columns,
          rows: record.rows,
        });
        counts.codeTables.added++;
        return;
      }
    }
  }

  return {
    apply,
    report: (): Omit<ArchiveImportResult, 'path'> => ({ ...counts, returnedToDraft, conflicts }),
  };
}
