import { reason } from './define';

/** Failures of the contract itself and of no one domain. */
export const commonReasons = {
  'common.unknown-method': reason<{ method: string }>('UNKNOWN_METHOD', (p) => `There is no method "${p.method}"`),
  'common.bad-input': reason<{ method: string; detail: string }>(
    'BAD_INPUT',
    (p) => `Bad input for ${p.method}: ${p.detail}`,
  ),
  'common.internal': reason<{ method: string; detail: string }>(
    'INTERNAL',
    (p) => `Internal error in ${p.method}: ${p.detail}`,
  ),
  'common.bad-output': reason<{ method: string }>(
    'INTERNAL',
    (p) => `Internal error in ${p.method}: the result does not match the contract`,
  ),
  /** Values another record already holds (a USCC, a customs code), each named in the error's issues. */
  'common.fields-taken': reason<{ count: number }>(
    'CONFLICT',
    (p) => `${p.count} value(s) already belong to another record, each named below; nothing was saved`,
  ),
} as const;
