import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
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

  // Most dialogs render nothing once closed: removed while open, the native dialog gives no focus back.
  function Opener({ moveTo }: { moveTo?: string }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <input aria-label="价格说明" onKeyDown={(e) => e.key === 'F2' && setOpen(true)} />
        <input aria-label="单据类型" />
        {open ? (
          <Dialog title="另存为模板" open onClose={() => setOpen(false)}>
            <input aria-label="模板名称" autoFocus />
            <button
              type="button"
              onClick={() => {
                if (moveTo) screen.getByLabelText(moveTo).focus();
                setOpen(false);
              }}
            >
              确定
            </button>
          </Dialog>
        ) : null}
      </>
    );
  }

  it('gives the focus back to the box it was opened from when it is closed and gone', () => {
    render(<Opener />);
    const from = screen.getByLabelText('价格说明');
    from.focus();
    fireEvent.keyDown(from, { key: 'F2' });
    expect(document.activeElement).toBe(screen.getByLabelText('模板名称'));
    fireEvent.click(screen.getByRole('button', { name: '确定', hidden: true }));
    expect(screen.queryByLabelText('模板名称')).toBeNull();
    expect(document.activeElement).toBe(from);
  });

  it('leaves the focus where the closer put it', () => {
    render(<Opener moveTo="单据类型" />);
    const from = screen.getByLabelText('价格说明');
    from.focus();
    fireEvent.keyDown(from, { key: 'F2' });
    fireEvent.click(screen.getByRole('button', { name: '确定', hidden: true }));
    expect(document.activeElement).toBe(screen.getByLabelText('单据类型'));
  });
});
