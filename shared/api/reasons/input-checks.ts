import { reason } from './define';

/**
 * What a bound is measured in, by zod's `origin` of the checked value: a text's length, a list's items, or a
 * number's (a date's) value.
 */
export function measureOf(origin: string): 'length' | 'count' | 'value' {
  if (origin === 'string') return 'length';
  return origin === 'array' || origin === 'set' || origin === 'map' ? 'count' : 'value';
}

/** `bound`: `exact` (just this), `inclusive` (at least / at most), `exclusive` (more / less than). */
type Bound = { origin: string; bound: string };

function atLeast(p: Bound & { minimum: number }): string {
  const measure = measureOf(p.origin);
  if (measure === 'value') {
    return p.bound === 'exact'
      ? `must be ${p.minimum}`
      : `must be ${p.bound === 'exclusive' ? 'more than' : 'at least'} ${p.minimum}`;
  }
  const unit = measure === 'length' ? 'character(s)' : 'item(s)';
  if (p.bound === 'exact') return `must have exactly ${p.minimum} ${unit}`;
  if (p.bound === 'exclusive') return `must have more than ${p.minimum} ${unit}`;
  return p.minimum === 1 && measure === 'length' ? 'must not be empty' : `must have at least ${p.minimum} ${unit}`;
}

function atMost(p: Bound & { maximum: number }): string {
  const measure = measureOf(p.origin);
  if (measure === 'value') {
    return p.bound === 'exact'
      ? `must be ${p.maximum}`
      : `must be ${p.bound === 'exclusive' ? 'less than' : 'at most'} ${p.maximum}`;
  }
  const unit = measure === 'length' ? 'character(s)' : 'item(s)';
  if (p.bound === 'exact') return `must have exactly ${p.maximum} ${unit}`;
  return `must have ${p.bound === 'exclusive' ? 'fewer than' : 'at most'} ${p.maximum} ${unit}`;
}

/**
 * The contract's own checks of an input (zod's built-in ones), worded by what they check; the field is named by the
 * issue's path, and zod's English travels only in the refusal's `detail`, for support.
 */
export const inputCheckReasons = {
  'input.required': reason('BAD_INPUT', () => 'Required: please fill it in'),
  /** `expected`: zod's name of the type (string, number, boolean, array, object, int…). */
  'input.wrong-type': reason<{ expected: string }>('BAD_INPUT', (p) => `Must be ${expectedEn(p.expected)}`),
  'input.too-small': reason<Bound & { minimum: number }>('BAD_INPUT', (p) => capitalized(atLeast(p))),
  'input.too-big': reason<Bound & { maximum: number }>('BAD_INPUT', (p) => capitalized(atMost(p))),
  /** `values`: the values allowed, joined with " / ". */
  'input.not-one-of': reason<{ values: string }>('BAD_INPUT', (p) => `Must be one of: ${p.values}`),
  /** `format`: zod's name of the format (regex, email, url, uuid, datetime, date…). */
  'input.bad-format': reason<{ format: string }>('BAD_INPUT', (p) => `Not ${formatEn(p.format)}`),
  'input.not-multiple-of': reason<{ divisor: number }>('BAD_INPUT', (p) => `Must be a multiple of ${p.divisor}`),
  'input.unknown-keys': reason<{ keys: string }>('BAD_INPUT', (p) => `Fields this call does not take: ${p.keys}`),
  'input.invalid': reason('BAD_INPUT', () => 'This value cannot be taken'),
} as const;

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function expectedEn(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of values',
    date: 'a date',
  };
  return names[expected] ?? `of type ${expected}`;
}

function formatEn(format: string): string {
  const names: Record<string, string> = {
    email: 'an e-mail address',
    url: 'a web address (URL)',
    uuid: 'a UUID',
    datetime: 'a date and time',
    date: 'a date',
    time: 'a time',
  };
  return names[format] ?? 'in the format this field takes';
}
