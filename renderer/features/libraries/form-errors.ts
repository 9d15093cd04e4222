import type { Locale } from '../../../shared/i18n/locale';
import { ApiCallError, errorNotice } from '../../api/client';
import { localizeError } from '../../i18n/reasons';
import type { NoticeText } from '../../state/ui-store';

/**
 * A refusal's issues by field in a language, and the message for what names no field worded when shown: a form
 * keeps the refusal itself (`failure`) and words it at each render, so a language switch words it again.
 */
export function issuesByField(
  failure: unknown,
  locale: Locale,
): { fields: Map<string, string>; message: NoticeText | null } {
  const fields = new Map<string, string>();
  if (failure === null || failure === undefined) return { fields, message: null };
  if (!(failure instanceof ApiCallError)) return { fields, message: errorNotice(failure) };
  for (const issue of localizeError(failure.error, locale).issues ?? []) {
    const text = issue.message;
    fields.set(issue.path, fields.has(issue.path) ? `${fields.get(issue.path) ?? ''}; ${text}` : text);
  }
  return { fields, message: fields.size > 0 ? null : errorNotice(failure) };
}
