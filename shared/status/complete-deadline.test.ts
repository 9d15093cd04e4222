import { describe, expect, it } from 'vitest';
import { restoreTimeZoneAfterEach } from '../../test-support/shared/time-zone';
import { addDays, completeDeadline, daysBetween, deadlineState, owedCompleteDeadline } from './complete-deadline';

/** An instant given as a China wall-clock time (UTC+8, no daylight saving). */
const china = (iso: string) => Date.parse(`${iso}+08:00`);

describe('the 完整申报 deadline in China dates', () => {
  it('is the 14th day after the China date of the release, across month, leap-day and year ends', () => {
    expect(completeDeadline(china('2026-12-01T10:00:00'))).toEqual({ released: '20261201', lastDay: '20261215' });
    expect(completeDeadline(china('2026-01-25T10:00:00')).lastDay).toBe('20260208');
    expect(completeDeadline(china('2026-02-20T10:00:00')).lastDay).toBe('20260306'); // 2026: 28 days in February
    expect(completeDeadline(china('2028-02-20T10:00:00')).lastDay).toBe('20280305'); // 2028: 29 February
    expect(completeDeadline(china('2026-12-25T10:00:00')).lastDay).toBe('20270108');
    expect(completeDeadline(china('2026-12-31T23:59:59')).lastDay).toBe('20270114');
    expect(addDays('20261231', 1)).toBe('20270101');
    expect(daysBetween('20260227', '20260301')).toBe(2);
    expect(daysBetween('20280227', '20280301')).toBe(3);
  });

  it('counts the China date of the release: 17:30 UTC on 31 January is already 1 February there', () => {
    expect(completeDeadline(Date.parse('2026-01-31T17:30:00Z'))).toEqual({ released: '20260201', lastDay: '20260215' });
    expect(completeDeadline(Date.parse('2026-01-31T15:59:59Z'))).toEqual({ released: '20260131', lastDay: '20260214' });
  });

  it('is owed by a released 概要 and by its 完整 until that is declared; not by anything else', () => {
    const releasedAt = '2026-12-01T02:00:00.000Z';
    const base = { twoStep: 'summary' as const, workflow: 'sent' as const, channel: 'P', releasedAt };
    expect(owedCompleteDeadline({ ...base, status: 'summary-released' })?.lastDay).toBe('20261215');
    const complete = { ...base, twoStep: 'complete' as const, channel: null };
    expect(owedCompleteDeadline({ ...complete, workflow: 'draft', status: 'draft' })?.lastDay).toBe('20261215');
    expect(owedCompleteDeadline({ ...complete, workflow: 'rejected', status: 'rejected' })?.lastDay).toBe('20261215');
    expect(owedCompleteDeadline({ ...complete, workflow: 'queued', status: 'queued' })).toBeNull();
    expect(owedCompleteDeadline({ ...complete, workflow: 'sent', channel: 'R', status: 'complete-closed' })).toBeNull();
    // A one-step declaration released, and a 概要 not yet released, owe nothing.
    expect(owedCompleteDeadline({ ...base, twoStep: null, status: 'released' })).toBeNull();
    expect(owedCompleteDeadline({ ...base, channel: 'L', status: 'accepted', releasedAt: null })).toBeNull();
  });

  it('warns 3 days and 1 day before, on the last day too, and marks the day after overdue', () => {
    const deadline = { released: '20261130', lastDay: '20261214' };
    const at = (iso: string) => deadlineState(deadline, china(iso));
    expect(at('2026-12-10T23:59:59')).toMatchObject({ level: 'open', daysLeft: 4 });
    expect(at('2026-12-11T00:00:00')).toMatchObject({ level: 'soon', daysLeft: 3 });
    expect(at('2026-12-12T12:00:00')).toMatchObject({ level: 'soon', daysLeft: 2 });
    expect(at('2026-12-13T00:00:00')).toMatchObject({ level: 'urgent', daysLeft: 1 });
    expect(at('2026-12-14T23:59:59')).toMatchObject({ level: 'urgent', daysLeft: 0 });
    expect(at('2026-12-15T00:00:00')).toEqual({ level: 'overdue', daysLeft: -1, changesAt: null });
    expect(at('2027-01-20T08:00:00')).toMatchObject({ level: 'overdue', daysLeft: -37 });
  });

  it('says when the level changes next: the China midnight that starts the next warning', () => {
    const deadline = { released: '20261130', lastDay: '20261214' };
    expect(deadlineState(deadline, china('2026-12-02T09:00:00')).changesAt).toBe(china('2026-12-11T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-11T09:00:00')).changesAt).toBe(china('2026-12-13T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-13T09:00:00')).changesAt).toBe(china('2026-12-15T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-14T23:00:00')).changesAt).toBe(china('2026-12-15T00:00:00'));
  });
});

describe('the same deadline whatever the machine time zone', () => {
  restoreTimeZoneAfterEach();

  // Etc/GMT+8 is UTC-8 all year (POSIX signs are reversed), Pacific/Kiritimati UTC+14.
  const zones = ['Etc/GMT+8', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'];
  it.each(zones)('in %s', (tz) => {
    process.env.TZ = tz;
    // 23:30 on 31 March in China: still 31 March although it is 1 April in Kiritimati and 31 March in Los Angeles.
    const releasedAt = china('2026-03-31T23:30:00');
    const deadline = completeDeadline(releasedAt);
    expect(deadline).toEqual({ released: '20260331', lastDay: '20260414' });
    expect(deadlineState(deadline, china('2026-04-10T23:59:59')).level).toBe('open');
    expect(deadlineState(deadline, china('2026-04-11T00:00:01')).level).toBe('soon');
    expect(deadlineState(deadline, china('2026-04-14T23:59:59')).level).toBe('urgent');
    expect(deadlineState(deadline, china('2026-04-15T00:00:00')).level).toBe('overdue');
    // The owed deadline read from a summary's ISO release time, as the list does.
    const owed = owedCompleteDeadline({
      twoStep: 'summary',
      status: 'summary-released',
      workflow: 'sent',
      channel: 'P',
      releasedAt: new Date(releasedAt).toISOString(),
    });
    expect(owed?.lastDay).toBe('20260414');
  });
});
