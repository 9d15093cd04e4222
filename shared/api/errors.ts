import { z } from 'zod';

/**
 * Every failure that crosses the contract carries one of these codes, so the
 * renderer can react by code and show the message as written.
 */
export const errorCodes = [
  'BAD_INPUT', // the input does not match the method's schema
  'UNKNOWN_METHOD',
  'FORBIDDEN', // the caller is not one of our windows / origins
  'UNAUTHORIZED', // missing or wrong token (browser host)
  'NOT_FOUND',
  'CONFLICT', // a stale revision, a duplicate name
  'INVALID_STATE', // the action is not allowed in the record's current state
  'VALIDATION_FAILED', // business checks found errors; see issues
  'PASSPHRASE_REQUIRED', // the signing key is locked
  'KEY_ERROR', // the signing key is missing, damaged or the passphrase is wrong
  'HUB_UNREACHABLE',
  'HUB_ERROR',
  'IMPORT_FAILED',
  'READ_ONLY', // the data was opened read-only (a damaged or newer database): nothing can be changed
  'RECOVERY_MODE', // the data could not be opened; only desk.status and recovery.* work until it is fixed
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

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
  message: z.string(),
  issues: z.array(apiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by core services; converted to `{ ok: false, error }` at the contract boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toApiError(): ApiError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
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
