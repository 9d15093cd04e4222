import { v7 as uuidv7 } from 'uuid';
import type { BillNoUse, DeclarationRecord, MethodParsedInput, ReceiptEntry, TaxBillEntry } from '../../../shared/api';
import { taxBillSchema } from '../../../shared/taxes/bill-schema';
import { AppError, reasonIssue, rejectionSchema } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog, PatchEffect } from '../../../shared/catalog';
import { applyPatch, emptyDoc, withTwoStepMode } from '../../../shared/catalog';
import { timed } from '../../db/connection';
import type { DeclarationsRepo, StoredDeclaration } from '../../db/repositories/declarations-repo';
import { summaryOf } from '../../db/repositories/declarations-repo';
import type { ReceiptsRepo } from '../../db/repositories/receipts-repo';
import { createRequestIdsRepo } from '../../db/repositories/request-ids-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import { newClientSeqNo } from './client-seq-no';

/**
 * Where a new draft came from, recorded in its first revision: a template's name, the declaration copied, and the
 * earlier shipment's values it brought (`carried`, by field path).
 */
export type DeclarationOrigin = Record<string, string | Record<string, string>>;

/**
 * The hub's findings that still stand after an edit (stored as JSON): one on a field the edit
 * set judged a value that is gone, and so did one in a table whose rows were added, removed or
 * moved (its line numbers no longer point at the same goods). The hub judges again on the next
 * declare; until then the broker sees only what is still true. The stored text itself when
 * nothing changed.
 */
function standingRejection(stored: string | null, changes: PatchEffect['changes']): string | null {
  if (stored === null) return null;
  let parsed;
  try {
    parsed = rejectionSchema.safeParse(JSON.parse(stored));
  } catch {
    return stored;
  }
  if (!parsed.success) return stored;
  const set = new Set(changes.flatMap((c) => (c.op === 'set' && c.path ? [c.path] : [])));
  const restructured = new Set(changes.flatMap((c) => (c.op !== 'set' && c.table ? [c.table] : [])));
  const standing = parsed.data.filter(
    (r) => !set.has(r.path) && ![...restructured].some((table) => r.path.startsWith(`${table}[`)),
  );
  if (standing.length === parsed.data.length) return stored;
  return standing.length > 0 ? JSON.stringify(standing) : null;
}

/** What declarations.update answers (kept for a request id). */
interface UpdateAnswer {
  id: string;
  revision: number;
  updatedAt: string;
}

export function toRecord(row: StoredDeclaration, doc: DeclarationDoc): DeclarationRecord {
  return {
    ...summaryOf(row),
    doc,
    rejection: row.rejection ? (JSON.parse(row.rejection) as DeclarationRecord['rejection']) : null,
  };
}

export function createDeclarationService(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    receipts: ReceiptsRepo;
    catalog: DocumentCatalog;
    /**
     * Fills a new declaration from the current operator profile (Agent*, Cop*, InputerName, TypistNo, DeclareName,
     * DecSign); returns the paths filled.
     */
    fillNew?: (doc: DeclarationDoc) => string[];
    /**
     * Fills a new declaration with the current operator's default values for its direction, before the profile's fields
     * (which win); returns the paths filled.
     */
    defaultsNew?: (doc: DeclarationDoc, ieFlag: 'I' | 'E') => string[];
  },
) {
  const { db, events } = ctx;
  const { repo, catalog } = deps;

  function mustGet(id: string): StoredDeclaration {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  const requestIds = createRequestIdsRepo(db);
  const lifecycle = createLifecycle(repo);

  /** The answer kept for a request id sent before, or nothing; an id used for another change is refused. */
  function seenRequest(requestId: string | undefined, method: string, declarationId?: string) {
    if (requestId === undefined) return undefined;
    const seen = requestIds.get(requestId);
    if (seen && (seen.method !== method || (declarationId !== undefined && seen.declarationId !== declarationId)))
      throw new AppError('declarations.request-reused', { requestId }, [
        reasonIssue('requestId', 'declarations.request-reused', { requestId }),
      ]);
    return seen;
  }

  const create = db.transaction(
    (
      input: MethodParsedInput<'declarations.create'>,
      origin: DeclarationOrigin,
    ): { record: DeclarationRecord; repeated: boolean } => {
      const seen = seenRequest(input.requestId, 'declarations.create');
      if (seen) {
        const first = mustGet(seen.declarationId);
        return { record: toRecord(first, repo.loadDoc(first)), repeated: true };
      }
      const at = isoAt(ctx.clock);
      const doc = emptyDoc();
      const defaulted = deps.defaultsNew?.(doc, input.ieFlag) ?? [];
      const filled = deps.fillNew?.(doc) ?? [];
      doc.head.IEFlag = input.ieFlag;
      const row = {
        id: uuidv7(),
        clientSeqNo: newClientSeqNo(new Date(ctx.clock.now())),
        ieFlag: input.ieFlag,
        workflow: 'draft' as const,
        status: 'draft' as const,
        head: JSON.stringify(doc.head),
        lineCount: 0,
        revision: 1,
        createdAt: at,
        updatedAt: at,
      };
      repo.insert(row, doc);
      lifecycle.begin(row.id, 'create', {
        at,
        actor: ctx.actor(),
        changes: {
          ieFlag: input.ieFlag,
          ...(filled.length > 0 ? { fromProfile: filled } : {}),
          ...(defaulted.length > 0 ? { fromDefaults: defaulted } : {}),
          ...origin,
        },
      });
      if (input.requestId !== undefined)
        requestIds.put(
          input.requestId,
          { method: 'declarations.create', declarationId: row.id, answer: '' },
          ctx.clock.now(),
        );
      return { record: toRecord(mustGet(row.id), doc), repeated: false };
    },
  );

  const update = db.transaction((input: MethodParsedInput<'declarations.update'>) => {
    const seen = seenRequest(input.requestId, 'declarations.update', input.id);
    if (seen) return { ...(JSON.parse(seen.answer) as UpdateAnswer), stateChanged: false, repeated: true };
    const result = applyUpdate(input);
    if (input.requestId !== undefined) {
      const { id, revision, updatedAt } = result;
      requestIds.put(
        input.requestId,
        { method: 'declarations.update', declarationId: id, answer: JSON.stringify({ id, revision, updatedAt }) },
        ctx.clock.now(),
      );
    }
    return { ...result, repeated: false };
  });

  function applyUpdate(input: MethodParsedInput<'declarations.update'>) {
    const row = mustGet(input.id);
    lifecycle.check(row, 'edit');
    if (row.revision !== input.baseRevision) {
      throw new AppError('declarations.changed-elsewhere', {
        seqNo: row.clientSeqNo,
        revision: row.revision,
        base: input.baseRevision,
      });
    }
    const { doc, effect } = applyPatch(catalog, repo.loadDoc(row), input.ops);
    if (effect.changes.length === 0)
      return { id: row.id, revision: row.revision, updatedAt: row.updatedAt, stateChanged: false };
    const at = isoAt(ctx.clock);
    repo.saveDoc(row.id, doc, { revision: row.revision + 1, updatedAt: at, ...effect });
    // A declaration the hub or customs sent back becomes a draft again (the lifecycle's edit): a new revision to
    // resubmit.
    const reopened = row.workflow !== 'draft';
    const rejection = standingRejection(row.rejection, effect.changes);
    const { revision } = lifecycle.apply(row, 'edit', { at, actor: ctx.actor(), changes: effect.changes, rejection });
    return { id: row.id, revision, updatedAt: at, stateChanged: reopened || rejection !== row.rejection };
  }

  // 完整申报: the released 概要 opened again as a draft of its second step, under the same 海关编号 and 统一编号 (written
  // into the head, where the hub reads which 概要 it completes); the 概要's receipts stay in its history.
  const complete = db.transaction((id: string) => {
    const row = mustGet(id);
    lifecycle.check(row, 'complete');
    const ops = [
      { op: 'set' as const, path: 'head.Type', value: withTwoStepMode(JSON.parse(row.head).Type, 'complete') },
      ...(row.entryId ? [{ op: 'set' as const, path: 'head.EntryId', value: row.entryId }] : []),
      ...(row.seqNo ? [{ op: 'set' as const, path: 'head.SeqNo', value: row.seqNo }] : []),
    ];
    const { doc, effect } = applyPatch(catalog, repo.loadDoc(row), ops);
    const at = isoAt(ctx.clock);
    repo.saveDoc(row.id, doc, { revision: row.revision + 1, updatedAt: at, ...effect });
    // The 完整's own receipts start afresh: until the hub answers it the status is its own, not the 概要's release.
    return lifecycle.apply(row, 'complete', { at, actor: ctx.actor(), changes: effect.changes, channel: null });
  });

  const remove = db.transaction((ids: readonly string[]) => {
    const at = isoAt(ctx.clock);
    let deleted = 0;
    for (const id of ids) {
      lifecycle.apply(mustGet(id), 'delete', { at, actor: ctx.actor(), changes: {} });
      if (repo.softDelete(id, at)) deleted++;
    }
    return deleted;
  });

  return {
    /** A new draft; `origin` (a template's name, the declaration copied) is recorded in its first revision. */
    create(input: MethodParsedInput<'declarations.create'>, origin: DeclarationOrigin = {}): DeclarationRecord {
      const { record, repeated } = create(input, origin);
      if (!repeated) events.emit('declarations.changed', { ids: [record.id] });
      return record;
    },

    get(id: string): DeclarationRecord {
      const row = mustGet(id);
      return toRecord(row, repo.loadDoc(row));
    },

    list(input: MethodParsedInput<'declarations.list'>) {
      return timed(ctx.logger, 'declarations.list', () => repo.list(input));
    },

    update(input: MethodParsedInput<'declarations.update'>) {
      const { stateChanged, repeated, ...result } = timed(ctx.logger, 'declarations.update', () => update(input));
      if (repeated) return result;
      // A plain edit names its revision, so the window that saved it need not fetch it back; an
      // edit that reopened a returned declaration or cleared a hub finding changed its state,
      // which every window must see.
      events.emit(
        'declarations.changed',
        stateChanged ? { ids: [input.id] } : { ids: [input.id], revision: result.revision },
      );
      return result;
    },

    /** 完整申报 of a released 概要申报: its draft, to fill the rest and declare as the second step. */
    complete(id: string): { id: string; revision: number; workflow: 'draft' } {
      const { revision } = complete(id);
      events.emit('declarations.changed', { ids: [id] });
      return { id, revision, workflow: 'draft' };
    },

    delete(ids: readonly string[]): { deleted: number } {
      const deleted = remove(ids);
      events.emit('declarations.changed', { ids: [...ids] });
      return { deleted };
    },

    /**
     * Everything that happened to the declaration, oldest first: edits, declare, hub answers, receipts, withdrawals.
     */
    timeline(id: string) {
      mustGet(id);
      return repo.revisions(id);
    },

    /**
     * The other declarations that carry a 提运单号 — the same shipment declared twice is refused by customs or worse — not
     * deleted (here, or by customs), newest first.
     */
    withBillNo(input: MethodParsedInput<'declarations.withBillNo'>): BillNoUse[] {
      return repo
        .withBillNo(input.billNo, input.exceptId ?? '', input.limit)
        .map((r) => ({ id: r.id, clientSeqNo: r.client_seq_no, status: r.status }));
    },

    receipts(id: string): ReceiptEntry[] {
      mustGet(id);
      return deps.receipts.forDeclaration(id);
    },

    /** The latest 税费单 customs sent; a kept bill that no longer reads as one is refused by name, never shown. */
    taxBill(id: string): TaxBillEntry | null {
      const record = mustGet(id);
      const stored = deps.receipts.taxBillOf(id);
      if (!stored) return null;
      let parsed: ReturnType<typeof taxBillSchema.safeParse>;
      try {
        parsed = taxBillSchema.safeParse(JSON.parse(stored.bill));
      } catch {
        throw new AppError('declarations.tax-bill-damaged', { seqNo: record.clientSeqNo, detail: 'not JSON' });
      }
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
        throw new AppError('declarations.tax-bill-damaged', { seqNo: record.clientSeqNo, detail });
      }
      return { bill: parsed.data, channel: stored.channel, noticeDate: stored.noticeDate, entryId: stored.entryId };
    },
  };
}

export type DeclarationService = ReturnType<typeof createDeclarationService>;
