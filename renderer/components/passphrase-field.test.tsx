import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASSPHRASE_MIN, passphraseSchema } from '../../shared/api';
import { NewPassphraseFields, PassphraseField, passphraseProblem, useNewPassphrase } from './passphrase-field';

/** A form choosing a new passphrase, which hands on what it would send. */
function ChooseForm({ send }: { send(passphrase: string): void }) {
  const passphrase = useNewPassphrase('new');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase.checked()) send(passphrase.value);
      }}
    >
      <NewPassphraseFields label="新口令" {...passphrase.fields} />
      <button type="submit">保存</button>
    </form>
  );
}

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

  it('has a new passphrase typed twice, and says a short one under the first box and a typo under the second', () => {
    const send = vi.fn();
    render(<ChooseForm send={send} />);
    const [first, again] = [screen.getByLabelText('新口令'), screen.getByLabelText('确认口令（再输入一次）')];
    expect(again.getAttribute('autocomplete')).toBe('new-password');
    fireEvent.change(first, { target: { value: 'short' } });
    fireEvent.change(again, { target: { value: 'short' } });
    fireEvent.submit(first);
    expect(document.activeElement).toBe(first);
    expect(document.getElementById('new-error')?.textContent).toBe(`至少 ${PASSPHRASE_MIN} 个字符`);
    fireEvent.change(first, { target: { value: 'correct horse battery' } });
    expect(document.getElementById('new-error')).toBeNull();
    fireEvent.submit(first);
    expect([document.activeElement, document.getElementById('new-again-error')?.textContent]).toEqual([
      again,
      '确认口令与上面输入的口令不一致，请重新输入',
    ]);
    expect(send).not.toHaveBeenCalled();
    fireEvent.change(again, { target: { value: 'correct horse battery' } });
    fireEvent.submit(first);
    expect(send).toHaveBeenCalledWith('correct horse battery');
  });
});
