import type { FastifyInstance } from 'fastify';
import type { ReceiptsResponse } from '../../shared/protocol';
import { authenticate } from './auth';
import type { HubContext } from './context';
import { HubHttpError } from './errors';
import { withNonce } from './routes-submissions';

function badQuery(name: string, message: string): HubHttpError {
  return new HubHttpError(400, 'bad-query', `${name}: ${message}`, {
    issues: [{ path: name, code: 'invalid', message }],
  });
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badQuery(name, 'give it once');
  return value;
}

export function parseReceiptsQuery(
  query: Record<string, unknown>,
  limits: { maxWaitSeconds: number; maxPage: number },
): { after: number; afterText: string; waitMs: number; limit: number } {
  const afterText = single(query.after, 'after') ?? '';
  if (afterText !== '' && !/^\d{1,15}$/.test(afterText))
    throw badQuery('after', 'must be a cursor this hub returned (or empty for the beginning)');
  const waitText = single(query.wait, 'wait');
  let waitMs = 0;
  if (waitText !== undefined && waitText !== '') {
    const seconds = Number(waitText);
    if (!/^\d+(\.\d+)?$/.test(waitText) || !Number.isFinite(seconds))
      throw badQuery('wait', 'must be a number of seconds, e.g. 20');
    waitMs = Math.min(seconds, limits.maxWaitSeconds) * 1000;
  }
  const limitText = single(query.limit, 'limit');
  let limit = limits.maxPage;
  if (limitText !== undefined && limitText !== '') {
    if (!/^\d{1,6}$/.test(limitText) || Number(limitText) < 1)
      throw badQuery('limit', `must be a whole number from 1 to ${limits.maxPage}`);
    limit = Math.min(Number(limitText), limits.maxPage);
  }
  return { after: afterText === '' ? 0 : Number(afterText), afterText, waitMs, limit };
}

export function registerReceiptRoutes(app: FastifyInstance, ctx: HubContext): void {
  const polling = new Map<string, number>();

  app.get('/v1/receipts', async (request, reply): Promise<ReceiptsResponse> => {
    const auth = await authenticate(request, ctx);
    const q = parseReceiptsQuery(request.query as Record<string, unknown>, {
      maxWaitSeconds: ctx.config.maxWaitSeconds,
      maxPage: ctx.config.maxReceiptsPerPage,
    });
    const clientId = auth.client.id;
    const active = polling.get(clientId) ?? 0;
    if (q.waitMs > 0 && active >= ctx.config.longPollsPerClient) {
      throw new HubHttpError(
        429,
        'rate-limited',
        `This client already has ${active} long polls open; wait for one to answer before asking again`,
        {
          headers: { 'retry-after': '5' },
        },
      );
    }
    await withNonce(() => ctx.store.consumeNonce(auth.nonce));

    const deadline = ctx.now() + q.waitMs;
    const aborted = new AbortController();
    reply.raw.once('close', () => aborted.abort());
    polling.set(clientId, active + 1);
    try {
      for (;;) {
        const generation = ctx.notifier.generation(clientId);
        const receipts = await ctx.store.receiptsAfter(clientId, q.after, q.limit);
        const remaining = deadline - ctx.now();
        if (receipts.length > 0 || remaining <= 0 || ctx.isClosing() || aborted.signal.aborted) {
          const last = receipts.at(-1);
          return { receipts, cursor: last ? last.cursor : q.afterText };
        }
        await ctx.notifier.wait(clientId, generation, remaining, aborted.signal);
      }
    } finally {
      const left = (polling.get(clientId) ?? 1) - 1;
      if (left <= 0) polling.delete(clientId);
      else polling.set(clientId, left);
    }
  });
}
