import { reasonIssue, reasonMessage } from '../../../shared/api';
import type { SubmitResult } from '../../../shared/protocol';
import { MAX_BATCH } from '../../../shared/protocol';
import type { DeclarationsRepo } from '../../db/repositories/declarations-repo';
import type { OutboxItem, OutboxRepo } from '../../db/repositories/outbox-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import { backoffDelay } from './backoff';
import type { HubClient, RequestSigner } from './hub-client';
import { HubCallError, asHubFailure } from './hub-client';
import type { AttachmentUploader } from './upload-attachments';

export interface PushOptions {
  batchSize: number;
  /** Batches sent at the same time (default 1). */
  concurrency?: number;
  backoff: { baseMs: number; maxMs: number };
  random?: () => number;
}

export interface PushOutcome {
  sent: number;
  accepted: number;
  rejected: Array<{ declarationId: string; clientSeqNo: string }>;
  /** The failure that stopped the pass, if any (items were rescheduled). */
  failure: HubCallError | null;
}

/**
 * One push pass: drains due outbox items in batches. Items are marked
 * `sending` (durably) before the request, so after a crash or a timeout we
 * know they may have arrived and ask the hub before sending them again.
 */
export function createPusher(
  ctx: CoreContext,
  deps: { outbox: OutboxRepo; declarations: DeclarationsRepo; options: PushOptions; uploadFiles?: AttachmentUploader },
) {
  const { outbox, declarations, options } = deps;
  const lifecycle = createLifecycle(declarations);

  const settle = ctx.db.transaction((item: OutboxItem, result: SubmitResult) => {
    const at = isoAt(ctx.clock);
    const row = declarations.getState(item.declarationId);
    if (result.outcome === 'accepted' || result.outcome === 'duplicate') {
      outbox.setState(item.submissionId, 'accepted', at, { hubSeq: result.hubSeq });
      // A declaration no longer queued (withdrawn, or a receipt came first) keeps its state; the answer is recorded
      // on the outbox item alone.
      if (row && lifecycle.allows(row, 'accepted'))
        lifecycle.apply(row, 'accepted', {
          at,
          actor: 'hub',
          changes: { submissionId: item.submissionId, hubSeq: result.hubSeq },
          rejection: null,
        });
      return 'accepted' as const;
    }
    // rejected or conflict: permanent — shown on the declaration's fields, never retried.
    const errors =
      result.errors.length > 0
        ? result.errors
        : [reasonIssue('head', result.outcome === 'conflict' ? 'sync.submission-conflict' : 'sync.rejected-by-hub')];
    outbox.setState(item.submissionId, 'rejected', at, {
      lastError: reasonMessage('sync.refused-fields', { count: errors.length }),
    });
    if (row && lifecycle.allows(row, 'rejected'))
      lifecycle.apply(row, 'rejected', {
        at,
        actor: 'hub',
        changes: { submissionId: item.submissionId, errors },
        rejection: JSON.stringify(errors),
      });
    return 'rejected' as const;
  });

  function reschedule(items: readonly OutboxItem[], failure: HubCallError): void {
    const at = isoAt(ctx.clock);
    ctx.db.transaction(() => {
      for (const item of items) {
        const delay = backoffDelay(item.attempts, {
          ...options.backoff,
          retryAfterMs: failure.retryAfterMs,
          ...(options.random ? { random: options.random } : {}),
        });
        outbox.scheduleRetry(item.submissionId, ctx.clock.now() + delay, failure.said, at);
      }
    })();
  }

  /** The batch body, built from the stored signed text as is (it is canonical JSON already). */
  function batchBody(items: readonly OutboxItem[]): string {
    return `{"submissions":[${items.map((item) => `{"envelope":${item.envelope},"signature":${JSON.stringify(item.signature)}}`).join(',')}]}`;
  }

  /** Asks the hub about items that may already have arrived; returns those still to send. */
  async function reconcile(
    client: HubClient,
    signer: RequestSigner,
    items: OutboxItem[],
    outcome: PushOutcome,
  ): Promise<OutboxItem[]> {
    const toSend: OutboxItem[] = [];
    for (const item of items) {
      if (item.state !== 'sending') {
        toSend.push(item);
        continue;
      }
      try {
        outbox.bumpAttempt(item.submissionId, isoAt(ctx.clock));
        const state = await client.submissionState(signer, item.submissionId);
        const result: SubmitResult = {
          submissionId: item.submissionId,
          outcome: state.state === 'accepted' ? 'duplicate' : 'rejected',
          hubSeq: state.hubSeq,
          errors: state.errors,
        };
        if (state.payloadDigest !== JSON.parse(item.envelope).payloadDigest) result.outcome = 'conflict';
        count(outcome, item, settle(item, result));
      } catch (error) {
        if (error instanceof HubCallError && error.kind === 'rejected' && error.status === 404) toSend.push(item);
        else throw error;
      }
    }
    return toSend;
  }

  function count(outcome: PushOutcome, item: OutboxItem, result: 'accepted' | 'rejected'): void {
    if (result === 'accepted') outcome.accepted++;
    else {
      const row = declarations.getState(item.declarationId);
      outcome.rejected.push({ declarationId: item.declarationId, clientSeqNo: row?.clientSeqNo ?? '' });
    }
  }

  /** Sends one batch and settles its answers; returns the failure that stopped it, if any. */
  async function sendBatch(
    client: HubClient,
    signer: RequestSigner,
    batch: OutboxItem[],
    maybeDelivered: ReadonlySet<string>,
    outcome: PushOutcome,
  ): Promise<HubCallError | null> {
    try {
      const response = await client.submitRaw(signer, batchBody(batch));
      outcome.sent += batch.length;
      const byId = new Map(response.results.map((r) => [r.submissionId, r]));
      const unanswered: OutboxItem[] = [];
      // One durable transaction for the whole batch's answers (not one fsync per item).
      ctx.db.transaction(() => {
        for (const item of batch) {
          const result = byId.get(item.submissionId);
          if (result) count(outcome, item, settle(item, result));
          else unanswered.push(item);
        }
      })();
      if (unanswered.length === 0) return null;
      // An item the hub did not answer for stays `sending`: it is reconciled on its next, later attempt.
      const failure = new HubCallError('protocol', reasonMessage('sync.items-unanswered'));
      reschedule(
        unanswered.map((item) => outbox.get(item.submissionId) ?? item),
        failure,
      );
      return failure;
    } catch (error) {
      const failure = asHubFailure(error);
      if (failure.kind === 'network') {
        // The connection was never made, so this attempt delivered nothing: queued again, unless an earlier attempt may
        // have.
        const at = isoAt(ctx.clock);
        for (const item of batch)
          if (!maybeDelivered.has(item.submissionId))
            outbox.setState(item.submissionId, 'queued', at, { lastError: failure.said });
      }
      reschedule(
        batch.map((item) => outbox.get(item.submissionId) ?? item),
        failure,
      );
      return failure;
    }
  }

  return async function push(client: HubClient, signer: RequestSigner): Promise<PushOutcome> {
    const outcome: PushOutcome = { sent: 0, accepted: 0, rejected: [], failure: null };
    const batchSize = Math.min(options.batchSize, MAX_BATCH);
    const inFlight = Math.max(1, options.concurrency ?? 1);
    for (;;) {
      const due = outbox.due(ctx.clock.now(), batchSize * inFlight);
      if (due.length === 0) return outcome;
      // Items already `sending` may have reached the hub on an earlier attempt; they stay so until the hub is asked.
      const maybeDelivered = new Set(due.filter((item) => item.state === 'sending').map((item) => item.submissionId));
      let pending: OutboxItem[];
      try {
        pending = await reconcile(client, signer, due, outcome);
        // The files a submission names are at the hub before it is (the hub refuses one naming a file it lacks).
        await deps.uploadFiles?.(client, signer, pending);
      } catch (error) {
        const failure = asHubFailure(error);
        reschedule(
          due.map((item) => outbox.get(item.submissionId) ?? item),
          failure,
        );
        outcome.failure = failure;
        return outcome;
      }
      if (pending.length === 0) continue;
      const at = isoAt(ctx.clock);
      // Only what is still pending goes out: an item withdrawn a moment ago is not sent.
      const toSend = ctx.db.transaction(() => pending.filter((item) => outbox.markSending(item.submissionId, at)))();
      if (toSend.length === 0) continue;
      const batches: OutboxItem[][] = [];
      for (let i = 0; i < toSend.length; i += batchSize) batches.push(toSend.slice(i, i + batchSize));
      // Several batches in flight keep both the hub and this process busy instead of taking turns.
      const failures = (
        await Promise.all(batches.map((batch) => sendBatch(client, signer, batch, maybeDelivered, outcome)))
      ).filter((f) => f !== null);
      if (failures.length > 0) {
        outcome.failure = failures[0] ?? null;
        return outcome;
      }
    }
  };
}

/**
 * Asks the hub for the sequence of items accepted through a receipt that came before their submit answer
 * (the answer was lost, so nothing else would ever tell it). A failure leaves them for the next pass.
 */
export async function fillHubSeqs(outbox: OutboxRepo, client: HubClient, signer: RequestSigner): Promise<number> {
  let filled = 0;
  for (const submissionId of outbox.missingHubSeq(100)) {
    const state = await client.submissionState(signer, submissionId);
    if (state.state !== 'accepted' || state.hubSeq === null) continue;
    outbox.fillHubSeq(submissionId, state.hubSeq);
    filled++;
  }
  return filled;
}
