import type { Handlers } from '../api/dispatch';
import type { DeclarationService } from './declaration-service';
import type { createDeclareAction } from './declare';
import type { ModifyCancel } from '../modify/modify-cancel';

type DeclarationMethods =
  | 'declarations.list'
  | 'declarations.get'
  | 'declarations.create'
  | 'declarations.update'
  | 'declarations.delete'
  | 'declarations.declare'
  | 'declarations.requestModification'
  | 'declarations.requestCancellation'
  | 'declarations.modRequests'
  | 'declarations.modDraft'
  | 'declarations.saveModDraft'
  | 'declarations.discardModDraft'
  | 'declarations.complete'
  | 'declarations.receipts'
  | 'declarations.taxBill'
  | 'declarations.timeline'
  | 'declarations.withBillNo';

/** The contract handlers of declarations: the list, one declaration's life, declaring it. */
export function createDeclarationHandlers(deps: {
  declarations: DeclarationService;
  declare: ReturnType<typeof createDeclareAction>;
  modifyCancel: ModifyCancel;
}): Pick<Handlers, DeclarationMethods> {
  const { declarations, declare, modifyCancel } = deps;
  const counted = (r: { id: string; requestId: string; changes: readonly unknown[] }) => ({
    id: r.id,
    requestId: r.requestId,
    changes: r.changes.length,
  });
  return {
    'declarations.list': (input) => declarations.list(input),
    'declarations.get': ({ id }) => declarations.get(id),
    'declarations.create': (input) => declarations.create(input),
    'declarations.update': (input) => declarations.update(input),
    'declarations.delete': ({ ids }) => declarations.delete(ids),
    'declarations.declare': ({ id }) => declare(id),
    'declarations.requestModification': async (input) => counted(await modifyCancel.modify(input)),
    'declarations.requestCancellation': async (input) => counted(await modifyCancel.cancel(input)),
    'declarations.modRequests': ({ id }) =>
      modifyCancel
        .list(id)
        .map(({ declarationId: _d, revision: _r, envelope: _e, signature: _s, keyId: _k, digest: _g, ...r }) => r),
    'declarations.modDraft': ({ id }) => {
      const draft = modifyCancel.draft(id);
      return draft ? { doc: draft.doc, baseRevision: draft.baseRevision, updatedAt: draft.updatedAt } : null;
    },
    'declarations.saveModDraft': (input) => modifyCancel.saveDraft(input),
    'declarations.discardModDraft': ({ id }) => modifyCancel.discardDraft(id),
    'declarations.complete': ({ id }) => declarations.complete(id),
    'declarations.receipts': ({ id }) => declarations.receipts(id),
    'declarations.taxBill': ({ id }) => declarations.taxBill(id),
    'declarations.timeline': ({ id }) => declarations.timeline(id),
    'declarations.withBillNo': (input) => declarations.withBillNo(input),
  };
}
