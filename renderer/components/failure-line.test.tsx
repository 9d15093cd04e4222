import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, reasonIssue } from '../../shared/api';
import { ApiCallError, errorNotice, failureLine } from '../api/client';
import { Notices } from '../app/notices';
import { useUi } from '../state/ui-store';
import { FailureLine } from './failure-line';

/** Main's answer when a handler failed on a program error: its reason, with the error as the program wrote it. */
const internal = new AppError('common.internal', {
  method: 'declarations.update',
  detail: 'SQLITE_BUSY: database is locked',
}).toApiError();

describe("a program error's own text is kept apart from the broker's sentence", () => {
  afterEach(() => {
    cleanup();
    // The UI language is app-wide: the next test (and file) starts in Chinese again.
    act(() => useUi.getState().setLocale('zh-CN'));
    useUi.setState({ notices: [] });
  });

  it("words main's internal error in the UI language and keeps its detail under 详情, with a copy button", async () => {
    render(<FailureLine error={failureLine(new ApiCallError(internal, 'zh-CN'))} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'SW Desk 内部出错（declarations.update），此操作没有完成。请导出诊断信息（设置）并联系支持',
    );
    expect(alert.textContent).not.toContain('SQLITE_BUSY');
    const details = screen.getByText('详情（供技术支持）').closest('details');
    expect(details?.querySelector('pre')?.textContent).toBe('declarations.update: SQLITE_BUSY: database is locked');
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => Promise.resolve(void copied.push(text)) },
    });
    fireEvent.click(screen.getByRole('button', { name: '复制详情' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '已复制' })).toBeTruthy());
    expect(copied).toEqual(['declarations.update: SQLITE_BUSY: database is locked']);
    // The broker switches language with it on screen: the sentence and the fold speak English, the detail is the same.
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Something went wrong inside SW Desk \(declarations\.update\)/,
    );
    expect(screen.getByText('Details (for support)')).toBeTruthy();
  });

  it("words the renderer's own program error the same way, and folds nothing for a failure said in full", () => {
    const { unmount } = render(<FailureLine error={failureLine(new TypeError("reading 'head' of undefined"))} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'SW Desk 出错，此操作没有完成。请导出诊断信息（设置）并联系支持',
    );
    expect(screen.getByText("reading 'head' of undefined").tagName).toBe('PRE');
    unmount();
    const refused = new AppError('desk.no-such-backup', { name: 'b.sqlite' }).toApiError();
    render(<FailureLine error={failureLine(new ApiCallError(refused, 'zh-CN'))} />);
    expect(screen.getByRole('alert').textContent).toBe('没有名为 b.sqlite 的备份');
    expect(document.querySelector('details')).toBeNull();
  });

  it("words bad input by its issues, the issues' joined program text folded for support", () => {
    const refused = new AppError('common.bad-input', { method: 'settings.testHub', detail: 'hubUrl: Invalid URL' }, [
      reasonIssue('hubUrl', 'input.hub-url'),
    ]).toApiError();
    render(<FailureLine error={failureLine(new ApiCallError(refused, 'zh-CN'))} />);
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toMatch(/^settings\.testHub 的输入不正确，未执行任何操作 — 数据交换中心地址须以 http/);
    expect(alert).not.toContain('Invalid URL');
    expect(screen.getByText('settings.testHub: hubUrl: Invalid URL').tagName).toBe('PRE');
  });

  it('says a refusal once when main names its field with the same reason', () => {
    const params = { keyId: 'ffff', needed: '0123456789abcdef' };
    const refused = new AppError('keys.not-the-missing-key', params, [
      reasonIssue('privateKey', 'keys.not-the-missing-key', params),
    ]).toApiError();
    render(<FailureLine error={failureLine(new ApiCallError(refused, 'zh-CN'))} />);
    expect(screen.getByRole('alert').textContent).toBe(
      '这个私钥是密钥 ffff，而数据需要的是 0123456789abcdef；未做任何改动',
    );
  });

  it("words a failure's cause by its kind in the UI language, the library's English only under 详情", () => {
    const broke = new AppError('sync.connection-broke', {
      cause: 'bad-port',
      detail: 'fetch failed: bad port',
    }).toApiError();
    render(<FailureLine error={failureLine(new ApiCallError(broke, 'zh-CN'))} />);
    expect(screen.getByRole('alert').textContent).toBe(
      '收到应答之前与数据交换中心的连接中断：该端口不允许用于网络请求',
    );
    expect(screen.getByText('fetch failed: bad port').tagName).toBe('PRE');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe(
      'The connection to the hub broke before its answer arrived: the port is one that network calls may not use',
    );
    expect(screen.getByText('Details (for support)')).toBeTruthy();
  });

  it('shows the detail beside a notice of the same failure', () => {
    act(() => useUi.getState().notify({ kind: 'error', message: errorNotice(new ApiCallError(internal, 'zh-CN')) }));
    render(<Notices />);
    expect(screen.getByRole('button', { name: /^SW Desk 内部出错/ }).textContent).not.toContain('SQLITE_BUSY');
    expect(screen.getByText('declarations.update: SQLITE_BUSY: database is locked').tagName).toBe('PRE');
  });
});
