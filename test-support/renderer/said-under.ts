import { act } from '@testing-library/react';
import { expect } from 'vitest';
import { useUi } from '../../renderer/state/ui-store';

/** What is said under a box: the text of the element its aria-describedby names, or undefined. */
export function saidUnder(box: HTMLElement): string | null | undefined {
  return document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent;
}

/**
 * After a refused submit: `zh` is said under `box` and the focus is on it; once the language changes, `en` is said
 * there instead (worded when shown). The language is left in English.
 */
export function expectSaidUnder(box: HTMLElement, words: { zh: string | RegExp; en: string | RegExp }): void {
  const check = (text: string | null | undefined, expected: string | RegExp) =>
    typeof expected === 'string' ? expect(text).toBe(expected) : expect(text).toMatch(expected);
  check(saidUnder(box), words.zh);
  expect(box.getAttribute('aria-invalid')).toBe('true');
  expect(document.activeElement).toBe(box);
  act(() => useUi.setState({ locale: 'en' }));
  check(saidUnder(box), words.en);
}
