import { chinaDate, msUntilChinaMidnight } from '../validation/china-date';
import type { Workflow } from './display-status';
import type { DisplayStatusKey } from './status-keys';
import { isEditable } from './display-status';
import type { TwoStepMode } from '../catalog/two-step';

const DAY_MS = 86_400_000;

/** The 完整申报 is due by the 14th day after the 概要's release (docs/two-step.md). */
export const COMPLETE_DECLARATION_DAYS = 14;
/** The warnings before the last day: 3 days before, then 1 day before (and on the day itself). */
export const DEADLINE_WARNING_DAYS = [3, 1] as const;

/**
 * Where a 概要申报's deadline for the 完整申报 stands on a China date: `open` more than 3 days left, `soon` 3 or 2
 * days left, `urgent` 1 day left or the last day itself, `overdue` past the last day.
 */
export type DeadlineLevel = 'open' | 'soon' | 'urgent' | 'overdue';

export interface CompleteDeadline {
  /** The China date of the 概要's release, yyyyMMdd: the count starts the day after. */
  readonly released: string;
  /** The last day on which the 完整申报 is in time, yyyyMMdd (China date): the 14th day after the release. */
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
 * The last day for the 完整申报 of a 概要申报 released at `releasedAt` (epoch ms): the 14th day after the China date of
 * the release (released on 1 December, due on 15 December). A last day on a holiday is not moved (no holiday
 * calendar here), which errs early.
 */
export function completeDeadline(releasedAt: number): CompleteDeadline {
  const released = chinaDate(releasedAt);
  return { released, lastDay: addDays(released, COMPLETE_DECLARATION_DAYS) };
}

/** What the deadline is judged from: a declaration as the list and the editor hold it. */
export interface TwoStepStanding {
  twoStep: TwoStepMode | null;
  status: DisplayStatusKey;
  workflow: Workflow;
  channel: string | null;
  /** The first release receipt's time (ISO), null before any. */
  releasedAt: string | null;
}

/**
 * The deadline a declaration still owes: a released 概要 (概要已放行 · 完整申报待办), or its 完整 not yet declared (a draft,
 * or sent back); null for everything else, a 完整 declared included (it met the deadline or was marked late by customs).
 */
export function owedCompleteDeadline(d: TwoStepStanding): CompleteDeadline | null {
  if (d.releasedAt === null) return null;
  const owed = d.status === 'summary-released' || (d.twoStep === 'complete' && isEditable(d.workflow, d.channel));
  const at = Date.parse(d.releasedAt);
  return owed && Number.isFinite(at) ? completeDeadline(at) : null;
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
