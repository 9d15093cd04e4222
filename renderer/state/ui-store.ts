import { create } from 'zustand';
import type { DeclareConfirmation } from '../../shared/api';
import type { Locale } from '../../shared/i18n/locale';
import { defaultLocale, locales } from '../../shared/i18n/locale';

/**
 * What a notice says: worded when it is shown, in the UI language of that moment (a notice still on screen when the
 * broker switches language speaks the new one), from its code and parameters held in the function. Never text
 * worded when the notice was raised: that kept the language of that moment (an error's message as it came).
 */
export type NoticeText = ((locale: Locale) => string) & {
  /**
   * A program error as the program wrote it (in English, for support): shown apart under 详情 with a copy button,
   * never inline in the broker's sentence.
   */
  readonly detail?: string;
};

export interface Notice {
  id: number;
  kind: 'released' | 'rejected' | 'info' | 'error';
  message: NoticeText;
  declarationId?: string;
}

/** A notice's text in a language. */
export function noticeText(notice: Pick<Notice, 'message'>, locale: Locale): string {
  return notice.message(locale);
}

export type View = 'list' | 'editor';

/** The broker's keying preferences (Settings → 常规), kept in main with the rest of the UI state. */
export interface Prefs {
  confirmDeclare: DeclareConfirmation;
  computeLines: boolean;
}

/** UI state only: what is selected, shown and open. Data lives in main and is read through renderer/api. */
interface UiState {
  locale: Locale;
  view: View;
  selectedId: string | null;
  notices: Notice[];
  passphraseOpen: boolean;
  /** What the broker was doing when the key had to be unlocked (declaring, 同步): it goes on once unlocked. */
  afterUnlock: (() => void) | null;
  connectOpen: boolean;
  helpOpen: boolean;
  prefs: Prefs;
  setLocale(locale: Locale): void;
  /** Opens a declaration in the editor (null: back to the list). */
  select(id: string | null): void;
  setView(view: View): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  /** Opens (or closes) the passphrase dialog; `afterUnlock` runs once the key is unlocked, not on cancel. */
  setPassphraseOpen(open: boolean, afterUnlock?: () => void): void;
  setConnectOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setPrefs(prefs: Partial<Prefs>): void;
}

let nextNotice = 1;

/**
 * At most this many notices at once: five stacked in the window's corner covered the form's right column during a
 * quick flow (save, check, declare), and the broker read none of them.
 */
export const MAX_NOTICES = 3;

/** Two notices that say the same thing, in every language, about the same declaration. */
function sameNotice(a: Omit<Notice, 'id'>, b: Omit<Notice, 'id'>): boolean {
  return (
    a.kind === b.kind &&
    a.declarationId === b.declarationId &&
    a.message.detail === b.message.detail &&
    locales.every((locale) => a.message(locale) === b.message(locale))
  );
}

/**
 * The notices with one more, last: one that says the same as a notice already shown replaces it (its time starts
 * again) instead of stacking twice; past MAX_NOTICES the oldest goes, one without 详情 first, since a program error's
 * text must stay until the broker has copied it for support.
 */
function withNotice(notices: readonly Notice[], notice: Notice): Notice[] {
  const kept = notices.filter((n) => !sameNotice(n, notice));
  while (kept.length >= MAX_NOTICES) {
    const plain = kept.findIndex((n) => !n.message.detail);
    kept.splice(Math.max(plain, 0), 1);
  }
  return [...kept, notice];
}

export const useUi = create<UiState>((set) => ({
  locale: defaultLocale,
  view: 'list',
  selectedId: null,
  notices: [],
  passphraseOpen: false,
  afterUnlock: null,
  connectOpen: false,
  helpOpen: false,
  prefs: { confirmDeclare: 'always', computeLines: true },
  setLocale: (locale) => set({ locale }),
  select: (selectedId) => set({ selectedId, view: selectedId ? 'editor' : 'list' }),
  setView: (view) => set({ view }),
  notify: (notice) => set((s) => ({ notices: withNotice(s.notices, { ...notice, id: nextNotice++ }) })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setPassphraseOpen: (passphraseOpen, afterUnlock) =>
    set({ passphraseOpen, afterUnlock: passphraseOpen ? (afterUnlock ?? null) : null }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setPrefs: (prefs) => set((s) => ({ prefs: { ...s.prefs, ...prefs } })),
}));
