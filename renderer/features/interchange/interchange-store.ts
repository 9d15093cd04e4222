import { create } from 'zustand';
import type { LineImportReport } from '../../../shared/api';

export type InterchangeDialog = 'lines' | 'bridge' | 'report' | 'print' | null;

/** Which interchange screen is open, for which declaration, and the last import report. */
interface InterchangeState {
  dialog: InterchangeDialog;
  declarationId: string | null;
  report: LineImportReport | null;
  /** Where the report's lines came from: a file names the file to fix, a paste the cells. */
  reportOrigin: 'file' | 'paste';
  open(dialog: Exclude<InterchangeDialog, 'report' | null>, declarationId?: string | null): void;
  showReport(report: LineImportReport, origin?: 'file' | 'paste'): void;
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
  reportOrigin: 'file',
  open: (dialog, declarationId = null) => set({ dialog, declarationId }),
  showReport: (report, origin = 'file') => set({ dialog: 'report', report, reportOrigin: origin }),
  close: (which) => set((s) => (which !== undefined && s.dialog !== which ? s : { dialog: null })),
}));
