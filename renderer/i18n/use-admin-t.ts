import type { Locale } from '../../shared/i18n/locale';
import { useUi } from '../state/ui-store';
import { adminEn } from './admin-messages-en';
import type { AdminMessages } from './admin-messages-zh';
import { adminZh } from './admin-messages-zh';

/** The administration screens' messages in a language (a notice words itself with these when shown). */
export function adminMessages(locale: Locale): AdminMessages {
  return locale === 'en' ? adminEn : adminZh;
}

/** The administration screens' messages in the current language. */
export function useAdminT(): AdminMessages {
  return adminMessages(useUi((s) => s.locale));
}

/** A field problem code as a sentence (codes from shared/profiles/profile-check.ts). */
export function problemText(t: AdminMessages, code: string, max?: number): string {
  const entry = t.problem[code];
  if (typeof entry === 'function') return entry(max ?? 0);
  return entry ?? code;
}
