import type { SwdeskBridge } from '../../shared/api';

/**
 * The browser host's stand-in for the preload bridge: the same
 * invoke/on/version surface, over HTTP with the per-launch token, events from
 * a server-sent-event stream read with fetch (so the token stays in a header).
 */
/** Waits between attempts to reach a host that does not answer: doubling from 0.5 s to 15 s, with jitter. */
export const reconnectDelay = { baseMs: 500, maxMs: 15_000 } as const;

/** The delay before attempt `failures` + 1 (full jitter in its upper half, so pages do not retry in step). */
export function reconnectDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(reconnectDelay.maxMs, reconnectDelay.baseMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export function createHttpBridge(
  token: string,
  base = '',
  options: { wait?: (ms: number) => Promise<void> } = {},
): SwdeskBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const auth = { authorization: `Bearer ${token}` };
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /**
   * Reads main's events, and reconnects when the host goes away. A stopped host is asked again after a
   * growing wait (it was asked several times a second), and the page refetches its data once, when the
   * stream is back: a failed attempt is not a reconnection (each one made every query fetch again).
   */
  async function stream(): Promise<void> {
    let failures = 0;
    let lost = false;
    for (;;) {
      try {
        const response = await fetch(`${base}/api/events`, { headers: auth });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        failures = 0;
        if (lost) emit('reconnected', {});
        lost = false;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            dispatchFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // The host stopped or restarted, or the network blinked: wait, then try again.
      }
      lost = true;
      failures++;
      await wait(reconnectDelayMs(failures));
    }
  }

  function dispatchFrame(frame: string): void {
    let event = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (data === '') return;
    try {
      emit(event, JSON.parse(data));
    } catch {
      // A frame we cannot read is skipped; the next status event repairs the view.
    }
  }

  function emit(event: string, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  void stream();

  return {
    version: 'browser',
    async invoke(method, input) {
      const response = await fetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      return (await response.json()) as unknown;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
