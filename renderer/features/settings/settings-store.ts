import { create } from 'zustand';

export type SettingsTab = 'profiles' | 'hub' | 'code-tables' | 'backup' | 'data' | 'keys' | 'general';

/** Whether Settings is open, and on which tab (UI state only). */
export const useSettings = create<{
  open: boolean;
  tab: SettingsTab;
  /** An archive opened from the file manager, offered for import on the Data tab. */
  archiveOffered: string | null;
  openAt(tab?: SettingsTab): void;
  offerArchive(path: string): void;
  close(): void;
}>((set) => ({
  open: false,
  tab: 'profiles',
  archiveOffered: null,
  openAt: (tab) => set((s) => ({ open: true, tab: tab ?? s.tab })),
  offerArchive: (path) => set({ open: true, tab: 'data', archiveOffered: path }),
  close: () => set({ open: false }),
}));

export const adminKeys = {
  status: ['admin', 'desk-status'] as const,
  profiles: ['admin', 'profiles'] as const,
  settings: ['admin', 'settings'] as const,
  backups: ['admin', 'backups'] as const,
  keys: ['admin', 'keys'] as const,
};
