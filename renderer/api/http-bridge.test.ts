// @vitest-environment node
/* eslint-disable no-restricted-imports -- a real host on loopback for the test; the bridge itself uses no Node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge, reconnectDelay, reconnectDelayMs } from './http-bridge';

/** A real host stand-in on loopback: answers /api/events with one event and keeps the stream open. */
function eventsServer(port = 0) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: hello\ndata: {"n":1}\n\n');
  });
  return new Promise<{ port: number; requests: () => number; stop: () => Promise<void> }>((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        requests: () => requests,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

describe('the browser host bridge when the host stops (a real loopback server, waits recorded)', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((s) => s()));
  });

  it('asks a stopped host again after growing waits, and refetches once when it is back', async () => {
    const first = await eventsServer();
    const waits: number[] = [];
    let release: () => void = () => undefined;
    // Each wait is recorded and held until the test lets it go: attempts are counted, not timed.
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        waits.push(ms);
        release = resolve;
      });
    const bridge = createHttpBridge('t', `http://127.0.0.1:${first.port}`, { wait });
    let reconnected = 0;
    let hellos = 0;
    bridge.on('reconnected', () => void reconnected++);
    bridge.on('hello', () => void hellos++);
    await vi.waitFor(() => expect(hellos).toBe(1));
    expect(reconnected).toBe(0);

    await first.stop();
    // Ten attempts at a stopped host: each waits longer than the one before, up to the cap; no refetch.
    for (let i = 1; i <= 10; i++) {
      await vi.waitFor(() => expect(waits).toHaveLength(i));
      if (i < 10) release();
    }
    expect(reconnected).toBe(0);
    for (let i = 1; i < waits.length; i++) {
      const ceiling = Math.min(reconnectDelay.maxMs, reconnectDelay.baseMs * 2 ** (i - 1));
      expect(waits[i - 1]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(waits[i - 1]).toBeLessThanOrEqual(ceiling);
    }
    expect(waits[9]).toBeGreaterThanOrEqual(reconnectDelay.maxMs / 2);

    const again = await eventsServer(first.port);
    stops.push(again.stop);
    release();
    await vi.waitFor(() => expect(hellos).toBe(2));
    expect(reconnected).toBe(1);
    expect(again.requests()).toBe(1);
  });

  it('keeps the wait between half and all of the doubling ceiling', () => {
    expect(reconnectDelayMs(1, () => 0)).toBe(reconnectDelay.baseMs / 2);
    expect(reconnectDelayMs(1, () => 1)).toBe(reconnectDelay.baseMs);
    expect(reconnectDelayMs(3, () => 1)).toBe(reconnectDelay.baseMs * 4);
    expect(reconnectDelayMs(50, () => 1)).toBe(reconnectDelay.maxMs);
  });
});
