import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { AppError } from '../../shared/api';
import { api, setBridge } from '../api/client';
import { useUi } from '../state/ui-store';
import { createFakeBridge } from '../../test-support/renderer/fake-bridge';
import { screenPerTest } from '../../test-support/renderer/render-with-bridge';
import { refusalNotice, useBusy, useBusyCall } from './busy-call';
import { FailureLine } from './failure-line';

/** A bridge whose backup.now answers only when the test lets it, with a refusal: the busy time can be looked at. */
function heldBridge() {
  let answer: (result: ApiResult<unknown>) => void = () => undefined;
  const fake = createFakeBridge({
    'backup.now': () => new Promise<ApiResult<unknown>>((resolve) => (answer = resolve)),
  });
  setBridge(fake.bridge);
  const refuse = () =>
    answer({ ok: false, error: new AppError('desk.no-such-backup', { name: 'b.sqlite' }).toApiError() });
  return { calls: () => fake.calls.filter((c) => c.method === 'backup.now').length, refuse };
}

/** A panel as the settings panels use the hook: a button (left enabled, to press it again while busy) and the line. */
function Panel({ also }: { also?: (e: unknown) => void }) {
  const { busy, error, run } = useBusyCall();
  const backUp = () =>
    run(async () => {
      await api.invoke('backup.now', {});
    }, also);
  return (
    <div>
      <button type="button" onClick={() => void backUp()}>
        备份
      </button>
      {busy ? <p role="status">处理中</p> : null}
      <FailureLine error={error} />
    </div>
  );
}

/** A bar as the editor's bars use it: the refusal is a notice. */
function Bar() {
  const { busy, run } = useBusy();
  return (
    <button
      type="button"
      onClick={() =>
        void run(async () => {
          await api.invoke('backup.now', {});
        }, refusalNotice)
      }
    >
      {busy ? '处理中' : '备份'}
    </button>
  );
}

describe('a call made from a panel, one at a time', () => {
  screenPerTest();

  it('shows busy while the call runs, ignores a second press meanwhile, and words the refusal in zh and en', async () => {
    const held = heldBridge();
    const also = vi.fn();
    render(<Panel also={also} />);
    fireEvent.click(screen.getByRole('button', { name: '备份' }));
    await waitFor(() => expect(held.calls()).toBe(1));
    expect(screen.getByRole('status').textContent).toBe('处理中');
    // Pressed again before the first call has answered: nothing is sent a second time.
    fireEvent.click(screen.getByRole('button', { name: '备份' }));
    expect(held.calls()).toBe(1);
    held.refuse();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('没有名为 b.sqlite 的备份'));
    expect(screen.queryByRole('status')).toBeNull();
    expect(also).toHaveBeenCalledTimes(1);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe('There is no backup named b.sqlite');
    // Busy cleared after the refusal: the next press calls again, and the old failure goes when it starts.
    fireEvent.click(screen.getByRole('button', { name: '备份' }));
    await waitFor(() => expect(held.calls()).toBe(2));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toBeTruthy();
  });

  it("gives a bar's refusal as a notice worded in the UI language, and is free again after it", async () => {
    const held = heldBridge();
    render(<Bar />);
    fireEvent.click(screen.getByRole('button', { name: '备份' }));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('处理中'));
    fireEvent.click(screen.getByRole('button'));
    held.refuse();
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('备份'));
    expect(held.calls()).toBe(1);
    const notices = useUi.getState().notices;
    expect(notices.map((n) => [n.kind, n.message('zh-CN'), n.message('en')])).toEqual([
      ['error', '没有名为 b.sqlite 的备份', 'There is no backup named b.sqlite'],
    ]);
  });
});
