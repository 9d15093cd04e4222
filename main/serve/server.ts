import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AppError, type AppErrorArgs, isAppError, type ReasonKey } from '../../shared/api';
import type { App } from '../composition';
import { appVersion } from '../composition';
import { failureFields } from '../logging/failure-fields';
import type { Logger } from '../logging/logger';
import { contentSecurityPolicy } from '../desk/content-security-policy';
import { hostAllowed, tokenMatches } from './security';

const MAX_BODY = 8 * 1024 * 1024;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const baseHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/** The host's own refusal, as a reason the page words in the broker's language. */
function refuse<R extends ReasonKey>(res: http.ServerResponse, status: number, key: R, ...args: AppErrorArgs<R>): void {
  sendJson(res, status, { ok: false, error: new AppError(key, ...args).toApiError() });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new AppError('host.call-too-large', { mb: MAX_BODY / (1024 * 1024) }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser host: the same contract as the Electron shell, over HTTP on
 * 127.0.0.1 only. Every API call needs the per-launch token; without it the
 * answer is 401 and nothing runs. Events stream as server-sent events.
 */
export function createBrowserHost(options: {
  app: Pick<App, 'dispatch' | 'subscribe'>;
  staticDir: string;
  token: string;
  logger: Logger;
}) {
  const { app, token, logger } = options;
  const staticRoot = path.resolve(options.staticDir);
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = app.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 15_000);

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!tokenMatches(token, req.headers.authorization)) {
      refuse(res, 401, 'host.wrong-token');
      return;
    }
    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        refuse(res, 403, 'host.foreign-page');
        return;
      }
      let body: { method?: unknown; input?: unknown };
      try {
        body = JSON.parse(await readBody(req)) as { method?: unknown; input?: unknown };
      } catch (error) {
        if (isAppError(error)) sendJson(res, 400, { ok: false, error: error.toApiError() });
        else refuse(res, 400, 'host.not-a-call');
        return;
      }
      sendJson(res, 200, await app.dispatch(body?.method, body?.input));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        ...baseHeaders,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${JSON.stringify({ version: appVersion })}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    refuse(res, 404, 'host.no-route', { route: `${req.method ?? ''} ${url.pathname}` });
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, baseHeaders).end();
      return;
    }
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(staticRoot, `.${relative}`);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...baseHeaders, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      ...baseHeaders,
      'content-type': mimeTypes[ext] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, port)) {
      refuse(res, 403, 'host.unexpected-host', { host: req.headers.host ?? '' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url)
      : Promise.resolve(handleStatic(req, res, url));
    work.catch((error: unknown) => {
      logger.error('browser host request failed', { path: url.pathname, ...failureFields(error) });
      if (!res.headersSent) refuse(res, 500, 'common.internal', { method: url.pathname, detail: String(error) });
      else res.end();
    });
  });

  return {
    listen(requestedPort: number): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(requestedPort, '127.0.0.1', () => {
          const address = server.address();
          port = typeof address === 'object' && address ? address.port : requestedPort;
          resolve(port);
        });
      });
    },
    async close(): Promise<void> {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
