import type { ReasonMessage } from '../../shared/api';
import { causeDetail, isAppError } from '../../shared/api';

/**
 * What a failure said, as the fields of a log line for the support person who reads it: the English sentence with its
 * reason, and what that sentence leaves out: the reason's detail (a library's, the OS's or a carried reason's words).
 * A program error gives its cause chain, each message with its code, and its stack.
 */
export function failureFields(error: unknown): Record<string, unknown> {
  // A reason's detail already holds its cause chain (causeParams) or the reason it carries (reasonedDetail).
  if (isAppError(error)) return saidFields(error.toMessage());
  const stack = error instanceof Error ? error.stack : undefined;
  return { error: causeDetail(error), ...(stack ? { stack } : {}) };
}

/** What main keeps of a failure (a last error), as the fields of a log line: its sentence, reason and detail. */
export function saidFields(said: ReasonMessage): Record<string, unknown> {
  const detail = said.params?.detail;
  return {
    error: said.message,
    ...(said.reason ? { reason: said.reason } : {}),
    ...(detail === undefined || detail === '' ? {} : { detail }),
  };
}
