import type { ApiResult, MethodName, MethodOutput, MethodParsedInput } from '../../../shared/api';
import {
  AppError,
  causeDetail,
  isAppError,
  isMethodName,
  issuesFromZod,
  methods,
  zodDetail,
} from '../../../shared/api';
import { failureFields } from '../../logging/failure-fields';
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
      if (isAppError(error)) {
        // The broker reads the sentence; support reads this line, which keeps what the sentence leaves out.
        // A refusal that carries the program's words is a failure of something under SW Desk (a disk, the network).
        const fields = failureFields(error);
        logger[fields.detail === undefined ? 'info' : 'warn']('handler refused', {
          method,
          code: error.code,
          ...fields,
        });
        return { ok: false, error: error.toApiError() };
      }
      logger.error('handler failed', { method, ...failureFields(error) });
      // Each message of the cause chain, with its code: the outer message alone often says only that a step failed.
      return { ok: false, error: new AppError('common.internal', { method, detail: causeDetail(error) }).toApiError() };
    }
  };
}

export { AppError };
