import { create } from 'zustand';

/** The review screen's declaration, and the last write it made (which 撤销 takes back). */
interface ExtractState {
  declarationId: string | null;
  applied: { declarationId: string; revision: number; lines: number } | null;
  open(declarationId: string): void;
  close(): void;
  setApplied(applied: ExtractState['applied']): void;
}

export const useExtract = create<ExtractState>((set) => ({
  declarationId: null,
  applied: null,
  open: (declarationId) => set({ declarationId }),
  close: () => set({ declarationId: null }),
  setApplied: (applied) => set({ applied }),
}));
