import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_MIN, passphraseSchema } from '../../shared/api';
import { PassphraseField, passphraseProblem } from './passphrase-field';

describe('the passphrase box', () => {
  afterEach(cleanup);

  it('asks for as many characters as main accepts, and no fewer', () => {
    render(<PassphraseField id="p" label="口令" value="" onChange={() => undefined} choosing={false} />);
    const box = screen.getByLabelText('口令') as HTMLInputElement;
    expect(box.type).toBe('password');
    expect(box.required).toBe(true);
    expect(box.minLength).toBe(PASSPHRASE_MIN);
    expect(passphraseSchema.safeParse('x'.repeat(PASSPHRASE_MIN - 1)).success).toBe(false);
    expect(passphraseSchema.safeParse('x'.repeat(PASSPHRASE_MIN)).success).toBe(true);
  });

  it("finds what main's rule refuses, as main's field issue, and nothing in what it takes", () => {
    expect(passphraseProblem('x'.repeat(PASSPHRASE_MIN - 1))).toMatchObject({
      path: 'passphrase',
      code: 'input.too-small',
      params: { minimum: PASSPHRASE_MIN },
    });
    expect(passphraseProblem('x'.repeat(1025))?.code).toBe('input.too-big');
    expect(passphraseProblem('x'.repeat(PASSPHRASE_MIN))).toBeNull();
  });

  it('lets a password manager offer a new one only where the broker chooses it, and gives what is typed', () => {
    const typed = vi.fn();
    render(<PassphraseField id="new" label="新口令" value="" onChange={typed} choosing />);
    render(<PassphraseField id="old" label="口令" value="" onChange={() => undefined} choosing={false} />);
    expect(screen.getByLabelText('新口令').getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByLabelText('口令').getAttribute('autocomplete')).toBe('current-password');
    fireEvent.change(screen.getByLabelText('新口令'), { target: { value: 'correct horse' } });
    expect(typed).toHaveBeenCalledWith('correct horse');
  });
});
