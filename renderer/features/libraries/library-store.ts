import { create } from 'zustand';
import type { LibraryImportReport } from '../../../shared/api';
import type { PartySlot } from '../../../shared/libraries';

export type LibraryTab = 'parties' | 'products' | 'templates' | 'defaults';

/** Which library screen, picker or dialog is open (UI state only; the data lives in main). */
interface LibraryUi {
  /** The libraries dialog and its tab, or null when closed. */
  tab: LibraryTab | null;
  /** The import dialog (mapping step, progress, report) for parties or products. */
  importing: 'parties' | 'products' | null;
  report: LibraryImportReport | null;
  /** The editor's pickers: a party box, or a goods line (0-based). */
  partyPicker: PartySlot | null;
  productPicker: number | null;
  templatePicker: boolean;
  copyOpen: boolean;
  openTab(tab: LibraryTab | null): void;
  openImport(kind: 'parties' | 'products' | null): void;
  showReport(report: LibraryImportReport | null): void;
  openPartyPicker(slot: PartySlot | null): void;
  openProductPicker(line: number | null): void;
  setTemplatePicker(open: boolean): void;
  setCopyOpen(open: boolean): void;
}

export const useLibraryUi = create<LibraryUi>((set) => ({
  tab: null,
  importing: null,
  report: null,
  partyPicker: null,
  productPicker: null,
  templatePicker: false,
  copyOpen: false,
  openTab: (tab) => set({ tab }),
  openImport: (importing) => set({ importing, report: null }),
  showReport: (report) => set({ report }),
  openPartyPicker: (partyPicker) => set({ partyPicker }),
  openProductPicker: (productPicker) => set({ productPicker }),
  setTemplatePicker: (templatePicker) => set({ templatePicker }),
  setCopyOpen: (copyOpen) => set({ copyOpen }),
}));
