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
  /** A spreadsheet chosen elsewhere (the invoice reader's file picker) for the lines dialog to read at once. */
  pendingFile: File | null;
  open(dialog: Exclude<InterchangeDialog, 'report' | null>, declarationId?: string | null, file?: File): void;
  takePendingFile(): File | null;
  showReport(report: LineImportReport, origin?: 'file' | 'paste'): void;
  /**
   * Closes the dialog open now; with a name, only if that one is still open (a native dialog
   * reports its closing after the next one has opened, which must not close the next one).
   */
  close(which?: InterchangeDialog): void;
}

export const useInterchange = create<InterchangeState>((set, get) => ({
  dialog: null,
  declarationId: null,
  report: null,
  reportOrigin: 'file',
  pendingFile: null,
  open: (dialog, declarationId = null, file) => set({ dialog, declarationId, pendingFile: file ?? null }),
  takePendingFile: () => {
    const file = get().pendingFile;
    set({ pendingFile: null });
    return file;
  },
  showReport: (report, origin = 'file') => set({ dialog: 'report', report, reportOrigin: origin }),
  close: (which) => set((s) => (which !== undefined && s.dialog !== which ? s : { dialog: null })),
}));
