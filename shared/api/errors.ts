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

export const apiErrorSchema = z.object({
  code: z.string(),
  /** The English text, for logs and for callers that do not translate. */
  message: z.string(),
  /** Why it failed, as a key of `reasons` (shared/api/reasons): the renderer translates it with `params`. */
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
  /** Undefined only for errors still raised with a hand-written message (being converted). */
  readonly reason: ReasonKey | undefined;
  readonly params: ReasonParams;
  readonly issues: ApiIssue[] | undefined;

  constructor(first: string, second?: unknown, issues?: ApiIssue[]) {
    if (typeof second === 'string') {
      super(second);
      this.code = first as ErrorCode;
      this.reason = undefined;
      this.params = {};
    } else {
      const key = first as ReasonKey;
      const params = (second ?? {}) as ReasonParams;
      super(englishText(key, params as never));
      this.code = reasons[key].code;
      this.reason = key;
      this.params = params;
    }
    this.name = 'AppError';
    this.issues = issues;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason, params: { ...this.params } } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

interface AppErrorConstructor {
  /** `new AppError('sync.hub-unreachable', { url, detail })`: the reason must be registered, its parameters typed. */
  new <R extends ReasonKey>(reason: R, ...args: AppErrorArgs<R>): ReasonedError;
  /**
   * @deprecated An English-only message the renderer cannot translate: register a reason in
   * shared/api/reasons and raise that instead.
   */
  new (code: ErrorCode, message: string, issues?: ApiIssue[]): ReasonedError;
  readonly prototype: ReasonedError;
}

export const AppError = ReasonedError as AppErrorConstructor;
export type AppError = ReasonedError;

/** A field issue with a registered reason: `code` is the reason key, `message` its English text. */
export function reasonIssue<R extends ReasonKey>(path: string, key: R, ...args: ReasonArgs<R>): ApiIssue {
  const params = (args[0] ?? {}) as ParamsOf<R>;
  const issue: ApiIssue = { path, code: key, message: englishText(key, params) };
  return Object.keys(params).length > 0 ? { ...issue, params: { ...(params as ReasonParams) } } : issue;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns zod issues into contract issues with dotted paths (`lines.3.GQty` style is avoided). */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: formatInputPath(issue.path),
    code: issue.code,
    message: issue.message,
  }));
}

function formatInputPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(input)' : out;
}
