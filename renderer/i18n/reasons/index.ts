import type { ApiError, ApiIssue, ReasonKey, ReasonParams, Reasons, ReasonTexts } from '../../../shared/api';
import { englishText, isReasonKey } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { findingCodes, formatFinding } from '../../../shared/validation';
import { commonZh } from './common-zh';

/**
 * The Chinese text of every reason, one table per domain (beside the domain's registry in
 * shared/api/reasons); the compiler refuses a registered reason without its translation. English
 * is the registry's own text.
 */
export const zhReasons: ReasonTexts<Reasons> = {
  ...commonZh,
};

const findings = new Set(findingCodes);

/** A registered reason in the locale; null when `key` is not one (an older main, a plain message). */
export function reasonText(locale: Locale, key: string | undefined, params: ReasonParams | undefined): string | null {
  if (!isReasonKey(key)) return null;
  const values = (params ?? {}) as never;
  return locale === 'en' ? englishText(key as ReasonKey, values) : (zhReasons[key] as (p: never) => string)(values);
}

/** A field issue in the locale: a reason, a declaration check's finding, or (otherwise) as main wrote it. */
export function issueText(locale: Locale, issue: ApiIssue): string {
  const text = reasonText(locale, issue.code, issue.params);
  if (text !== null) return text;
  if (findings.has(issue.code))
    return formatFinding(
      goodsDeclaration,
      { path: issue.path, code: issue.code, severity: 'error', params: issue.params ?? {} },
      locale,
    );
  return issue.message;
}

/** A contract error's message and issues in the locale. */
export function localizeError(error: ApiError, locale: Locale): { message: string; issues: ApiIssue[] | undefined } {
  return {
    message: reasonText(locale, error.reason, error.params) ?? error.message,
    issues: error.issues?.map((issue) => ({ ...issue, message: issueText(locale, issue) })),
  };
}
