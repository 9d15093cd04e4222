/** China Standard Time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * The calendar date in China at `epochMs`, as yyyyMMdd — the date customs judge a declaration's
 * dates against (进出口日期 not in the future), whatever the time zone of the machine checking.
 */
export function chinaDate(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Milliseconds from `epochMs` to the next midnight in China, when chinaDate turns. */
export function msUntilChinaMidnight(epochMs: number): number {
  return DAY_MS - ((epochMs + CHINA_OFFSET_MS) % DAY_MS);
}
