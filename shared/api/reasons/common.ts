import { reason } from './define';

/** Failures of the contract itself and of no one domain. */
export const commonReasons = {
  'common.unknown-method': reason<{ method: string }>('UNKNOWN_METHOD', (p) => `There is no method "${p.method}"`),
  /** `detail` joins the issues' own texts (zod's are English) for support; the issues, worded, name each field. */
  'common.bad-input': reason<{ method: string; detail: string }>(
    'BAD_INPUT',
    (p) => `${p.method} was given input it cannot take; nothing was done`,
  ),
  /**
   * A program error in main: the broker reads that it was not done and what to do; `detail` (the error as the program
   * wrote it, in English) travels beside the text for support, shown apart under 详情, never inline.
   */
  'common.internal': reason<{ method: string; detail: string }>(
    'INTERNAL',
    (p) =>
      `Something went wrong inside SW Desk (${p.method}), so this was not done. Export the diagnostics (Settings) and contact support`,
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
