import type { z } from 'zod';
import type { ApiResult, SwdeskBridge } from '../../shared/api';
import { apiErrorSchema, events, isEventName, isMethodName, methods } from '../../shared/api';
import { recordContractBreach } from './contract-breaches';

export interface FakeCall {
  method: string;
  input: unknown;
}

function check(schema: z.ZodType, value: unknown, what: string): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  const breach = `${what} breaks the contract: ${issues}`;
  recordContractBreach(breach);
  throw new Error(breach);
}

/**
 * A fake of the preload bridge for renderer tests: records calls and answers from a handler map. It
 * holds to the contract main holds to (main/core/api/dispatch.ts): the method must be in the list and
 * its input must parse with the method's input schema, and the fake's own answers must parse with
 * its output schema (an error, with the error shape), so a renderer test cannot pass on a call main
 * would refuse or on an answer main could never give. Events emitted are checked against theirs.
 */
export function createFakeBridge(
  answers: Record<string, (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>>,
) {
  const calls: FakeCall[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: SwdeskBridge = {
    version: 'test',
    async invoke(method, input) {
      calls.push({ method, input });
      if (!isMethodName(method)) {
        recordContractBreach(`${String(method)} is not a method of the contract`);
        throw new Error(`${String(method)} is not a method of the contract`);
      }
      check(methods[method].input, input ?? {}, `the renderer's call of ${method}`);
      const answer = answers[method];
      if (!answer) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `fake bridge has no ${method}` } };
      const result = await answer(input);
      if (result.ok) check(methods[method].output, result.value, `the fake's answer to ${method}`);
      else check(apiErrorSchema, result.error, `the fake's error for ${method}`);
      return result;
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
      if (!isEventName(event)) throw new Error(`${event} is not an event of the contract`);
      check(events[event], payload, `the fake event ${event}`);
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}
