import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SubmitResponse } from '../../shared/protocol';
import { submitRequestSchema } from '../../shared/protocol';
import { decide } from '../submissions/decide';
import type { BatchItem } from '../store/types';
import { NonceReplayedError } from '../store/types';
import { authenticate, replayed } from './auth';
import type { HubContext } from './context';
import { HubHttpError, parseJsonBody, parseWith } from './errors';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A signed GET of one of the client's own records by the UUID the client gave it (a submission, a 修撤单): another id
 * is 400 naming the path's field, the request's nonce is used, and a record the hub never received is 404 — safe to
 * send. `what` names it in the messages.
 */
export async function signedLookup<T>(
  request: FastifyRequest,
  ctx: HubContext,
  id: { field: string; value: string; what: string },
  find: (clientId: string, id: string) => Promise<T | undefined>,
): Promise<T> {
  const auth = await authenticate(request, ctx);
  if (!uuidPattern.test(id.value))
    throw new HubHttpError(400, 'bad-request', `The ${id.what} id in the path must be the UUID the client gave it`, {
      issues: [{ path: id.field, code: 'invalid_format', message: 'expected a UUID' }],
    });
  await withNonce(() => ctx.store.consumeNonce(auth.nonce));
  const found = await find(auth.client.id, id.value);
  if (found === undefined)
    throw new HubHttpError(
      404,
      'not-found',
      `This hub has no ${id.what} ${id.value} from client ${auth.client.id}; it is safe to send it`,
    );
  return found;
}

/** Runs a store write that consumes the request's nonce, turning a replay into 401. */
export async function withNonce<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof NonceReplayedError) throw replayed();
    throw error;
  }
}

export function registerSubmissionRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/submissions', async (request): Promise<SubmitResponse> => {
    const auth = await authenticate(request, ctx);
    const raw = parseJsonBody(request.body);
    const body = parseWith(submitRequestSchema, raw, 'submission batch');
    const rawItems = (raw as { submissions: { envelope: unknown }[] }).submissions;
    const clientId = auth.client.id;
    const known = await ctx.store.findSubmissions(
      clientId,
      body.submissions.map((s) => s.envelope.submissionId),
    );
    const codes = await ctx.codes.current();
    const taxes = await ctx.codes.taxes?.();
    const now = ctx.now();
    const keys = new Map<string, Awaited<ReturnType<typeof ctx.store.getKey>>>();
    const keyOf = async (keyId: string) => {
      if (!keys.has(keyId)) keys.set(keyId, await ctx.store.getKey(clientId, keyId));
      return keys.get(keyId);
    };
    const items: BatchItem[] = [];
    for (const [index, submission] of body.submissions.entries()) {
      const { submissionId, payloadDigest } = submission.envelope;
      const decideContext = {
        clientId,
        keyOf,
        verifier: ctx.verifier,
        codes,
        taxes,
        processor: ctx.config.processor,
        now,
        byEntryId: (entryId: string) => ctx.store.findByEntryId(clientId, entryId),
        attachments: (sha256s: readonly string[]) => ctx.store.completeAttachments(clientId, sha256s),
      };
      const decision = known.has(submissionId)
        ? null
        : await decide(submission, rawItems[index]?.envelope, decideContext);
      items.push({ submissionId, payloadDigest, decision });
    }
    const results = await withNonce(() =>
      ctx.store.recordBatch({ clientId, nonce: auth.nonce, receivedAt: new Date(now).toISOString(), items }),
    );
    // The store tells the processor (here or in a worker process) that work was queued.
    request.log.info(
      {
        clientId,
        items: results.length,
        accepted: results.filter((r) => r.outcome === 'accepted').length,
        rejected: results.filter((r) => r.outcome === 'rejected').length,
      },
      'submission batch',
    );
    return { results };
  });

  app.get<{ Params: { submissionId: string } }>('/v1/submissions/:submissionId', (request) =>
    signedLookup(
      request,
      ctx,
      { field: 'submissionId', value: request.params.submissionId, what: 'submission' },
      (clientId, id) => ctx.store.getSubmission(clientId, id),
    ),
  );
}
