import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
});
