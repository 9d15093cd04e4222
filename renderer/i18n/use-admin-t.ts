import { useUi } from '../state/ui-store';
import { adminEn } from './admin-messages-en';
import type { AdminMessages } from './admin-messages-zh';
import { adminZh } from './admin-messages-zh';

/** The administration screens' messages in the current language. */
export function useAdminT(): AdminMessages {
  return useUi((s) => s.locale) === 'en' ? adminEn : adminZh;
}

/** A field problem code as a sentence (codes from shared/profiles/profile-check.ts). */
export function problemText(t: AdminMessages, code: string, max?: number): string {
  const entry = t.problem[code];
  if (typeof entry === 'function') return entry(max ?? 0);
  return entry ?? code;
}
