/**
 * Every failure that crosses the contract carries one of these codes, so the renderer can react by
 * code; what to tell the broker travels beside it as a reason with parameters (see AppError).
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
