import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api';
import { HubCallError, createHubClient, notHubFailure } from './hub-client';

const clock = { now: () => Date.UTC(2026, 0, 5) };
const resets = createServer((socket) => socket.resetAndDestroy());

afterAll(() => void resets.close());

async function failure(baseUrl: string): Promise<HubCallError> {
  const error: unknown = await createHubClient({ baseUrl, clock })
    .health()
    .catch((e: unknown) => e);
  if (!(error instanceof HubCallError)) throw new Error(`not a HubCallError: ${String(error)}`);
  return error;
}

describe("a hub call that gets no answer tells the cause's kind, the library's words kept apart", () => {
  it('a blocked port is refused before connecting: nothing reached the hub, so it is plainly retried', async () => {
    const error = await failure('http://127.0.0.1:6000');
    expect(error.kind).toBe('network');
    expect(error.said).toMatchObject({
      reason: 'sync.hub-unreachable',
      params: { url: 'http://127.0.0.1:6000', cause: 'bad-port', detail: 'fetch failed: bad port' },
    });
    expect(error.message).toBe(
      'Cannot reach the hub at http://127.0.0.1:6000: the port is one that network calls may not use',
    );
  });

  it('a connection reset after connecting may have delivered the request: the broken connection, its kind', async () => {
    await new Promise<void>((resolve) => resets.listen(0, '127.0.0.1', resolve));
    const error = await failure(`http://127.0.0.1:${(resets.address() as AddressInfo).port}`);
    expect(error.kind).toBe('indeterminate');
    expect(error.said.reason).toBe('sync.connection-broke');
    expect(error.said.params.cause).toBe('connection-reset');
    expect(error.said.params.detail).toMatch(/ECONNRESET/);
    expect(error.message).not.toMatch(/ECONNRESET/);
  });
});

describe("a hub's refusal is worded by its code or status, its own English kept for support", () => {
  const answers = new Map<string, { status: number; type: string; body: string }>([
    [
      '/bad-json/v1/health',
      {
        status: 400,
        type: 'application/json',
        body: JSON.stringify({
          error: { code: 'bad-json', message: 'The request body is not valid JSON: Unexpected end' },
        }),
      },
    ],
    ['/proxy/v1/health', { status: 404, type: 'text/html', body: '<html><body>Not Found</body></html>' }],
  ]);
  const hub = createHttpServer((request, response) => {
    const answer = answers.get(request.url ?? '') ?? { status: 500, type: 'text/plain', body: '' };
    response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(() => void hub.close());

  it("a malformed request: the hub's code worded, its words under 详情", async () => {
    const error = await failure(`${base}/bad-json`);
    expect(error.said).toMatchObject({
      reason: 'hub.protocol',
      params: { code: 'bad-json', detail: 'bad-json: The request body is not valid JSON: Unexpected end' },
    });
    expect(error.message).toBe(
      'The hub refused the request as malformed: its body is not valid JSON. Export the diagnostics (Settings) and contact support',
    );
  });

  it('an answer without the hub’s form (a proxy’s page): worded by its status', async () => {
    const error = await failure(`${base}/proxy`);
    expect(error.said).toMatchObject({ reason: 'sync.hub-refused', params: { status: 404, detail: 'HTTP 404' } });
    expect(error.message).toBe(
      'The hub refused the request (HTTP 404): there is nothing at this address (is it the hub’s address?)',
    );
  });
});

describe('a failure of sending that is not a hub call', () => {
  it('a file that cannot be read: sync.failed naming its kind; a program error: an error inside SW Desk', async () => {
    const missing = await readFile(join(tmpdir(), 'swdesk-no-such-attachment.pdf')).catch((e: unknown) => e);
    expect(notHubFailure(missing)).toMatchObject({
      reason: 'sync.failed',
      params: { cause: 'file-not-found', detail: expect.stringMatching(/^ENOENT: no such file or directory/) },
      message:
        'Sending failed: the file or folder does not exist. If it keeps failing, export the diagnostics (Settings) and contact support',
    });
    const bug = notHubFailure(new TypeError("Cannot read properties of undefined (reading 'rows')"));
    expect(bug.params).toEqual({ cause: 'other', detail: "Cannot read properties of undefined (reading 'rows')" });
    expect(bug.message).toMatch(/^Sending failed: an error inside SW Desk\./);
    // A failure that already has its reason keeps it.
    expect(notHubFailure(new AppError('sync.key-locked')).reason).toBe('sync.key-locked');
  });
});
