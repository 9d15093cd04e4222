import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { healthSchema } from '../../shared/protocol';
import type { HubContext } from './context';

export function registerMetaRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/health', async (): Promise<z.infer<typeof healthSchema>> => ({ status: 'ok', version: ctx.version, time: new Date(ctx.now()).toISOString() }));
}
