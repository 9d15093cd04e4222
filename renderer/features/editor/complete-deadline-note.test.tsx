import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, DeclarationRecord, ReceiptEntry } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { createFakeBridge, type FakeCall } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { CompleteDeadlineNote } from './complete-deadline-note';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
/** An instant given as a China wall-clock time (UTC+8). */
const china = (iso: string) => new Date(`${iso}+08:00`);

const released: ReceiptEntry = {
  channel: 'P',
  note: '海关已放行',
  noticeDate: '2026-12-01',
  entryId: '224820261000012345',
  seqNo: null,
  receivedAt: '2026-12-01T02:00:00.000Z',
  source: 'hub',
};

function summary(head: Record<string, string>): DeclarationRecord {
  return declarationRecord({
    workflow: 'sent',
    status: 'released',
    channel: 'P',
    doc: { head: { IEFlag: 'I', Type: '  5', ...head }, lines: [], tables: {} },
  });
}

function mount(record: DeclarationRecord, locale: Locale, receipts: ReceiptEntry[] = []): FakeCall[] {
  useUi.getState().setLocale(locale);
  queryClient.clear();
  const fake = createFakeBridge({ 'declarations.receipts': () => ok(receipts) });
  setBridge(fake.bridge);
  render(
    <QueryClientProvider client={queryClient}>
      <CompleteDeadlineNote record={record} />
    </QueryClientProvider>,
  );
  return fake.calls;
}

describe('the 完整申报 deadline on a 概要申报', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useUi.getState().setLocale('zh-CN');
  });

  it('counts from the 进口日期 and warns 3 days before, in Chinese', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-11T10:00:00'));
    mount(summary({ IEDate: '20261201' }), 'zh-CN');
    const note = await screen.findByRole('status');
    expect(note.textContent).toContain('完整申报期限 2026-12-14（自进口日期 2026-12-01 起 14 日） · 还剩 3 天');
    expect(note.getAttribute('data-level')).toBe('soon');
  });

  it('counts from the release receipt while the 进口日期 is empty, and marks an overdue one, in English', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-16T09:00:00'));
    mount(summary({}), 'en', [released]);
    await waitFor(() => expect(screen.getByRole('status').getAttribute('data-level')).toBe('overdue'));
    expect(screen.getByRole('status').textContent).toContain(
      'Complete declaration due 2026-12-14 (14 days from the release 2026-12-01) · overdue by 2 days: declare it in full now',
    );
  });

  it('turns to the 1-day warning at China midnight by itself, with no network', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-12T23:59:59.900'));
    mount(summary({ IEDate: '20261201' }), 'zh-CN');
    expect((await screen.findByRole('status')).textContent).toContain('还剩 2 天');
    // The clock passes midnight; the note's own timer (armed for that midnight) re-reads it.
    vi.setSystemTime(china('2026-12-13T00:00:00.100'));
    await waitFor(() => expect(screen.getByRole('status').getAttribute('data-level')).toBe('urgent'));
    expect(screen.getByRole('status').textContent).toContain('还剩 1 天');
  });

  it('shows nothing on a one-step declaration or a 完整申报, and asks for no receipts', () => {
    const calls = mount(summary({ Type: '', IEDate: '20261201' }), 'zh-CN');
    expect(screen.queryByRole('status')).toBeNull();
    cleanup();
    const more = mount(summary({ Type: '  6', IEDate: '20261201' }), 'zh-CN');
    expect(screen.queryByRole('status')).toBeNull();
    expect([...calls, ...more].filter((c) => c.method === 'declarations.receipts')).toEqual([]);
  });

  it('does not count from a 进口日期 still being typed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(china('2026-12-02T09:00:00'));
    mount(summary({ IEDate: '202612' }), 'zh-CN', [released]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('自概要申报放行日 2026-12-01'));
  });
});
