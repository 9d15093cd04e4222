import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onEnterNavigate } from './enter-navigation';

function Form() {
  return (
    <form onKeyDown={onEnterNavigate}>
      <input aria-label="a" data-enter-nav="" defaultValue="1" />
      <button type="button">not a field</button>
      <input aria-label="b" data-enter-nav="" disabled />
      <fieldset disabled>
        <input aria-label="c" data-enter-nav="" />
      </fieldset>
      <input aria-label="d" data-enter-nav="" defaultValue="4" />
      <input aria-label="e" />
    </form>
  );
}

describe('Enter navigation', () => {
  afterEach(cleanup);

  it('Enter moves to the next field and Shift+Enter back, skipping what cannot take input', () => {
    render(<Form />);
    const a = screen.getByLabelText('a');
    const d = screen.getByLabelText('d');
    a.focus();
    fireEvent.keyDown(a, { key: 'Enter' });
    expect(document.activeElement).toBe(d);
    fireEvent.keyDown(d, { key: 'Enter', shiftKey: true });
    expect(document.activeElement).toBe(a);
  });

  it('leaves Enter with a modifier, or outside the fields, to others', () => {
    render(<Form />);
    const a = screen.getByLabelText('a');
    a.focus();
    fireEvent.keyDown(a, { key: 'Enter', altKey: true });
    expect(document.activeElement).toBe(a);
    const e = screen.getByLabelText('e');
    e.focus();
    fireEvent.keyDown(e, { key: 'Enter' });
    expect(document.activeElement).toBe(e);
  });

  it('focuses the next field with its text selected, and scrolls it into view in the next frame, not at once', () => {
    // Scrolling at focus (focus() or select() as they are) makes the browser lay the page out in the keystroke's
    // handler; the frame lays it out anyway.
    render(<Form />);
    const a = screen.getByLabelText('a');
    const d = screen.getByLabelText<HTMLInputElement>('d');
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const options: Array<FocusOptions | undefined> = [];
    const focus = vi.spyOn(d, 'focus');
    focus.mockImplementation(function (this: HTMLInputElement, o?: FocusOptions) {
      options.push(o);
      HTMLElement.prototype.focus.call(this, o);
    });
    const scrolled = vi.fn();
    d.scrollIntoView = scrolled;
    a.focus();
    fireEvent.keyDown(a, { key: 'Enter' });
    expect(document.activeElement).toBe(d);
    expect(options).toEqual([{ preventScroll: true }]);
    expect([d.selectionStart, d.selectionEnd]).toEqual([0, 1]);
    expect(scrolled).not.toHaveBeenCalled();
    for (const frame of frames) frame(0);
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
    raf.mockRestore();
  });
});
