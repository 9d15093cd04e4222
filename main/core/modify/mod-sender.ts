import type { ModRequest, ModRequestsRepo } from '../../db/repositories/mod-requests-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { backoffDelay } from '../sync/backoff';
import type { HubCallError, HubClient, RequestSigner } from '../sync/hub-client';
import { asHubFailure } from '../sync/hub-client';
import type { ModifyCancel } from './modify-cancel';

export interface ModSendOutcome {
  sent: number;
  failure: HubCallError | null;
}

/** The request body, from the stored signed text as is (canonical JSON already, as the outbox's batches are). */
function bodyOf(item: ModRequest): string {
  return `{"envelope":${item.envelope},"signature":${JSON.stringify(item.signature)}}`;
}

/**
 * Sends the modification and cancellation requests waiting to go out to the hub, one at a time, and settles each by
 * its receipt. Exactly once: a request is marked `sending` durably before it goes, and the hub judges a request id
 * once and answers the same receipt to it again — so a request whose answer was lost (a timeout, a dropped
 * connection, the hub killed) is simply sent again. A refusal of the request itself (4xx: a bad signature, its id
 * taken by other content) settles it refused with that reason; the hub unreachable or busy keeps it for later.
 */
export function createModSender(
  ctx: CoreContext,
  deps: {
    requests: ModRequestsRepo;
    modifyCancel: Pick<ModifyCancel, 'settle'>;
    backoff: { baseMs: number; maxMs: number };
  },
) {
  const { requests } = deps;

  function settleRefused(item: ModRequest, failure: HubCallError): void {
    const at = isoAt(ctx.clock);
    deps.modifyCancel.settle(item.requestId, 'refused', { at, note: '', reasons: [failure.said] });
  }

  return async function sendMods(client: HubClient, signer: RequestSigner): Promise<ModSendOutcome> {
    const outcome: ModSendOutcome = { sent: 0, failure: null };
    for (;;) {
      const due = requests.due(ctx.clock.now(), 20);
      if (due.length === 0) return outcome;
      for (const item of due) {
        if (!requests.markSending(item.requestId, isoAt(ctx.clock))) continue;
        try {
          const receipt = await client.sendDecMod(signer, bodyOf(item));
          outcome.sent++;
          deps.modifyCancel.settle(
            item.requestId,
            receipt.outcome,
            { at: receipt.at, note: receipt.note, reasons: receipt.reasons },
            receipt.modSeqNo,
          );
        } catch (error) {
          const failure = asHubFailure(error);
          if (failure.kind === 'rejected') {
            outcome.sent++;
            settleRefused(item, failure);
            continue;
          }
          const delay = backoffDelay(item.attempts + 1, { ...deps.backoff, retryAfterMs: failure.retryAfterMs });
          requests.scheduleRetry(item.requestId, ctx.clock.now() + delay, failure.said, isoAt(ctx.clock));
          outcome.failure = failure;
          return outcome;
        }
      }
    }
  };
}

export type ModSender = ReturnType<typeof createModSender>;
