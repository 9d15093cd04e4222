import type { Locale } from '../../shared/i18n/locale';

/** A list's words on one line as each language writes them: 、 between Chinese words, a comma and space in English. */
export function listWords(words: readonly string[], locale: Locale): string {
  return words.join(locale === 'en' ? ', ' : '、');
}
