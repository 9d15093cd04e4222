import { adminMessages, type AdminMessages } from './admin-messages';
import { messagesHook } from './by-locale';

/** The administration screens' messages in the current language. */
export const useAdminT = messagesHook(adminMessages);

/** A field problem code as a sentence (codes from shared/profiles/profile-check.ts). */
export function problemText(t: AdminMessages, code: string, max?: number): string {
  const entry = t.problem[code];
  if (typeof entry === 'function') return entry(max ?? 0);
  return entry ?? code;
}
