import { create } from 'zustand';

/** Whose review differences are open beside the form (one at a time: another declaration opens without them). */
export const useReviewDiffUi = create<{ openFor: string | null; toggle(id: string): void; close(): void }>((set) => ({
  openFor: null,
  toggle: (id) => set((s) => ({ openFor: s.openFor === id ? null : id })),
  close: () => set({ openFor: null }),
}));
