import { create } from 'zustand';
import type { Locale } from '../../shared/i18n/locale';
import { defaultLocale } from '../../shared/i18n/locale';

export interface Notice {
  id: number;
  kind: 'released' | 'rejected' | 'info' | 'error';
  message: string;
  declarationId?: string;
}

/** UI state only: what is selected, shown and open. Data lives in main and is read through renderer/api. */
interface UiState {
  locale: Locale;
  selectedId: string | null;
  search: string;
  notices: Notice[];
  passphraseOpen: boolean;
  connectOpen: boolean;
  setLocale(locale: Locale): void;
  select(id: string | null): void;
  setSearch(text: string): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  setPassphraseOpen(open: boolean): void;
  setConnectOpen(open: boolean): void;
}

let nextNotice = 1;

export const useUi = create<UiState>((set) => ({
  locale: defaultLocale,
  selectedId: null,
  search: '',
  notices: [],
  passphraseOpen: false,
  connectOpen: false,
  setLocale: (locale) => set({ locale }),
  select: (selectedId) => set({ selectedId }),
  setSearch: (search) => set({ search }),
  notify: (notice) => set((s) => ({ notices: [...s.notices.slice(-4), { ...notice, id: nextNotice++ }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setPassphraseOpen: (passphraseOpen) => set({ passphraseOpen }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),
}));
