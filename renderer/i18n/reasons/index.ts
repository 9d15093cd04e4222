import type {
  ApiError,
  ApiIssue,
  ReasonKey,
  ReasonMessage,
  ReasonParams,
  Reasons,
  ReasonTexts,
  WordNested,
} from '../../../shared/api';
import { englishText, isReasonKey, unpackParams } from '../../../shared/api';
import { goodsDeclaration, parseFieldPath } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { findingCodes, formatFinding } from '../../../shared/validation';
import { attachmentsZh } from './attachments-zh';
import { commonZh } from './common-zh';
import { declarationsZh, templatesZh } from './declarations-zh';
import { archiveZh, deskZh } from './desk-zh';
import { extractZh } from './extract-zh';
import { extractReadZh } from './extract-read-zh';
import { codeTablesZh, interchangeZh } from './interchange-zh';
import { hostZh } from './host-zh';
import { inputChecksZh, inputZh } from './input-zh';
import { keysZh } from './keys-zh';
import { librariesZh } from './libraries-zh';
import { modifyZh } from './modify-zh';
import { reviewZh } from './review-zh';
import { hubZh, syncZh } from './sync-zh';

/**
 * The Chinese text of every reason, one table per domain (beside the domain's registry in
 * shared/api/reasons); the compiler refuses a registered reason without its translation. English
 * is the registry's own text.
 */
export const zhReasons: ReasonTexts<Reasons> = {
  ...commonZh,
  ...declarationsZh,
  ...templatesZh,
  ...deskZh,
  ...archiveZh,
  ...attachmentsZh,
  ...keysZh,
  ...syncZh,
  ...hubZh,
  ...hostZh,
  ...inputZh,
  ...inputChecksZh,
  ...librariesZh,
  ...interchangeZh,
  ...codeTablesZh,
  ...reviewZh,
  ...modifyZh,
  ...extractZh,
  ...extractReadZh,
};

const findings = new Set(findingCodes);

/** A registered reason in the locale; null when `key` is not one (an older main, a plain message). */
export function reasonText(locale: Locale, key: string | undefined, params: ReasonParams | undefined): string | null {
  if (!isReasonKey(key)) return null;
  const values = (params ?? {}) as never;
  if (locale === 'en') return englishText(key as ReasonKey, values);
  // A reason carried inside this one is worded in the same language.
  const nested: WordNested = (inner, innerParams) => reasonText(locale, String(inner), unpackParams(innerParams)) ?? '';
  return (zhReasons[key] as (p: never, nested: WordNested) => string)(values, nested);
}

/**
 * A field issue in the locale: a reason, a declaration check's finding on a declaration field (`head.X`,
 * `lines[2].X`, or a defaults form's `line.X`), or (otherwise) as main wrote it. Other forms' fields
 * (`operator.icCard`) share some finding codes (`required`) but are not declaration fields.
 */
export function issueText(locale: Locale, issue: ApiIssue): string {
  const text = reasonText(locale, issue.code, issue.params);
  if (text !== null) return text;
  if (!findings.has(issue.code)) return issue.message;
  const lineField = /^line\.(\w+)$/.exec(issue.path);
  const path = lineField ? `lines[0].${lineField[1] ?? ''}` : issue.path;
  if (!parseFieldPath(path)) return issue.message;
  const finding = { path, code: issue.code, severity: 'error' as const, params: issue.params ?? {} };
  // main adds the declaration's direction, so a field is named as that direction names it (出境关别).
  const ieFlag = issue.params?.ieFlag === 'E' ? 'E' : issue.params?.ieFlag === 'I' ? 'I' : undefined;
  const message = formatFinding(goodsDeclaration, finding, locale, ieFlag);
  // A defaults form has one line, so its fields are named without the line number.
  return lineField ? message.replace(locale === 'en' ? /^Line 1 / : /^第1项 /, '') : message;
}

/**
 * A reason's `detail` (the program's own words: a library's, the OS's, zod's), for support under 详情 and never in the
 * worded sentence; null when it carries none. main's internal error and bad input say which call it was.
 */
export function reasonDetail(key: string | undefined, params: ReasonParams | undefined): string | null {
  const detail = params?.detail;
  if (detail === undefined || detail === '') return null;
  const ofCall = key === 'common.internal' || key === 'common.bad-input';
  return ofCall ? `${String(params?.method)}: ${String(detail)}` : String(detail);
}

/** Something main said (a last error, a note, a notice) in the locale: its reason, or its text as written. */
export function messageText(locale: Locale, said: ReasonMessage | null | undefined): string {
  if (!said) return '';
  return reasonText(locale, said.reason, said.params) ?? said.message;
}

/** A contract error's message and issues in the locale. */
export function localizeError(error: ApiError, locale: Locale): { message: string; issues: ApiIssue[] | undefined } {
  return {
    message: reasonText(locale, error.reason, error.params) ?? error.message,
    issues: error.issues?.map((issue) => ({ ...issue, message: issueText(locale, issue) })),
  };
}
