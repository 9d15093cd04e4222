import type { FastifyInstance } from 'fastify';
import type { CodeTable, CodeTableList } from '../../shared/protocol';
import { authenticate } from './auth';
import type { HubContext } from './context';
import { HubHttpError } from './errors';
import { withNonce } from './routes-submissions';

export function registerCodeTableRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/code-tables', async (request): Promise<CodeTableList> => {
    const auth = await authenticate(request, ctx);
    await withNonce(() => ctx.store.consumeNonce(auth.nonce));
    return { tables: await ctx.store.listCodeTables() };
  });

  app.get<{ Params: { tableId: string }; Querystring: Record<string, unknown> }>(
    '/v1/code-tables/:tableId',
    async (request, reply): Promise<CodeTable> => {
      const auth = await authenticate(request, ctx);
      const versionText = request.query.version;
      let version: number | undefined;
      if (versionText !== undefined && versionText !== '') {
        if (typeof versionText !== 'string' || !/^\d{1,9}$/.test(versionText)) {
          throw new HubHttpError(400, 'bad-query', 'version: must be a version number from GET /v1/code-tables', {
            issues: [{ path: 'version', code: 'invalid', message: 'expected a whole number' }],
          });
        }
        version = Number(versionText);
      }
      await withNonce(() => ctx.store.consumeNonce(auth.nonce));
      const table = await ctx.store.getCodeTable(request.params.tableId, version);
      if (!table) {
        const which = version === undefined ? '' : ` version ${version}`;
        throw new HubHttpError(
          404,
          'not-found',
          `This hub has no code table ${request.params.tableId}${which}; GET /v1/code-tables lists them`,
        );
      }
      // The content hash names the version, so a client can skip what it already has.
      reply.header('etag', `"${table.sha256}"`);
      return table;
    },
  );
}
