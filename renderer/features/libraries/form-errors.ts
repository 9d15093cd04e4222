import { ApiCallError } from '../../api/client';

/**
 * A refusal's issues by field, in the user's language (main names each field; the Chinese text
 * travels as the issue's `zh` parameter), and the message for what names no field.
 */
export function issuesByField(
  error: unknown,
  locale: 'zh-CN' | 'en',
): { fields: Map<string, string>; message: string | null } {
  const fields = new Map<string, string>();
  if (!(error instanceof ApiCallError))
    return { fields, message: error instanceof Error ? error.message : String(error) };
  for (const issue of error.issues ?? []) {
    const zh = issue.params?.zh;
    const text = locale !== 'en' && typeof zh === 'string' ? zh : issue.message;
    fields.set(issue.path, fields.has(issue.path) ? `${fields.get(issue.path) ?? ''}; ${text}` : text);
  }
  return { fields, message: fields.size > 0 ? null : error.message };
}
