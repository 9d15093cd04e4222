import type { ApiResult, MethodName, MethodOutput, MethodParsedInput } from '../../../shared/api';
import { AppError, isAppError, isMethodName, issuesFromZod, methods, zodDetail } from '../../../shared/api';
import type { Logger } from '../../logging/logger';

/** One implementation per contract method. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * The contract boundary both shells call: the method must be in the list, the
 * input must match its schema (or nothing runs), and every failure comes back
 * as `{ ok: false, error }` — never a thrown exception or a stack trace.
 */
export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: new AppError('common.unknown-method', { method: String(method).slice(0, 80) }).toApiError(),
      };
    }
    const given: unknown = input ?? {};
    const parsed = methods[method].input.safeParse(given);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error, given);
      // zod's own English, for support only: each issue is worded by its reason.
      const detail = zodDetail(parsed.error);
      return { ok: false, error: new AppError('common.bad-input', { method, detail }, issues).toApiError() };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      // The output is checked too, so a drift between core and contract fails loudly here, not in the UI.
      const checked = methods[method].output.safeParse(value);
      if (!checked.success) {
        logger.error('handler output breaks the contract', { method, issues: issuesFromZod(checked.error) });
        return { ok: false, error: new AppError('common.bad-output', { method }).toApiError() };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toApiError() };
      logger.error('handler failed', {
        method,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: new AppError('common.internal', { method, detail }).toApiError() };
    }
  };
}

export { AppError };
