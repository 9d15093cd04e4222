import type { ApiResult, SwdeskBridge } from '../../shared/api';

export interface FakeCall {
  method: string;
  input: unknown;
}

/** A fake of the preload bridge for renderer tests: records calls and answers from a handler map. */
export function createFakeBridge(
  answers: Record<string, (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>>,
) {
  const calls: FakeCall[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: SwdeskBridge = {
    version: 'test',
    async invoke(method, input) {
      calls.push({ method, input });
      const answer = answers[method];
      if (!answer) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `fake bridge has no ${method}` } };
      return answer(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    bridge,
    calls,
    emit(event: string, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}
