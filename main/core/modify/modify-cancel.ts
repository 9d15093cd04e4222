import { v7 as uuidv7 } from 'uuid';
import { AppError, reasonMessage } from '../../../shared/api';
import type { DeclarationDoc, DocumentCatalog } from '../../../shared/catalog';
import type { CodeName, DecModChange } from '../../../shared/modify/dec-mod-list';
import { applyDecModList, buildDecModList } from '../../../shared/modify/dec-mod-list';
import type { ModKind, ModReasonCase } from '../../../shared/modify/mod-request';
import { buildDecModHead, modEnvelopeSigningText } from '../../../shared/modify/mod-request';
import { sha256Hex } from '../../../shared/protocol';
import { underInspection } from '../../../shared/status';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { ModDraft, ModDraftsRepo } from '../../db/repositories/mod-drafts-repo';
import type { ModAnswer, ModRequest, ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { KeyManager } from '../signing/key-manager';

export interface ModRequestInput {
  id: string;
  reasonCase: ModReasonCase;
  note: string;
}

/**
 * 修撤单 on the client: a modification request built from the differences between the declaration as customs holds
 * it and the broker's edited copy, or a cancellation request; each signed and queued in one transaction with the
 * declaration's new state (修改申请中 / 撤单申请中), exactly as a submission is, and its answer applied when it
 * comes back: an approved modification puts the new values in the declaration (a revision of its own), an approved
 * cancellation makes it 已撤单, a refusal leaves it as it was.
 */
export function createModifyCancel(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    requests: ModRequestsRepo;
    drafts: ModDraftsRepo;
    keys: KeyManager;
    catalog: DocumentCatalog;
    names?: CodeName;
    onQueued(): void;
  },
) {
  const { repo, requests, drafts, catalog } = deps;
  const lifecycle = createLifecycle(repo);
  const event = (kind: ModKind) => (kind === 'modify' ? 'modify-request' : 'cancel-request');

  const queue = ctx.db.transaction(
    (input: Omit<Parameters<ModRequestsRepo['insert']>[0], 'revision'> & { baseRevision: number }) => {
      const row = repo.getState(input.declarationId);
      // Re-checked inside the transaction: a receipt or another request must not slip in while the key answered.
      if (!row || row.revision !== input.baseRevision || !lifecycle.allows(row, event(input.kind)))
        throw new AppError('declarations.changed-while-signing');
      const { baseRevision: _base, ...item } = input;
      const result = lifecycle.apply(row, event(input.kind), {
        at: input.createdAt,
        actor: ctx.actor(),
        changes: { requestId: input.requestId, reasonCase: input.reasonCase, changes: input.changes },
      });
      requests.insert({ ...item, revision: result.revision });
      // The copy became the request; a cancellation leaves nothing to modify: either way the draft is done with.
      drafts.remove(input.declarationId);
    },
  );

  async function request(kind: ModKind, input: ModRequestInput, edited?: DeclarationDoc) {
    const row = repo.get(input.id);
    if (!row) throw new AppError('declarations.not-found', { id: input.id });
    // Refused before the key is asked for: no 海关编号, sent back, or a request already waiting.
    lifecycle.check(row, event(kind));
    // Under inspection the hub refuses the request: say so now, in its words, rather than sign and queue it.
    if (underInspection(row.channel)) throw new AppError('modify.under-inspection', { entryId: row.entryId ?? '' });
    const declared = repo.loadDoc(row);
    const changes: DecModChange[] = edited ? buildDecModList(catalog, declared, edited, deps.names) : [];
    if (kind === 'modify' && changes.length === 0)
      throw new AppError('declarations.modify-nothing-changed', { seqNo: row.clientSeqNo });
    const head = buildDecModHead({
      kind,
      head: declared.head,
      entryId: row.entryId ?? '',
      seqNo: row.seqNo,
      ieFlag: row.ieFlag,
      reasonCase: input.reasonCase,
      note: input.note,
    });
    const signer = await deps.keys.signer();
    const at = isoAt(ctx.clock);
    const envelope = {
      requestId: uuidv7(),
      docType: 'decmod' as const,
      clientSeqNo: row.clientSeqNo,
      createdAt: at,
      keyId: signer.keyId,
      reasonCase: input.reasonCase,
      head,
      changes,
    };
    const text = modEnvelopeSigningText(envelope);
    queue({
      requestId: envelope.requestId,
      declarationId: row.id,
      kind,
      baseRevision: row.revision,
      reasonCase: input.reasonCase,
      note: input.note,
      head,
      changes,
      envelope: text,
      signature: signer.sign(text),
      keyId: signer.keyId,
      digest: sha256Hex(text),
      createdAt: at,
    });
    ctx.events.emit('declarations.changed', { ids: [row.id] });
    deps.onQueued();
    return { id: row.id, requestId: envelope.requestId, changes };
  }

  const settle = ctx.db.transaction(
    (requestId: string, outcome: 'approved' | 'refused', answer: ModAnswer, modSeqNo: string | null, actor: string) => {
      const item = requests.get(requestId);
      if (!item || !requests.settle(requestId, outcome, answer, modSeqNo)) return false;
      const row = repo.getState(item.declarationId);
      const full = repo.get(item.declarationId);
      if (!row || !full) return false;
      const kind = item.kind === 'modify' ? 'modify' : 'cancel';
      const result = lifecycle.apply(row, `${kind}-${outcome}`, {
        at: answer.at,
        actor,
        changes: { requestId, modSeqNo, note: answer.note, reasons: answer.reasons },
      });
      if (kind === 'modify' && outcome === 'approved') {
        const before = repo.loadDoc(full);
        const after = applyDecModList(before, item.changes);
        const rows = new Set(item.changes.flatMap((c) => (c.table === 'lines' && c.row !== null ? [c.row] : [])));
        repo.saveDoc(item.declarationId, after, {
          revision: result.revision,
          updatedAt: answer.at,
          headChanged: true,
          touchedRows: new Map([['lines', rows]]),
          restructured: new Set(),
        });
      }
      return true;
    },
  );

  function modifiable(id: string) {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  return {
    /** 修改申请: the edited copy's differences from the declaration as customs holds it, signed and queued. */
    modify: (input: ModRequestInput & { doc: DeclarationDoc }) => request('modify', input, input.doc),
    /** 撤单申请: the case and the broker's note, signed and queued. */
    cancel: (input: ModRequestInput) => request('cancel', input),
    /** The modification being prepared on a declaration (the copy as the broker left it), or null. */
    draft(id: string): ModDraft | null {
      modifiable(id);
      return drafts.get(id) ?? null;
    },
    /**
     * Keeps the copy as edited, so that closing the editor or the app loses nothing. Refused, naming why, once the
     * declaration may no longer be modified (a request waiting, no 海关编号): the draft would be sent as nothing.
     */
    saveDraft(input: { id: string; doc: DeclarationDoc }): { updatedAt: string } {
      const row = modifiable(input.id);
      lifecycle.check(row, 'modify-request');
      const at = isoAt(ctx.clock);
      drafts.save({ declarationId: row.id, baseRevision: row.revision, doc: input.doc, at });
      return { updatedAt: at };
    },
    /** 放弃修改: the copy is dropped (the declaration is as customs holds it). */
    discardDraft(id: string): { discarded: boolean } {
      modifiable(id);
      return { discarded: drafts.remove(id) };
    },
    /** The requests made for a declaration, oldest first, with their state and answer. */
    list(id: string): ModRequest[] {
      if (!repo.getState(id)) throw new AppError('declarations.not-found', { id });
      return requests.forDeclaration(id);
    },
    /**
     * Records the answer to a request and applies it to the declaration, once: a repeated answer changes nothing
     * (returns false).
     */
    settle(
      requestId: string,
      outcome: 'approved' | 'refused',
      answer: ModAnswer,
      modSeqNo: string | null = null,
      actor = 'hub',
    ) {
      const item = requests.get(requestId);
      const done = settle(requestId, outcome, answer, modSeqNo, actor);
      if (!done || !item) return done;
      ctx.events.emit('declarations.changed', { ids: [item.declarationId] });
      // Said as a receipt is: the answer changed only the declaration's own screen, unseen from any other.
      const seqNo = repo.getState(item.declarationId)?.clientSeqNo ?? '';
      ctx.events.emit('notice', {
        kind: outcome === 'approved' ? 'info' : 'rejected',
        ...reasonMessage('notices.mod-answer', { seqNo, kind: item.kind, outcome }),
        declarationId: item.declarationId,
      });
      return done;
    },
  };
}

export type ModifyCancel = ReturnType<typeof createModifyCancel>;
