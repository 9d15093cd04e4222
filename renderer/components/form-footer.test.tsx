import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUi } from '../state/ui-store';
import { FormFooter } from './form-footer';

describe('a form’s footer', () => {
  afterEach(() => {
    cleanup();
    // The UI language is app-wide: the next test (and file) starts in Chinese again.
    act(() => useUi.getState().setLocale('zh-CN'));
  });

  it('says the app’s one Cancel in the UI language unless the form names its own', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<FormFooter onCancel={onCancel} submitLabel="保存" />);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    rerender(<FormFooter cancelLabel="Keep editing" onCancel={onCancel} submitLabel="Discard" />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Keep editing', 'Discard']);
  });
});
