import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from './dialog';

describe('a dialog', () => {
  afterEach(cleanup);

  function mount(closes: string[]) {
    render(
      <Dialog title="导入商品" open onClose={() => void closes.push('closed')}>
        <input type="file" aria-label="选择文件" />
      </Dialog>,
    );
  }

  it('closes on Escape (the dialog’s own cancel)', () => {
    const closes: string[] = [];
    mount(closes);
    fireEvent(screen.getByRole('dialog', { hidden: true }), new Event('cancel', { bubbles: false, cancelable: true }));
    expect(closes).toEqual(['closed']);
  });

  it('stays open when a file picker inside it is closed without a new file (its cancel bubbles up)', () => {
    const closes: string[] = [];
    mount(closes);
    fireEvent(screen.getByLabelText('选择文件'), new Event('cancel', { bubbles: true }));
    expect(closes).toEqual([]);
  });
});
