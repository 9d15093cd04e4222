import { fireEvent, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { Locale } from '../../shared/i18n/locale';
import { messages } from '../../renderer/i18n/messages';

/**
 * What main said is shown as a sentence without the program's own words (`detail`: a library's, the OS's), and those
 * words are one click away in `scope`: folded under 详情（供技术支持）in the UI language, opened, read whole, with the
 * copy button beside them.
 */
export function expectDetailFolded(scope: HTMLElement, sentence: HTMLElement, detail: string, locale: Locale): void {
  expect(sentence.textContent, 'the sentence').not.toContain(detail);
  const summary = within(scope).getByText(messages[locale].failureDetail);
  const fold = summary.closest('details');
  if (!fold) throw new Error(`${messages[locale].failureDetail} is not the summary of a fold`);
  // Folded until asked for (it stays open when the language changes with it open).
  if (!fold.open) fireEvent.click(summary);
  expect(fold.open, 'opened by its summary').toBe(true);
  expect(fold.querySelector('pre')?.textContent).toBe(detail);
  expect(within(fold).getByRole('button', { name: messages[locale].copyDetail })).toBeTruthy();
}
