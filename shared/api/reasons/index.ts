import { archiveReasons } from './archive';
import { attachmentReasons } from './attachments';
import { codeTableReasons } from './codetables';
import { commonReasons } from './common';
import { declarationReasons } from './declarations';
import { extractReasons } from './extract';
import { extractReadReasons } from './extract-read';
import { deskReasons } from './desk';
import { hubReasons } from './hub-answers';
import { hostReasons } from './host';
import { inputReasons } from './input';
import { inputCheckReasons } from './input-checks';
import { interchangeReasons } from './interchange';
import { keyReasons } from './keys';
import { libraryReasons } from './libraries';
import { syncReasons } from './sync';
import { modifyReasons } from './modify';
import { reviewReasons } from './review';
import { templateReasons } from './templates';
import type { ParamsOfDef, ReasonDef, ReasonParam, ReasonParams } from './define';
import { unpackParams } from './define';

export { nestedParams, reason, unpackParams } from './define';
export { hubProtocolCodes } from './hub-answers';
export type { ReasonDef, ReasonParam, ReasonParams, ReasonTexts, ParamsOfDef, WordNested } from './define';

/**
 * Every reason a failure can carry across the contract, from the per-domain registries (one file
 * per domain, so people adding reasons in different domains rarely touch the same lines). A key is
 * `<domain>.<what-happened>`; its definition holds the contract code and the English text, and the
 * renderer holds the other languages (renderer/i18n/reasons), checked complete by the compiler.
 */
export const reasons = {
  ...commonReasons,
  ...declarationReasons,
  ...templateReasons,
  ...deskReasons,
  ...archiveReasons,
  ...attachmentReasons,
  ...keyReasons,
  ...syncReasons,
  ...hubReasons,
  ...hostReasons,
  ...inputReasons,
  ...inputCheckReasons,
  ...libraryReasons,
  ...codeTableReasons,
  ...interchangeReasons,
  ...reviewReasons,
  ...modifyReasons,
  ...extractReasons,
  ...extractReadReasons,
} as const;

export type Reasons = typeof reasons;
export type ReasonKey = keyof Reasons;
export type ParamsOf<R extends ReasonKey> = ParamsOfDef<Reasons[R]>;

/** `[params]`, optional when the reason takes none. */
export type ReasonArgs<R extends ReasonKey> = keyof ParamsOf<R> extends never
  ? [params?: ParamsOf<R>]
  : [params: ParamsOf<R>];

export function isReasonKey(value: unknown): value is ReasonKey {
  return typeof value === 'string' && Object.hasOwn(reasons, value);
}

/** The English text of a reason (what logs, the CLI and `Error.message` carry). */
export function englishText<R extends ReasonKey>(key: R, params: ParamsOf<R>): string {
  const def = reasons[key] as ReasonDef<ReasonParams>;
  return def.en(params, englishNested);
}

function englishNested(key: ReasonParam, params: ReasonParam): string {
  return isReasonKey(key) ? englishText(key, unpackParams(params) as never) : '';
}
