import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeclarationRecord } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { useUi } from '../../state/ui-store';
import { declarationRecord } from '../../../test-support/shared/records';
import { CompleteDeadlineNote, DeadlineBadge } from './complete-deadline-note';

/** An instant given as a China wall-clock time (UTC+8). */
const china = (iso: string) => new Date(`${iso}+08:00`);

/** A 概要申报 customs released at 10:00 on 1 December, China time (02:00 UTC). */
const releasedSummary: DeclarationRecord = declarationRecord({
  workflow: 'sent',
  status: 'summary-released',
  channel: 'P',
  twoStep: 'summary',
  entryId: '224820261000012345',
  releasedAt: '2026-12-01T02:00:00.000Z',
  doc: { head: { IEFlag: 'I', Type: '  5', IEDate: '20261125' }, lines: [], tables: {} },
});

function mount(record: DeclarationRecord, locale: Locale): void {
  useUi.getState().setLocale(locale);
  render(
    <>
      <CompleteDeadlineNote record={record} />
      <DeadlineBadge item={record} />
    </>,
  );
}

const note = () => screen.getByRole('status');
const badge = () => screen.getByTestId('complete-deadline');

describe('the 完整申报 deadline on a released 概要申报 and its 完整申报', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useUi.getState().setLocale('zh-CN');
  });

  it('is the 14th day after the release, not counted from the 进口日期, and warns 3 days before, in Chinese', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-12T10:00:00'));
    mount(releasedSummary, 'zh-CN');
    expect(note().textContent).toBe(
      '完整申报期限 2026-12-15（概要申报 2026-12-01 放行后第 14 日，北京时间） · 还剩 3 天',
    );
    expect(note().getAttribute('data-level')).toBe('soon');
    // The badge's day is China's, labelled as the note's is; its title is the whole sentence.
    expect(badge().textContent).toBe('完整申报 12-15 前（北京时间） · 还剩 3 天');
    expect(badge().title).toBe(note().textContent?.replace(' · 还剩 3 天', ''));
    expect(badge().getAttribute('data-level')).toBe('soon');
  });

  it('marks an overdue one, on the 完整 draft too, in English', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-17T09:00:00'));
    mount({ ...releasedSummary, workflow: 'draft', status: 'draft', channel: null, twoStep: 'complete' }, 'en');
    expect(note().getAttribute('data-level')).toBe('overdue');
    expect(note().textContent).toBe(
      "Complete declaration due 2026-12-15 (the 14th day after the summary's release on 2026-12-01, China dates) · " +
        'overdue by 2 days: declare it in full now',
    );
    expect(badge().textContent).toBe('Complete by 12-15 (China date) · overdue by 2 days: declare it in full now');
  });

  it('turns to the 1-day warning at China midnight by itself, with no network', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-13T23:59:59.900'));
    mount(releasedSummary, 'zh-CN');
    expect(note().textContent).toContain('还剩 2 天');
    // The clock passes midnight; the note's own timer (armed for that midnight) re-reads it.
    vi.setSystemTime(china('2026-12-14T00:00:00.100'));
    await waitFor(() => expect(note().getAttribute('data-level')).toBe('urgent'));
    expect(note().textContent).toContain('还剩 1 天');
    expect(badge().getAttribute('data-level')).toBe('urgent');
  });

  it('shows nothing on a one-step release, a 概要 not yet released, or a 完整 declared', () => {
    mount({ ...releasedSummary, status: 'released', twoStep: null }, 'zh-CN');
    mount({ ...releasedSummary, status: 'accepted', channel: 'L', releasedAt: null }, 'zh-CN');
    mount({ ...releasedSummary, status: 'complete-closed', channel: 'R', twoStep: 'complete' }, 'zh-CN');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByTestId('complete-deadline')).toBeNull();
  });
});
