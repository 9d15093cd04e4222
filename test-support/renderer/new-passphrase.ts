import { act, fireEvent, screen } from '@testing-library/react';
import { expect } from 'vitest';
import { useUi } from '../../renderer/state/ui-store';
import { expectSaidUnder } from './said-under';

/** The box that confirms a new passphrase, by its Chinese label. */
const againLabel = '确认口令（再输入一次）';

/**
 * Types a new passphrase in the box labelled `first` and another one (a typo) in its confirm box, submits with
 * `submit`, and checks what the broker sees: the mismatch said under the confirm box in Chinese, then in English once
 * the language changes, the box marked invalid and focused. The language is put back, and the confirm box is typed
 * again to match, which takes the message back: the caller checks that nothing was sent, then submits for real.
 */
export function refusedMismatch(first: string, submit: () => void, passphrase = 'correct horse battery'): void {
  fireEvent.change(screen.getByLabelText(first), { target: { value: passphrase } });
  fireEvent.change(screen.getByLabelText(againLabel), { target: { value: `${passphrase}!` } });
  submit();
  expectSaidUnder(screen.getByLabelText(againLabel), {
    zh: '确认口令与上面输入的口令不一致，请重新输入',
    en: 'Confirm passphrase does not match the passphrase above: type it again',
  });
  act(() => useUi.setState({ locale: 'zh-CN' }));
  fireEvent.change(screen.getByLabelText(againLabel), { target: { value: passphrase } });
  expect(screen.getByLabelText(againLabel).getAttribute('aria-invalid')).toBeNull();
}
