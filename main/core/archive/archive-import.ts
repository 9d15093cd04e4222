import type { ArchiveImportResult } from '../../../shared/api';
import { shortNameInitials } from '../../../shared/libraries/short-name';
import type { Db } from '../../db/connection';
import type { CodeTableContent } from '../code-tables/store';
import { createArchiveWriter } from '../../db/repositories/archive-tables';
import { createNameIndex } from '../../db/repositories/name-index';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import type { ArchiveRecord } from './archive-records';

/** A code table as an archive carries it: the code-table store installs it as imported, dated as it does. */
export type ArchivedCodeTable = Omit<CodeTableContent, 'origin' | 'asOf'>;

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
export function createArchiveImporter(
  ctx: CoreContext,
  deps: {
    db: Db;
    installCodeTable: (content: ArchivedCodeTable) => void;
    archiveName: string;
    /** Keeps a file's bytes (checked before: they hash to their name). */
    putFile: (bytes: Buffer) => void;
  },
) {
  const { db } = deps;
  const tables = createArchiveWriter(db);
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
    if (tables.declarationExists(row.id)) {
      counts.declarations.skipped++;
      return;
    }
    if (tables.clientSeqNoTaken(row.client_seq_no)) {
      counts.declarations.skipped++;
      conflicts.push(row.client_seq_no);
      return;
    }
    const pending = row.workflow === 'queued';
    const lastRevision = Math.max(row.revision, ...record.revisions.map((r) => r.revision));
    const revision = lastRevision + 1;
    tables.insertDeclaration({
      ...row,
      ...(pending ? { workflow: 'draft', status: 'draft' } : {}),
      revision,
      updated_at: at,
    });
    for (const r of record.rows) tables.insertDeclarationRow(row.id, r);
    for (const r of record.revisions) tables.insertRevision(row.id, r);
    for (const file of record.attachments) tables.insertAttachment(row.id, file);
    tables.insertRevision(row.id, {
      revision,
      at,
      actor,
      action: 'import',
      changes: JSON.stringify({
        archive: deps.archiveName,
        ...(pending
          ? { previousWorkflow: row.workflow, note: 'was waiting to be sent on the other machine; imported as a draft' }
          : {}),
      }),
    });
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
          receipt.declaration_id && tables.declarationExists(receipt.declaration_id) ? receipt.declaration_id : null;
        const added = tables.insertReceipt({ ...receipt, declaration_id: declarationId });
        counts.receipts[added ? 'added' : 'skipped']++;
        return;
      }
      case 'file':
        deps.putFile(Buffer.from(record.data, 'base64'));
        return;
      case 'submission': {
        const { t: _t, ...submission } = record;
        if (tables.declarationExists(submission.declaration_id)) tables.insertSubmission(submission);
        return;
      }
      case 'modRequest': {
        const { t: _t, ...request } = record;
        if (tables.declarationExists(request.declaration_id)) tables.insertModRequest(request);
        return;
      }
      case 'template': {
        if (tables.templateExists(record.id, record.name)) {
          counts.templates.skipped++;
          return;
        }
        const { t: _t, parts, ...template } = record;
        tables.insertTemplate(parts === undefined ? template : { ...template, parts });
        counts.templates.added++;
        return;
      }
      case 'profileDefaults': {
        // Defaults belong to a profile: kept when that profile has its own here, or is not here at all.
        if (tables.defaultsTaken(record.profile_id)) return;
        const { t: _t, ...defaults } = record;
        tables.insertDefaults(defaults);
        return;
      }
      case 'party': {
        const { t: _t, ...party } = record;
        if (tables.partyExists(party)) {
          counts.parties.skipped++;
          return;
        }
        // The short name's initials are worked out here, as archives made before them do not carry them.
        tables.insertParty({ ...party, short_initials: shortNameInitials(party.name_zh, party.initials) });
        partyNames.set(party.id, party.name_zh, party.name_en);
        counts.parties.added++;
        return;
      }
      case 'product': {
        const { t: _t, ...product } = record;
        if (tables.productExists(product.id, product.key)) {
          counts.products.skipped++;
          return;
        }
        tables.insertProduct(product);
        productNames.set(product.id, product.g_name);
        counts.products.added++;
        return;
      }
      case 'profile': {
        if (tables.profileExists(record.id, record.ic_card)) {
          counts.profiles.skipped++;
          return;
        }
        const { t: _t, ...profile } = record;
        tables.insertProfile(profile);
        counts.profiles.added++;
        return;
      }
      case 'codeTable': {
        // This machine's own imports and the hub's tables win; a built-in table gives way to the user's full one.
        const origin = tables.codeTableOrigin(record.id);
        if (origin !== null && origin !== 'builtin') {
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
