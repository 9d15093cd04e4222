import type { z } from 'zod';
import type { ApiIssue } from './errors';
import { reasonIssue } from './errors';
import { englishText, isReasonKey } from './reasons';

type ZodIssue = z.core.$ZodIssue;

/** Whether `input` has nothing at `path` (a field left out, so the check that failed was "it is required"). */
function missingAt(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return true;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value === undefined;
}

function boundOf(issue: { inclusive?: boolean; exact?: boolean }): string {
  if (issue.exact) return 'exact';
  return issue.inclusive === false ? 'exclusive' : 'inclusive';
}

/** One of zod's own checks as a registered reason with its parameters, so the renderer words it in the UI language. */
function checkIssue(path: string, issue: ZodIssue, input: unknown): ApiIssue {
  switch (issue.code) {
    case 'invalid_type':
      return missingAt(input, issue.path)
        ? reasonIssue(path, 'input.required')
        : reasonIssue(path, 'input.wrong-type', { expected: issue.expected });
    case 'too_small':
      return reasonIssue(path, 'input.too-small', {
        origin: issue.origin,
        minimum: Number(issue.minimum),
        bound: boundOf(issue),
      });
    case 'too_big':
      return reasonIssue(path, 'input.too-big', {
        origin: issue.origin,
        maximum: Number(issue.maximum),
        bound: boundOf(issue),
      });
    case 'invalid_value':
      return reasonIssue(path, 'input.not-one-of', { values: issue.values.map(String).join(' / ') });
    case 'invalid_format':
      return reasonIssue(path, 'input.bad-format', { format: issue.format });
    case 'not_multiple_of':
      return reasonIssue(path, 'input.not-multiple-of', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return reasonIssue(path, 'input.unknown-keys', { keys: issue.keys.join(', ') });
    default:
      return reasonIssue(path, 'input.invalid');
  }
}

/**
 * Turns zod issues into contract issues with dotted paths (`lines.3.GQty` style is avoided), each a registered
 * reason: a refinement of ours names its own (`params: { reason }`), zod's own checks theirs (`input` tells a field
 * left out from one of the wrong type).
 */
export function issuesFromZod(error: z.ZodError, input?: unknown): ApiIssue[] {
  return error.issues.map((issue) => {
    const path = formatInputPath(issue.path);
    const reason: unknown = issue.code === 'custom' ? issue.params?.reason : undefined;
    if (isReasonKey(reason)) return { path, code: reason, message: englishText(reason, {} as never) };
    return checkIssue(path, issue, input);
  });
}

/** zod's own English for each issue, by path: what support reads under 详情, never the broker's sentence. */
export function zodDetail(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatInputPath(issue.path)}: ${issue.message}`).join('; ');
}

function formatInputPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(input)' : out;
}
