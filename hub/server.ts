// The version is compiled in: a bundle reports the package's wherever it is placed.
import packageJson from '../package.json' with { type: 'json' };
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { HubConfig } from './config';
import { createHubLogger, type HubLogger } from './logging';
import { createCodeLookupCache } from './code-tables/lookup';
import { createSignatureVerifier } from './crypto/keys';
import type { HubContext } from './http/context';
import { HubHttpError, installErrorHandling, sendHubError } from './http/errors';
import { registerAttachmentRoutes } from './http/routes-attachments';
import { registerCodeTableRoutes } from './http/routes-code-tables';
import { registerDecModRoutes } from './http/routes-decmod';
import { registerEnrollmentRoutes } from './http/routes-enrollment';
import { registerMetaRoutes } from './http/routes-meta';
import { registerReceiptRoutes } from './http/routes-receipts';
import { registerSubmissionRoutes } from './http/routes-submissions';
import type { CustomsProcessor } from './processor/customs-processor';
import { createCustomsProcessor } from './processor/customs-processor';
import type { ReceiptNotifier } from './receipts/notifier';
import { createReceiptNotifier } from './receipts/notifier';
import type { HubStore } from './store/types';
import { StoreUnavailableError } from './store/types';

export interface Hub {
  app: FastifyInstance;
  store: HubStore;
  processor: CustomsProcessor;
  notifier: ReceiptNotifier;
  /** Listens on the configured host and port; returns the base URL with the real port. */
  listen(): Promise<string>;
  /**
   * Graceful shutdown: refuses new requests with 503, answers long polls, finishes requests in flight, stops the
   * processor, closes the store.
   */
  close(): Promise<void>;
}

export interface HubOptions {
  config: HubConfig;
  store: HubStore;
  /** The hub's clock (tests move it). */
  now?: () => number;
  /** Where logs go; defaults to the config (a file, or stderr). Never stdout. */
  logStream?: NodeJS.WritableStream;
  /** The process's logger, when the caller made one already (it logs for the store too). */
  logger?: HubLogger;
}

export async function buildHub(options: HubOptions): Promise<Hub> {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  const app = Fastify({
    loggerInstance: (options.logger ?? createHubLogger(config, 'hub', options.logStream)) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: !config.log.requests }),
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any hook (a malformed percent-encoding) get the same error shape.
    frameworkErrors: (error, _request, reply) => {
      sendHubError(reply, new HubHttpError(400, 'bad-request', `The request URL cannot be read: ${error.message}`));
    },
  });

  let closing = false;
  const notifier = createReceiptNotifier();
  const processor = createCustomsProcessor({
    store,
    // Not in this process when separate workers run it: the hub only queues the work.
    config: { ...config.processor, enabled: config.processor.enabled && config.processor.inHub },
    now,
    log: app.log,
  });
  // Receipts committed by any process (this one's processor, another hub's, a worker) wake the long
  // polls waiting here for their client; queued work wakes this process's processor.
  const unsubscribe = await store.subscribe({
    receipts: (clientIds) => (clientIds === null ? notifier.notifyAll() : notifier.notify(clientIds)),
    work: () => processor.kick(),
  });
  const ctx: HubContext = {
    config,
    store,
    verifier: createSignatureVerifier(),
    now,
    notifier,
    processor,
    codes: createCodeLookupCache(store),
    isClosing: () => closing,
    version: packageJson.version,
  };

  // Bodies stay raw bytes: the request signature covers the exact bytes sent; routes parse the JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  installErrorHandling(app);
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    return sendHubError(
      reply,
      new HubHttpError(503, 'shutting-down', 'The hub is shutting down; try again shortly', {
        headers: { 'retry-after': '5' },
      }),
    );
  });

  registerMetaRoutes(app, ctx);
  registerEnrollmentRoutes(app, ctx);
  registerSubmissionRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerReceiptRoutes(app, ctx);
  registerCodeTableRoutes(app, ctx);
  registerDecModRoutes(app, ctx);

  // Nonces can be forgotten once their timestamps would fail the skew check.
  const pruner = setInterval(() => {
    store.pruneNonces(now()).catch((error: unknown) => {
      // The database away (a restart) is not a fault: the next minute prunes what this one did not.
      if (error instanceof StoreUnavailableError) app.log.warn({ err: error }, 'nonce pruning skipped: no database');
      else app.log.error({ err: error }, 'nonce pruning failed');
    });
  }, 60_000);
  pruner.unref();

  await app.ready();
  // Resume whatever a stop or crash left in the queue.
  processor.kick();

  let closed: Promise<void> | null = null;
  return {
    app,
    store,
    processor,
    notifier,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      return `http://${host}:${port}`;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(pruner);
        notifier.wakeAll();
        await processor.stop();
        await unsubscribe();
        const grace = setTimeout(() => {
          app.log.warn('requests still in flight after the grace period; closing their connections');
          app.server.closeAllConnections();
        }, config.shutdownGraceMs);
        grace.unref();
        try {
          await app.close();
        } finally {
          clearTimeout(grace);
          await store.close();
        }
      })();
      return closed;
    },
  };
}
