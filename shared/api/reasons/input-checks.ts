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

/**
 * A bound in English: a text's length in characters, a list's items, or a number's value. Worded as the Chinese is
 * (至少 8 个字符: "At least 8 characters") and counted as English counts, one character, two characters.
 */
function boundEn(p: Bound, limit: number, side: 'min' | 'max'): string {
  const measure = measureOf(p.origin);
  if (measure === 'value') {
    if (p.bound === 'exact') return `Must be ${limit}`;
    if (side === 'min') return p.bound === 'exclusive' ? `Must be more than ${limit}` : `Must be at least ${limit}`;
    return p.bound === 'exclusive' ? `Must be less than ${limit}` : `Must be at most ${limit}`;
  }
  const counted = `${limit} ${measure === 'length' ? 'character' : 'item'}${limit === 1 ? '' : 's'}`;
  if (p.bound === 'exact') return `Exactly ${counted}`;
  if (side === 'min') {
    if (p.bound === 'exclusive') return `More than ${counted}`;
    return limit === 1 && measure === 'length' ? 'Must not be empty' : `At least ${counted}`;
  }
  return p.bound === 'exclusive' ? `Fewer than ${counted}` : `At most ${counted}`;
}

/** zod's names of the types and of the formats it checks, in English (renderer/i18n/reasons/input-zh.ts: Chinese). */
const expectedEn: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of values',
  date: 'a date',
};

const formatEn: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a web address (URL)',
  uuid: 'a UUID',
  datetime: 'a date and time',
  date: 'a date',
  time: 'a time',
};

/**
 * The contract's own checks of an input (zod's built-in ones), worded by what they check; the field is named by the
 * issue's path, and zod's English travels only in the refusal's `detail`, for support.
 */
export const inputCheckReasons = {
  'input.required': reason('BAD_INPUT', () => 'Required: please fill it in'),
  /** `expected`: zod's name of the type (string, number, boolean, array, object, int…). */
  'input.wrong-type': reason<{ expected: string }>(
    'BAD_INPUT',
    (p) => `Must be ${expectedEn[p.expected] ?? `of type ${p.expected}`}`,
  ),
  'input.too-small': reason<Bound & { minimum: number }>('BAD_INPUT', (p) => boundEn(p, p.minimum, 'min')),
  'input.too-big': reason<Bound & { maximum: number }>('BAD_INPUT', (p) => boundEn(p, p.maximum, 'max')),
  /** `values`: the values allowed, joined with " / ". */
  'input.not-one-of': reason<{ values: string }>('BAD_INPUT', (p) => `Must be one of: ${p.values}`),
  /** `format`: zod's name of the format (regex, email, url, uuid, datetime, date…). */
  'input.bad-format': reason<{ format: string }>(
    'BAD_INPUT',
    (p) => `Not ${formatEn[p.format] ?? 'in the format this field takes'}`,
  ),
  'input.not-multiple-of': reason<{ divisor: number }>('BAD_INPUT', (p) => `Must be a multiple of ${p.divisor}`),
  'input.unknown-keys': reason<{ keys: string }>('BAD_INPUT', (p) => `Fields this call does not take: ${p.keys}`),
  'input.invalid': reason('BAD_INPUT', () => 'This value cannot be taken'),
} as const;
