import http from 'node:http';

export interface Balancer {
  url: string;
  /** Requests each target answered (by index), and those that got 502 because a target died under them. */
  counts: number[];
  dropped: number;
  close(): Promise<void>;
}

/**
 * A load balancer in front of several hub processes (a test double for nginx or a cloud LB): each
 * request goes to the next target in turn; a target that refuses the connection is skipped (nothing
 * was sent to it, so trying the next is safe), and one that dies after the request reached it
 * answers 502, as a real balancer would — the client does not know whether it was processed.
 */
export async function startBalancer(targets: readonly string[]): Promise<Balancer> {
  let next = 0;
  const counts = targets.map(() => 0);
  const state = { dropped: 0 };

  function forward(index: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, tries: number) {
    const target = new URL(targets[index] ?? '');
    let sent = false;
    const upstream = http.request(
      // A connection per request: "connected" then means this request reached the target.
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        counts[index] = (counts[index] ?? 0) + 1;
        const headers = { ...answer.headers };
        delete headers.connection;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('socket', (socket) => socket.once('connect', () => (sent = true)));
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      if (!sent && tries < targets.length) return forward((index + 1) % targets.length, req, body, res, tries + 1);
      state.dropped += 1;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad-gateway', message: 'the hub process went away' } }));
    });
    upstream.end(body);
  }

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = next;
      next = (next + 1) % targets.length;
      forward(index, req, Buffer.concat(chunks), res, 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    get dropped() {
      return state.dropped;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
