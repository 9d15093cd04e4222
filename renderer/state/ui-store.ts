import { create } from 'zustand';
import type { Locale } from '../../shared/i18n/locale';
import { defaultLocale } from '../../shared/i18n/locale';

export interface Notice {
  id: number;
  kind: 'released' | 'rejected' | 'info' | 'error';
  message: string;
  declarationId?: string;
}

export type View = 'list' | 'editor';

/** UI state only: what is selected, shown and open. Data lives in main and is read through renderer/api. */
interface UiState {
  locale: Locale;
  view: View;
  selectedId: string | null;
  notices: Notice[];
  passphraseOpen: boolean;
  connectOpen: boolean;
  helpOpen: boolean;
  setLocale(locale: Locale): void;
  /** Opens a declaration in the editor (null: back to the list). */
  select(id: string | null): void;
  setView(view: View): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  setPassphraseOpen(open: boolean): void;
  setConnectOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
}

let nextNotice = 1;

export const useUi = create<UiState>((set) => ({
  locale: defaultLocale,
  view: 'list',
  selectedId: null,
  notices: [],
  passphraseOpen: false,
  connectOpen: false,
  helpOpen: false,
  setLocale: (locale) => set({ locale }),
  select: (selectedId) => set({ selectedId, view: selectedId ? 'editor' : 'list' }),
  setView: (view) => set({ view }),
  notify: (notice) => set((s) => ({ notices: [...s.notices.slice(-4), { ...notice, id: nextNotice++ }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setPassphraseOpen: (passphraseOpen) => set({ passphraseOpen }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
