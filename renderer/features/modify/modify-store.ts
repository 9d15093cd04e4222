import { create } from 'zustand';

/**
 * 修撤单's UI state: the declaration whose editable copy is open (the editor shows the copy instead of the declaration),
 * and which dialog is open over it.
 */
interface ModifyUi {
  copyOf: string | null;
  dialog: 'confirm' | 'cancel' | null;
  startCopy(id: string): void;
  endCopy(): void;
  setDialog(dialog: ModifyUi['dialog']): void;
}

export const useModifyUi = create<ModifyUi>((set) => ({
  copyOf: null,
  dialog: null,
  startCopy: (id) => set({ copyOf: id, dialog: null }),
  endCopy: () => set({ copyOf: null, dialog: null }),
  setDialog: (dialog) => set({ dialog }),
}));
