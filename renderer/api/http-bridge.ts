import type { SwdeskBridge } from '../../shared/api';

/**
 * The browser host's stand-in for the preload bridge: the same
 * invoke/on/version surface, over HTTP with the per-launch token, events from
 * a server-sent-event stream read with fetch (so the token stays in a header).
 */
export function createHttpBridge(token: string, base = ''): SwdeskBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const auth = { authorization: `Bearer ${token}` };

  async function stream(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(`${base}/api/events`, { headers: auth });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        attempt = 0;
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
        // The host restarted or the network blinked: reconnect with a short backoff.
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** attempt)));
      emit('reconnected', {});
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
