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
  /** The notices on screen, oldest first (the newest is drawn on top), at most MAX_NOTICES. */
  notices: Notice[];
  /** The notices stepped back for newer ones, oldest first: each shows again when one on screen closes. */
  waiting: Notice[];
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
 * quick flow (save, check, declare), and the broker read none of them. Past them, older ones wait their turn.
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

type NoticeQueue = Pick<UiState, 'notices' | 'waiting'>;

/**
 * The notices with one more, on top: what just happened is what the broker needs to see (a 需交税费 or a refused
 * 修改申请 waiting behind three older notices went unread). One that says the same as a notice shown or waiting
 * replaces it, instead of either showing twice. Past MAX_NOTICES the oldest plain notice on screen (else the oldest)
 * steps back to wait for room, never dropped: dropping it lost a release or a rejection the broker never read; a
 * notice with 详情 is the last to step back, as it stays until closed.
 */
function withNotice({ notices, waiting }: NoticeQueue, notice: Notice): NoticeQueue {
  const shown = notices.filter((n) => !sameNotice(n, notice));
  // A newer word on a declaration makes an earlier plain one on it moot (a release after its 需交税费), once it is off
  // screen: a first sync after a weekend would otherwise queue one notice per receipt, shown one per NOTICE_MS for
  // minutes. A release or a refusal is never moot.
  const moot = (n: Notice) =>
    n.kind === 'info' && notice.declarationId !== undefined && n.declarationId === notice.declarationId;
  const queue = waiting.filter((n) => !sameNotice(n, notice) && !moot(n));
  if (shown.length < MAX_NOTICES) return { notices: [...shown, notice], waiting: queue };
  const out = shown.find((n) => !n.message.detail) ?? shown[0];
  return {
    notices: [...shown.filter((n) => n !== out), notice],
    waiting: out && !moot(out) ? [...queue, out].sort((a, b) => a.id - b.id) : queue,
  };
}

/** The notices without one (shown or waiting), the oldest waiting shown in the room it leaves. */
function withoutNotice({ notices, waiting }: NoticeQueue, id: number): NoticeQueue {
  const shown = notices.filter((n) => n.id !== id);
  const queue = waiting.filter((n) => n.id !== id);
  const room = Math.max(MAX_NOTICES - shown.length, 0);
  return { notices: [...shown, ...queue.slice(0, room)], waiting: queue.slice(room) };
}

export const useUi = create<UiState>((set) => ({
  locale: defaultLocale,
  view: 'list',
  selectedId: null,
  notices: [],
  waiting: [],
  passphraseOpen: false,
  afterUnlock: null,
  connectOpen: false,
  helpOpen: false,
  prefs: { confirmDeclare: 'always', computeLines: true },
  setLocale: (locale) => set({ locale }),
  select: (selectedId) => set({ selectedId, view: selectedId ? 'editor' : 'list' }),
  setView: (view) => set({ view }),
  notify: (notice) => set((s) => withNotice(s, { ...notice, id: nextNotice++ })),
  dismiss: (id) => set((s) => withoutNotice(s, id)),
  setPassphraseOpen: (passphraseOpen, afterUnlock) =>
    set({ passphraseOpen, afterUnlock: passphraseOpen ? (afterUnlock ?? null) : null }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setPrefs: (prefs) => set((s) => ({ prefs: { ...s.prefs, ...prefs } })),
}));
