import { chinaDate } from '../validation/china-date';

/**
 * The date duties are reckoned at (YYYY-MM-DD, China): the day customs accepted the declaration — its 申报日期,
 * the instant it was declared — when it has one, else today in China (a draft is estimated as if declared now).
 * 《关税法》: the rates in force on the day customs accepts the declaration apply.
 */
export function taxDateOf(declaredAt: string | null | undefined, now: number): string {
  const at = declaredAt ? Date.parse(declaredAt) : Number.NaN;
  const day = chinaDate(Number.isNaN(at) ? now : at);
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
}
