import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { healthSchema } from '../../shared/protocol';
import type { HubContext } from './context';
import { docsCsp, docsPage } from './docs-page';
import { openApiDocument } from './openapi';

export function registerMetaRoutes(app: FastifyInstance, ctx: HubContext): void {
  const document = openApiDocument(ctx.version);
  app.get('/v1/health', async (): Promise<z.infer<typeof healthSchema>> => ({
    status: 'ok',
    version: ctx.version,
    time: new Date(ctx.now()).toISOString(),
  }));
  app.get('/v1/openapi.json', async () => document);
  app.get('/v1/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', docsCsp).send(docsPage),
  );
}
