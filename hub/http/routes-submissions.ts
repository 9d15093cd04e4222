import type { FastifyInstance } from 'fastify';
import type { SubmitResponse } from '../../shared/protocol';
import { submitRequestSchema } from '../../shared/protocol';
import { decide } from '../submissions/decide';
import type { BatchItem } from '../store/types';
import { NonceReplayedError } from '../store/types';
import { authenticate, replayed } from './auth';
import type { HubContext } from './context';
import { HubHttpError, parseJsonBody, parseWith } from './errors';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  app.get<{ Params: { submissionId: string } }>('/v1/submissions/:submissionId', async (request) => {
    const auth = await authenticate(request, ctx);
    const { submissionId } = request.params;
    if (!uuidPattern.test(submissionId)) {
      throw new HubHttpError(
        400,
        'bad-request',
        'The submission id in the path must be the UUID the client gave the submission',
        {
          issues: [{ path: 'submissionId', code: 'invalid_format', message: 'expected a UUID' }],
        },
      );
    }
    await withNonce(() => ctx.store.consumeNonce(auth.nonce));
    const state = await ctx.store.getSubmission(auth.client.id, submissionId);
    if (!state)
      throw new HubHttpError(
        404,
        'not-found',
        `This hub has no submission ${submissionId} from client ${auth.client.id}; it is safe to send it`,
      );
    return state;
  });
}
