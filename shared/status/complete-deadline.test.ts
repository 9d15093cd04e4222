import { afterEach, describe, expect, it } from 'vitest';
import { addDays, completeDeadline, daysBetween, deadlineState } from './complete-deadline';

/** An instant given as a China wall-clock time (UTC+8, no daylight saving). */
const china = (iso: string) => Date.parse(`${iso}+08:00`);

describe('the 完整申报 deadline in China dates', () => {
  it('counts 14 days with the day of entry as the first, across month, leap-day and year ends', () => {
    expect(completeDeadline({ entryDate: '20261201' })).toEqual({
      start: '20261201',
      basis: 'entry',
      lastDay: '20261214',
    });
    expect(completeDeadline({ entryDate: '20260125' })?.lastDay).toBe('20260207');
    expect(completeDeadline({ entryDate: '20260220' })?.lastDay).toBe('20260305'); // 2026: 28 days in February
    expect(completeDeadline({ entryDate: '20280220' })?.lastDay).toBe('20280304'); // 2028: 29 February
    expect(completeDeadline({ entryDate: '20261225' })?.lastDay).toBe('20270107');
    expect(addDays('20261231', 1)).toBe('20270101');
    expect(daysBetween('20260227', '20260301')).toBe(2);
    expect(daysBetween('20280227', '20280301')).toBe(3);
  });

  it('counts from the China date of the release when the 进口日期 is not filled', () => {
    // 17:30 UTC on 31 January is already 1 February in China.
    const releasedAt = Date.parse('2026-01-31T17:30:00Z');
    expect(completeDeadline({ entryDate: '', releasedAt })).toEqual({
      start: '20260201',
      basis: 'release',
      lastDay: '20260214',
    });
    // The entry date wins: it is the day customs count from, never later than the release.
    expect(completeDeadline({ entryDate: '20260129', releasedAt })?.basis).toBe('entry');
    expect(completeDeadline({})).toBeNull();
  });

  it('refuses a date that is not one rather than counting from it', () => {
    expect(() => completeDeadline({ entryDate: '20260230' })).toThrow(/not a calendar date: "20260230"/);
    expect(() => completeDeadline({ entryDate: '2026-02-01' })).toThrow(/not a yyyyMMdd date/);
  });

  it('warns 3 days and 1 day before, on the last day too, and marks the day after overdue', () => {
    const deadline = { start: '20261201', basis: 'entry' as const, lastDay: '20261214' };
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
    const deadline = { start: '20261201', basis: 'entry' as const, lastDay: '20261214' };
    expect(deadlineState(deadline, china('2026-12-02T09:00:00')).changesAt).toBe(china('2026-12-11T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-11T09:00:00')).changesAt).toBe(china('2026-12-13T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-13T09:00:00')).changesAt).toBe(china('2026-12-15T00:00:00'));
    expect(deadlineState(deadline, china('2026-12-14T23:00:00')).changesAt).toBe(china('2026-12-15T00:00:00'));
  });
});

describe('the same deadline whatever the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'])('in %s', (tz) => {
    process.env.TZ = tz;
    // 23:30 on 31 March in China: still 31 March although it is 1 April in Kiritimati and 31 March in Los Angeles.
    const releasedAt = china('2026-03-31T23:30:00');
    const deadline = completeDeadline({ releasedAt });
    expect(deadline).toEqual({ start: '20260331', basis: 'release', lastDay: '20260413' });
    if (!deadline) return;
    expect(deadlineState(deadline, china('2026-04-10T00:00:01')).level).toBe('soon');
    expect(deadlineState(deadline, china('2026-04-13T23:59:59')).level).toBe('urgent');
    expect(deadlineState(deadline, china('2026-04-14T00:00:00')).level).toBe('overdue');
  });
});
