import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, reasonMessage } from '../../shared/api/errors';
import { createFakeBridge } from '../../test-support/renderer/fake-bridge';
import { screenPerTest } from '../../test-support/renderer/render-with-bridge';
import { ApiCallError, errorNotice, setBridge } from '../api/client';
import { useMainEvents } from '../api/queries';
import { messages } from '../i18n/messages';
import { MAX_NOTICES, useUi } from '../state/ui-store';
import { NOTICE_MS, Notices } from './notices';

// A notice is worded when it is shown: one still on screen when the broker switches language speaks the new one.
describe('notices in the UI language of the moment', () => {
  screenPerTest();

  it('a notice from main (a release) switches language with the UI while it is shown', () => {
    const fake = createFakeBridge({});
    setBridge(fake.bridge);
    renderHook(() => useMainEvents());
    render(<Notices />);
    const said = reasonMessage('notices.receipt', { seqNo: 'C0001', channel: 'P', entryId: '222020261000000001' });
    act(() => fake.emit('notice', { kind: 'released', ...said, declarationId: 'd1' }));
    const shown = () => screen.getByRole('status').textContent ?? '';
    const zh = shown();
    expect(zh).toContain('C0001');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    act(() => useUi.getState().setLocale('en'));
    expect(shown()).toContain('C0001');
    expect(shown()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(shown()).not.toBe(zh);
  });

  it('a notice of the app’s own is worded again too', () => {
    render(<Notices />);
    act(() => useUi.getState().notify({ kind: 'info', message: (l) => messages[l].restored(2) }));
    expect(screen.getByRole('status').textContent).toContain('已恢复 2 处上次未保存的修改');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('status').textContent).toContain('Restored 2 unsaved changes from last time');
  });

  it('a failure main answered, and the host not answering, are worded again in the new language', () => {
    render(<Notices />);
    const refused = new ApiCallError(new AppError('keys.wrong-passphrase').toApiError());
    act(() => useUi.getState().notify({ kind: 'error', message: errorNotice(refused) }));
    act(() =>
      useUi.getState().notify({ kind: 'error', message: errorNotice(new TypeError('Failed to fetch'), 'a.xml') }),
    );
    const shown = () => screen.getByRole('status').textContent ?? '';
    expect(shown()).toContain('口令不正确');
    expect(shown()).toContain('a.xml: SW Desk 主程序没有响应');
    act(() => useUi.getState().setLocale('en'));
    expect(shown()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(shown()).toContain('a.xml: SW Desk did not answer');
    expect(shown()).toContain(refused.error.message);
  });
});

describe('how long a notice stays', () => {
  screenPerTest();
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A failure whose cause is worded and whose library text is folded under 详情. */
  const broke = () =>
    errorNotice(
      new ApiCallError(
        new AppError('sync.connection-broke', { cause: 'connection-reset', detail: 'other side closed' }).toApiError(),
      ),
    );
  const shown = () => screen.getByRole('status').textContent ?? '';
  const later = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

  it('a notice with 详情 stays until it is closed, while one without closes after its time', () => {
    render(<Notices />);
    act(() => useUi.getState().notify({ kind: 'error', message: broke() }));
    act(() => useUi.getState().notify({ kind: 'info', message: (l) => messages[l].restored(1) }));
    expect(shown()).toContain('已恢复');
    later(NOTICE_MS);
    // The plain notice closed; the one with the program's text is still there, its fold to open and copy.
    expect(shown()).not.toContain('已恢复');
    expect(shown()).toContain('收到应答之前与数据交换中心的连接中断：对方关闭了连接');
    later(NOTICE_MS * 30);
    expect(screen.getByText('详情（供技术支持）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(useUi.getState().notices).toEqual([]);
  });

  it('a notice does not close while the pointer or the focus is on the notices, and closes after it leaves', () => {
    render(<Notices />);
    act(() => useUi.getState().notify({ kind: 'info', message: (l) => messages[l].restored(1) }));
    const region = screen.getByRole('status');
    fireEvent.mouseEnter(region);
    later(NOTICE_MS * 3);
    expect(shown()).toContain('已恢复');
    fireEvent.mouseLeave(region);
    act(() => screen.getByRole('button', { name: '关闭' }).focus());
    later(NOTICE_MS * 3);
    expect(shown()).toContain('已恢复');
    act(() => screen.getByRole('button', { name: '关闭' }).blur());
    later(NOTICE_MS - 1);
    expect(shown()).toContain('已恢复');
    later(1);
    expect(useUi.getState().notices).toEqual([]);
  });
});

// A quick flow (save, check, declare, a release arriving) raised five notices over the form's right column; the
// few shown, the newest on top, and the older ones wait their turn (dropped, a release or a rejection was lost).
describe('how many notices are shown', () => {
  screenPerTest();
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const restored = (n: number) => (l: 'zh-CN' | 'en') => messages[l].restored(n);
  const texts = () => screen.getAllByRole('button', { name: /已恢复|收到应答之前/ }).map((b) => b.textContent ?? '');
  const line = (n: number) => `已恢复 ${n} 处上次未保存的修改`;

  it('shows at most a few, the newest on top, and the same notice once; older ones show again as those close', () => {
    render(<Notices />);
    for (const n of [1, 2, 3, 4, 5]) act(() => useUi.getState().notify({ kind: 'info', message: restored(n) }));
    expect(MAX_NOTICES).toBe(3);
    expect(texts()).toEqual([line(5), line(4), line(3)]);
    // The same notice again moves up, not stacked twice.
    act(() => useUi.getState().notify({ kind: 'info', message: restored(4) }));
    expect(texts()).toEqual([line(4), line(5), line(3)]);
    // The oldest closes after its time, and the first waiting shows on top; one closed by hand lets the next in.
    act(() => void vi.advanceTimersByTime(NOTICE_MS));
    expect(texts()).toEqual([line(1), line(4), line(5)]);
    fireEvent.click(screen.getAllByRole('button', { name: '关闭' })[0] as HTMLElement);
    expect(texts()).toEqual([line(2), line(4), line(5)]);
    expect(useUi.getState().waiting).toEqual([]);
  });

  it('keeps a notice with 详情 on screen while older plain ones step back for newer ones', () => {
    render(<Notices />);
    const broke = errorNotice(
      new ApiCallError(
        new AppError('sync.connection-broke', { cause: 'connection-reset', detail: 'other side closed' }).toApiError(),
      ),
    );
    act(() => useUi.getState().notify({ kind: 'error', message: broke }));
    for (const n of [1, 2, 3, 4]) act(() => useUi.getState().notify({ kind: 'info', message: restored(n) }));
    expect(texts()).toHaveLength(MAX_NOTICES);
    expect(texts().at(-1)).toContain('收到应答之前与数据交换中心的连接中断');
    expect(texts()[0]).toBe(line(4));
    // Plain notices close one after another and the waiting ones take their place; the one with 详情 stays.
    for (let i = 0; i < 3; i++) act(() => void vi.advanceTimersByTime(NOTICE_MS));
    expect(texts()).toEqual([line(2), expect.stringContaining('收到应答之前与数据交换中心的连接中断')]);
  });
});
