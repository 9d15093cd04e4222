import http from 'node:http';

/** A fault the proxy applies to the next matching request(s). */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown } // answer without forwarding
  | { kind: 'drop-after-forward' } // forward, let the hub commit, then cut the connection before the answer
  | { kind: 'reset' } // cut the connection without forwarding
  | { kind: 'delay'; ms: number } // forward after a pause
  | { kind: 'hold'; until: Promise<void> } // forward once the test lets it go: a request under way while it acts
  | { kind: 'replay-previous' } // answer with the previous answer to the same path (a duplicate delivery)
  // Kill the hub at a fixed point of the request, awaiting `kill` (it resolves once the hub is dead), then cut
  // the client's connection. 'mid-body': the hub has the headers and half the body, so nothing can have been
  // stored; 'after-commit': the hub has answered (its batch is stored), and the answer never reaches the client.
  | { kind: 'kill-hub'; at: 'mid-body' | 'after-commit'; kill: () => Promise<void> };

interface Rule {
  method: string;
  pathPrefix: string;
  fault: Fault;
  remaining: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
  fault: Fault['kind'] | null;
  status: number | null;
}

/**
 * A fault-injecting HTTP proxy in front of a real hub (a test double for the
 * network between client and hub). Faults are queued per method and path prefix.
 */
export async function startFaultProxy(initialTarget: string) {
  let target = new URL(initialTarget);
  const rules: Rule[] = [];
  const log: ProxiedRequest[] = [];
  const lastAnswer = new Map<string, { status: number; headers: http.IncomingHttpHeaders; body: Buffer }>();

  function forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  /** Sends the headers and the first half of the body upstream; resolves once those bytes are written. */
  function forwardHalf(req: http.IncomingMessage, body: Buffer): Promise<http.ClientRequest> {
    return new Promise((resolve, reject) => {
      const upstream = http.request({
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
      });
      upstream.on('error', () => undefined); // the hub dies with this request open: expected
      upstream.once('socket', (socket) => socket.once('error', reject));
      upstream.flushHeaders();
      upstream.write(body.subarray(0, Math.floor(body.length / 2)), () => resolve(upstream));
    });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const key = path.split('?')[0] ?? path;
      const rule = rules.find((r) => r.remaining > 0 && r.method === req.method && path.startsWith(r.pathPrefix));
      if (rule) rule.remaining--;
      const entry: ProxiedRequest = {
        method: req.method ?? '',
        path,
        body: body.toString('utf8'),
        fault: rule?.fault.kind ?? null,
        status: null,
      };
      log.push(entry);
      const fault = rule?.fault;
      const send = (answer: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }) => {
        entry.status = answer.status;
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(answer.status, headers).end(answer.body);
      };
      void (async () => {
        try {
          if (fault?.kind === 'status') {
            const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
            if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
            entry.status = fault.status;
            res
              .writeHead(fault.status, headers)
              .end(JSON.stringify(fault.body ?? { error: { code: 'injected', message: `injected ${fault.status}` } }));
            return;
          }
          if (fault?.kind === 'reset') {
            req.socket.destroy();
            return;
          }
          if (fault?.kind === 'replay-previous' && lastAnswer.has(key)) {
            const previous = lastAnswer.get(key);
            if (previous) send(previous);
            return;
          }
          if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
          if (fault?.kind === 'hold') await fault.until;
          if (fault?.kind === 'kill-hub' && fault.at === 'mid-body') {
            const upstream = await forwardHalf(req, body);
            await fault.kill();
            upstream.destroy();
            req.socket.destroy();
            return;
          }
          const answer = await forward(req, body);
          if (fault?.kind === 'kill-hub') {
            entry.status = answer.status;
            await fault.kill();
            req.socket.destroy();
            return;
          }
          if (fault?.kind === 'drop-after-forward') {
            entry.status = answer.status;
            req.socket.destroy();
            return;
          }
          if (answer.status < 300) lastAnswer.set(key, answer);
          send(answer);
        } catch {
          // The hub is down or went away mid-request: the client sees a dropped connection.
          req.socket.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let listening = true;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    inject(method: string, pathPrefix: string, fault: Fault, times = 1): void {
      rules.push({ method, pathPrefix, fault, remaining: times });
    },
    /** Stops listening: connections are refused, as when the hub's machine is off the network. */
    async down(): Promise<void> {
      if (!listening) return;
      listening = false;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up(): Promise<void> {
      if (listening) return;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
      listening = true;
    },
    clearFaults(): void {
      rules.length = 0;
    },
    retarget(url: string): void {
      target = new URL(url);
    },
    async close(): Promise<void> {
      if (!listening) return;
      listening = false;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
