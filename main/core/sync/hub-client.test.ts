import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { HubCallError, createHubClient } from './hub-client';

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
