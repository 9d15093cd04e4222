import { chinaDate, msUntilChinaMidnight } from '../validation/china-date';

const DAY_MS = 86_400_000;

/** Days the importer has for the 完整申报 after the goods' 运输工具申报进境 (docs/two-step.md). */
export const COMPLETE_DECLARATION_DAYS = 14;
/** The warnings before the last day: 3 days before, then 1 day before (and on the day itself). */
export const DEADLINE_WARNING_DAYS = [3, 1] as const;

/**
 * Where a 概要申报's deadline for the 完整申报 stands on a China date: `open` more than 3 days left, `soon` 3 or 2
 * days left, `urgent` 1 day left or the last day itself, `overdue` past the last day.
 */
export type DeadlineLevel = 'open' | 'soon' | 'urgent' | 'overdue';

export interface CompleteDeadline {
  /** The day the count starts, yyyyMMdd (China date), and what it is. */
  readonly start: string;
  readonly basis: 'entry' | 'release';
  /** The last day on which the 完整申报 is in time, yyyyMMdd (China date). */
  readonly lastDay: string;
}

export interface DeadlineState {
  readonly level: DeadlineLevel;
  /** Whole China days from today to the last day: 0 on the last day, negative once overdue. */
  readonly daysLeft: number;
  /** When the level changes next (a China midnight), in epoch ms; null once overdue, which stays so. */
  readonly changesAt: number | null;
}

/** yyyyMMdd → days since the epoch, on the calendar alone (no time zone takes part). */
function dayNumber(ymd: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  if (!match) throw new RangeError(`not a yyyyMMdd date: "${ymd}"`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (new Date(ms).toISOString().slice(0, 10).replace(/-/g, '') !== ymd)
    throw new RangeError(`not a calendar date: "${ymd}"`);
  return ms / DAY_MS;
}

function ymdOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** A yyyyMMdd date `days` later (earlier when negative), across month and year ends. */
export function addDays(ymd: string, days: number): string {
  return ymdOf(dayNumber(ymd) + days);
}

/** Whole days from `from` to `to`, both yyyyMMdd. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The last day for the 完整申报 of a declaration whose 概要申报 was released. The count starts on the day the means
 * of transport declared entry, which an import's 进口日期 (IEDate) states; when that is not filled, on the China date
 * of the release — never a later day than customs count from. The first day counts as day 1, as customs count the
 * 14-day 申报期限, so the last day is the 14th; a last day on a holiday is not moved (no holiday calendar here), which
 * errs early. Null when neither date is known.
 */
export function completeDeadline(input: {
  entryDate?: string | null;
  releasedAt?: number | null;
}): CompleteDeadline | null {
  const entry = input.entryDate?.trim();
  const start = entry
    ? { start: entry, basis: 'entry' as const }
    : input.releasedAt != null
      ? { start: chinaDate(input.releasedAt), basis: 'release' as const }
      : null;
  if (!start) return null;
  return { ...start, lastDay: addDays(start.start, COMPLETE_DECLARATION_DAYS - 1) };
}

function levelOf(daysLeft: number): DeadlineLevel {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 1) return 'urgent';
  if (daysLeft <= 3) return 'soon';
  return 'open';
}

/**
 * The deadline's state at `now` (epoch ms), judged on the China date whatever the machine's time zone, with no
 * network: the desk re-reads it at `changesAt` to warn 3 days and 1 day before and mark an overdue one.
 */
export function deadlineState(deadline: CompleteDeadline, now: number): DeadlineState {
  const daysLeft = daysBetween(chinaDate(now), deadline.lastDay);
  const level = levelOf(daysLeft);
  if (level === 'overdue') return { level, daysLeft, changesAt: null };
  // The next level starts on the China date where daysLeft first drops to 3, 1 or -1.
  const nextAt = level === 'open' ? 3 : level === 'soon' ? 1 : -1;
  const midnight = now + msUntilChinaMidnight(now);
  return { level, daysLeft, changesAt: midnight + (daysLeft - nextAt - 1) * DAY_MS };
}
