import type { OutboxEntry } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxRepo, OutboxState } from '../../db/repositories/outbox-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';

/** The outbox as the user works with it: what is waiting, and taking a queued declaration back. */
export function createOutboxService(ctx: CoreContext, deps: { outbox: OutboxRepo; declarations: DeclarationsRepo }) {
  const { outbox, declarations } = deps;
  const lifecycle = createLifecycle(declarations);

  const withdraw = ctx.db.transaction((declarationId: string) => {
    const row = declarations.get(declarationId);
    if (!row) throw new AppError('declarations.not-found', { id: declarationId });
    const item = outbox.pendingFor(declarationId);
    if (!item) throw new AppError('declarations.not-in-outbox', { seqNo: row.clientSeqNo });
    lifecycle.check(row, 'withdraw');
    if (item.state === 'sending') {
      throw new AppError('declarations.being-sent', { seqNo: row.clientSeqNo });
    }
    const at = isoAt(ctx.clock);
    outbox.setState(item.submissionId, 'withdrawn', at, { lastError: null });
    lifecycle.apply(row, 'withdraw', { at, actor: ctx.actor(), changes: { submissionId: item.submissionId } });
    return { id: row.id, submissionId: item.submissionId };
  });

  return {
    list(input: { states?: OutboxState[]; limit: number }): OutboxEntry[] {
      return outbox
        .list(input.limit, input.states ?? ['queued', 'sending', 'rejected', 'accepted', 'withdrawn'])
        .map((item) => ({
          ...item,
          nextAttemptAt:
            item.state === 'queued' || item.state === 'sending' ? new Date(item.nextAttemptAt).toISOString() : null,
        }));
    },
    withdraw(declarationId: string) {
      const result = withdraw(declarationId);
      ctx.events.emit('declarations.changed', { ids: [declarationId] });
      return result;
    },
  };
}
