import { create } from 'zustand';
import type { DeclarationDoc } from '../../../shared/catalog';

/**
 * 修撤单's UI state: the declaration whose editable copy is open (the editor shows the copy instead of the declaration),
 * what the copy starts from (the draft kept of it, or the declaration itself when null), and which dialog is open.
 */
interface ModifyUi {
  copyOf: string | null;
  copyFrom: DeclarationDoc | null;
  dialog: 'confirm' | 'cancel' | 'discard' | null;
  startCopy(id: string, from?: DeclarationDoc | null): void;
  endCopy(): void;
  setDialog(dialog: ModifyUi['dialog']): void;
}

export const useModifyUi = create<ModifyUi>((set) => ({
  copyOf: null,
  copyFrom: null,
  dialog: null,
  startCopy: (id, from = null) => set({ copyOf: id, copyFrom: from, dialog: null }),
  endCopy: () => set({ copyOf: null, copyFrom: null, dialog: null }),
  setDialog: (dialog) => set({ dialog }),
}));
