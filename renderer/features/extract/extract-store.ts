import { create } from 'zustand';

/**
 * The review screen's declaration, and how the open editor saves what is still pending: reading begins at the
 * declaration's revision, so every way of opening the screen saves the editor first (an autosave landing later would
 * make 接受 refused as stale).
 */
interface ExtractState {
  declarationId: string | null;
  saveEditor: (() => Promise<void>) | null;
  open(declarationId: string): Promise<void>;
  close(): void;
  setSaveEditor(save: (() => Promise<void>) | null): void;
}

export const useExtract = create<ExtractState>((set, get) => ({
  declarationId: null,
  saveEditor: null,
  open: async (declarationId) => {
    await get().saveEditor?.();
    set({ declarationId });
  },
  close: () => set({ declarationId: null }),
  setSaveEditor: (saveEditor) => set({ saveEditor }),
}));
