import { create } from 'zustand';
import type { LineImportReport } from '../../../shared/api';

export type InterchangeDialog = 'lines' | 'bridge' | 'report' | 'print' | null;

/** Which interchange screen is open, for which declaration, and the last import report. */
interface InterchangeState {
  dialog: InterchangeDialog;
  declarationId: string | null;
  report: LineImportReport | null;
  open(dialog: Exclude<InterchangeDialog, 'report' | null>, declarationId?: string | null): void;
  showReport(report: LineImportReport): void;
  /**
   * Closes the dialog open now; with a name, only if that one is still open (a native dialog
   * reports its closing after the next one has opened, which must not close the next one).
   */
  close(which?: InterchangeDialog): void;
}

export const useInterchange = create<InterchangeState>((set) => ({
  dialog: null,
  declarationId: null,
  report: null,
  open: (dialog, declarationId = null) => set({ dialog, declarationId }),
  showReport: (report) => set({ dialog: 'report', report }),
  close: (which) => set((s) => (which !== undefined && s.dialog !== which ? s : { dialog: null })),
}));
