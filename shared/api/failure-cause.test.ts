import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCauseKind, causeDetail, causeKind, causeParams } from './failure-cause';

/** What a call threw (the test fails when it did not throw). */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
}

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'swdesk-cause-'));
  await writeFile(join(folder, 'a-file'), 'x');
});

afterAll(async () => {
  for (const server of servers) server.close();
  await rm(folder, { recursive: true, force: true });
});

async function server(make: () => Server): Promise<string> {
  const made = make();
  servers.push(made);
  return listening(made);
}

describe('the kind of a failed network call, from what fetch (undici) really throws', () => {
  it('connection refused: a loopback port nothing listens on', async () => {
    const closed = createServer();
    const address = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    const error = await thrown(() => fetch(`http://${address}/`));
    expect(causeKind(error)).toBe('connection-refused');
    expect(causeDetail(error)).toMatch(/^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('host not found: a name under .invalid, which no resolver answers', async () => {
    expect(causeKind(await thrown(() => fetch('http://swdesk-hub.invalid/')))).toBe('host-not-found');
  });

  it('timed out: a server that never answers, the call given 1 ms', async () => {
    const address = await server(() => createServer(() => undefined));
    const error = await thrown(() => fetch(`http://${address}/`, { signal: AbortSignal.timeout(1) }));
    expect(causeKind(error)).toBe('timed-out');
  });

  it('connection reset or closed: a server that resets, and one that hangs up', async () => {
    const resets = await server(() => createServer((socket) => socket.resetAndDestroy()));
    expect(causeKind(await thrown(() => fetch(`http://${resets}/`)))).toBe('connection-reset');
    const hangsUp = await server(() => createServer((socket) => socket.destroy()));
    const closed = await thrown(() => fetch(`http://${hangsUp}/`));
    expect(causeKind(closed)).toBe('connection-reset');
    expect(causeDetail(closed)).toBe('fetch failed: other side closed (UND_ERR_SOCKET)');
  });

  it('bad port: a port browsers block, refused before any connection (undici says only "bad port")', async () => {
    const error = await thrown(() => fetch('http://127.0.0.1:6000/'));
    expect(causeKind(error)).toBe('bad-port');
    expect(causeParams(error)).toEqual({ cause: 'bad-port', detail: 'fetch failed: bad port' });
  });

  it('TLS: https spoken to a plain http server', async () => {
    const address = await server(() => createHttpServer((_q, answer) => answer.end('plain')));
    expect(causeKind(await thrown(() => fetch(`https://${address}/`)))).toBe('tls');
  });
});

describe('the kind of a failed file operation, from what node:fs really throws', () => {
  it('file not found, is a directory, not a directory', async () => {
    expect(causeKind(await thrown(() => readFile(join(folder, 'missing.xml'))))).toBe('file-not-found');
    expect(causeKind(await thrown(() => readFile(folder)))).toBe('is-a-directory');
    expect(causeKind(await thrown(() => readFile(join(folder, 'a-file', 'inside'))))).toBe('not-a-directory');
  });

  it('disk full: a write to /dev/full', async () => {
    const error = await thrown(async () => {
      const full = await open('/dev/full', 'w');
      try {
        await full.writeFile('x');
      } finally {
        await full.close();
      }
    });
    expect(causeParams(error)).toEqual({ cause: 'disk-full', detail: 'ENOSPC: no space left on device, write' });
  });

  // These cannot be made reliably on a test machine (the tests may run as root, on no read-only disk, under a
  // generous open-files limit): the errors are shaped as node:fs throws them (message, code, errno, syscall).
  it.each([
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['EROFS', 'read-only'],
    ['EBUSY', 'file-busy'],
    ['ETXTBSY', 'file-busy'],
    ['EMFILE', 'too-many-files'],
    ['EDQUOT', 'disk-full'],
  ])('a node:fs error shaped with %s is %s', (code, kind) => {
    const error = Object.assign(new Error(`${code}: it failed, open '/data/swdesk.sqlite'`), { code, syscall: 'open' });
    expect(causeKind(error)).toBe(kind);
    // Wrapped as another error's cause (a library that rethrows), it is still found.
    expect(causeKind(new Error('could not open the database', { cause: error }))).toBe(kind);
  });
});

describe('what is not known', () => {
  it("is 'other', with the program's text kept whole for support", () => {
    expect(causeParams(new RangeError('Invalid array length'))).toEqual({
      cause: 'other',
      detail: 'Invalid array length',
    });
    expect(causeParams('a thrown string')).toEqual({ cause: 'other', detail: 'a thrown string' });
    expect(asCauseKind('from-a-newer-main')).toBe('other');
    expect(asCauseKind('tls')).toBe('tls');
  });
});
