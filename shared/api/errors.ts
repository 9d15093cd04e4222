import { z } from 'zod';
import type { ParamsOf, ReasonArgs, ReasonKey, ReasonParams } from './reasons';
import { englishText, reasons } from './reasons';
import type { ErrorCode } from './error-codes';

export { errorCodes, type ErrorCode } from './error-codes';

export const apiIssueSchema = z.object({
  /** A field path such as `head.TradeMode` or `lines[3].CodeTS`, or an input path for BAD_INPUT. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiIssue = z.infer<typeof apiIssueSchema>;

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * Something said to the broker that is not a failed call (an outbox row's last error, a notice, a note
 * after a restore): the English text, and the reason with its parameters for the renderer to translate.
 */
export const reasonMessageSchema = z.object({
  message: z.string(),
  reason: z.string().optional(),
  params: paramsSchema.optional(),
});
export type ReasonMessage = z.infer<typeof reasonMessageSchema>;

export function reasonMessage<R extends ReasonKey>(key: R, ...args: ReasonArgs<R>): ReasonMessage {
  const params = (args[0] ?? {}) as ParamsOf<R>;
  return { message: englishText(key, params), reason: key, params: { ...(params as ReasonParams) } };
}

export const apiErrorSchema = z.object({
  code: z.string(),
  /** The English text, for logs and for callers that do not translate. */
  message: z.string(),
  /** Why it failed, as a key of `reasons` (shared/api/reasons): the renderer translates it with `params`. */
  reason: z.string().optional(),
  params: paramsSchema.optional(),
  issues: z.array(apiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The arguments after the reason: its parameters (optional when it takes none), then field issues. */
export type AppErrorArgs<R extends ReasonKey> = keyof ParamsOf<R> extends never
  ? [params?: ParamsOf<R>, issues?: ApiIssue[]]
  : [params: ParamsOf<R>, issues?: ApiIssue[]];

/** Thrown by core services; converted to `{ ok: false, error }` at the contract boundary. */
class ReasonedError extends Error {
  readonly code: ErrorCode;
  readonly reason: ReasonKey;
  readonly params: ReasonParams;
  readonly issues: ApiIssue[] | undefined;

  constructor(key: ReasonKey, params?: ReasonParams, issues?: ApiIssue[]) {
    const values = params ?? {};
    super(englishText(key, values as never));
    this.name = 'AppError';
    this.code = reasons[key].code;
    this.reason = key;
    this.params = values;
    this.issues = issues;
  }

  /** What it says, to keep or pass on (an outbox row's last error). */
  toMessage(): ReasonMessage {
    return { message: this.message, reason: this.reason, params: { ...this.params } };
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      reason: this.reason,
      params: { ...this.params },
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

interface AppErrorConstructor {
  /** `new AppError('sync.hub-unreachable', { url, detail })`: the reason must be registered, its parameters typed. */
  new <R extends ReasonKey>(reason: R, ...args: AppErrorArgs<R>): ReasonedError;
  readonly prototype: ReasonedError;
}

export const AppError = ReasonedError as AppErrorConstructor;
export type AppError = ReasonedError;

/** An AppError from a reason kept as a value (a failure passed on: the hub's refusal of an enrolment). */
export function appErrorOf(said: { reason: ReasonKey; params: ReasonParams }, issues?: ApiIssue[]): AppError {
  return new ReasonedError(said.reason, said.params, issues);
}

/** What any thrown value says: an AppError's reason, or (a program error) its message as written. */
export function messageOf(error: unknown): ReasonMessage {
  if (error instanceof ReasonedError) return error.toMessage();
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * A reason carried inside another one (a receipt file that was not processed because it is not well-formed XML), for
 * support under the outer reason's 详情: its English sentence and its own detail, which that sentence leaves out.
 */
export function reasonedDetail(error: AppError): string {
  const own = error.params.detail;
  return own === undefined || own === '' ? error.message : `${error.message}: ${String(own)}`;
}

/** An error whose one issue names the field it is about (`path`) with the same reason. */
export function fieldError<R extends ReasonKey>(path: string, key: R, ...args: ReasonArgs<R>): AppError {
  return new ReasonedError(key, args[0] ?? {}, [reasonIssue(path, key, ...args)]);
}

/** A field issue with a registered reason: `code` is the reason key, `message` its English text. */
export function reasonIssue<R extends ReasonKey>(path: string, key: R, ...args: ReasonArgs<R>): ApiIssue {
  const params = (args[0] ?? {}) as ParamsOf<R>;
  const issue: ApiIssue = { path, code: key, message: englishText(key, params) };
  return Object.keys(params).length > 0 ? { ...issue, params: { ...(params as ReasonParams) } } : issue;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
