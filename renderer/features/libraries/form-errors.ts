import { ApiCallError } from '../../api/client';

/**
 * A refusal's issues by field and the message for what names no field, in the UI language (the
 * call's error is worded when it fails: see ApiCallError).
 */
export function issuesByField(error: unknown): { fields: Map<string, string>; message: string | null } {
  const fields = new Map<string, string>();
  if (!(error instanceof ApiCallError))
    return { fields, message: error instanceof Error ? error.message : String(error) };
  for (const issue of error.issues ?? []) {
    const text = issue.message;
    fields.set(issue.path, fields.has(issue.path) ? `${fields.get(issue.path) ?? ''}; ${text}` : text);
  }
  return { fields, message: fields.size > 0 ? null : error.message };
}
