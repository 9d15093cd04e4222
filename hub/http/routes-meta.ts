import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { healthSchema } from '../../shared/protocol';
import type { HubContext } from './context';
import { docsCsp, docsPage } from './docs-page';
import { openApiDocument } from './openapi';

export function registerMetaRoutes(app: FastifyInstance, ctx: HubContext): void {
  const document = openApiDocument(ctx.version);
  // A load balancer's check: 200 when this process and its database answer, 503 (with Retry-After)
  // when the database does not or the process is draining for shutdown.
  app.get('/v1/health', async (): Promise<z.infer<typeof healthSchema>> => {
    const started = performance.now();
    const store = await ctx.store.ping();
    return {
      status: 'ok',
      version: ctx.version,
      time: new Date(ctx.now()).toISOString(),
      store: { ...store, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      limits: { attachmentBytes: ctx.config.maxAttachmentBytes },
    };
  });
  app.get('/v1/openapi.json', async () => document);
  app.get('/v1/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', docsCsp).send(docsPage),
  );
}
