import type { CodeRow } from './tables';

/**
 * Whether a code may go on a new declaration, from what its table row says. Official downloads
 * carry dates (生效日期 / 失效日期, normalized to valid_from / valid_to as yyyyMMdd) or a status
 * (有效 / 停用 …); the handbook's copies mark codes found only in an older or secondary source
 * (legacy_2018_only, only_in_2018_table, not_in_DP_current_sheet …): keep them for reading old
 * declarations, but check before using them on a new one.
 */
export type CodeValidity =
  | { state: 'current' }
  | { state: 'not-yet'; from: string }
  | { state: 'expired'; until: string }
  | { state: 'retired'; status: string }
  | { state: 'legacy'; status: string };

const CURRENT_STATUSES = new Set([
  '',
  'current',
  'current_2018_table',
  'active',
  'valid',
  '有效',
  '启用',
  '正常',
  '在用',
]);
const RETIRED_STATUSES = new Set([
  'retired',
  'inactive',
  'invalid',
  'expired',
  'deleted',
  '无效',
  '停用',
  '作废',
  '废止',
  '已废止',
  '注销',
]);

/** `row`'s standing on `today` (yyyyMMdd, China time); without a date, dates are not judged. */
export function codeValidity(row: Readonly<CodeRow>, today?: string): CodeValidity {
  const from = row.valid_from ?? '';
  const until = row.valid_to ?? '';
  if (today !== undefined) {
    if (from !== '' && today < from) return { state: 'not-yet', from };
    if (until !== '' && today > until) return { state: 'expired', until };
  }
  const status = (row.status ?? '').trim();
  const key = status.toLowerCase();
  if (CURRENT_STATUSES.has(key)) return { state: 'current' };
  if (RETIRED_STATUSES.has(key)) return { state: 'retired', status };
  return { state: 'legacy', status };
}

/** A date column's value as yyyyMMdd (from yyyyMMdd, yyyy-MM-dd or yyyy/MM/dd, a time after it ignored), or null. */
export function normalizeValidityDate(value: string): string | null {
  const match = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[ T].*)?$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}${m}${d}`;
}
