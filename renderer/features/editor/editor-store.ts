import { create } from 'zustand';
import { placeOf } from './form-layout';
import type { PartyFill } from './keyed-party';

/** The editor's own UI state: where the cursor is, what is open, and a focus waiting for its field to render. */
interface EditorUi {
  /** The field path last focused. */
  currentPath: string | null;
  /** The goods line line operations and the details panel act on (0-based). */
  currentLine: number;
  moreOpen: boolean;
  detailOpen: boolean;
  activeTab: string;
  /** A field to focus once it is on screen (it may be in a closed panel, another tab or a scrolled-away row). */
  pendingFocus: string | null;
  gmodelLine: number | null;
  templateOpen: boolean;
  /** Set by the goods grid: brings a line into its scrolled window. */
  scrollToLine: ((index: number) => void) | null;
  /** What a customs code or USCC keyed in a party box last filled, with its undo (the box shows a note). */
  partyFill: { fill: PartyFill; undo(): void } | null;
  reset(): void;
  setCurrent(path: string): void;
  setCurrentLine(line: number): void;
  setMoreOpen(open: boolean): void;
  setDetailOpen(open: boolean): void;
  setActiveTab(tab: string): void;
  requestFocus(path: string, ieFlag: 'I' | 'E'): void;
  focusDone(): void;
  setGmodelLine(line: number | null): void;
  setTemplateOpen(open: boolean): void;
  setScrollToLine(fn: ((index: number) => void) | null): void;
  setPartyFill(partyFill: { fill: PartyFill; undo(): void } | null): void;
}

const initial = {
  currentPath: null,
  currentLine: 0,
  moreOpen: false,
  detailOpen: false,
  activeTab: 'containers',
  pendingFocus: null,
  gmodelLine: null,
  templateOpen: false,
  partyFill: null,
};

export const useEditorUi = create<EditorUi>((set) => ({
  ...initial,
  scrollToLine: null,
  reset: () => set(initial),
  setCurrent: (path) => {
    const line = /^lines\[(\d+)\]/.exec(path);
    set(line ? { currentPath: path, currentLine: Number(line[1]) } : { currentPath: path });
  },
  setCurrentLine: (currentLine) => set({ currentLine }),
  setMoreOpen: (moreOpen) => set({ moreOpen }),
  setDetailOpen: (detailOpen) => set({ detailOpen }),
  setActiveTab: (activeTab) => set({ activeTab }),
  requestFocus: (path, ieFlag) => {
    const place = placeOf(path, ieFlag);
    set((s) => ({
      pendingFocus: path,
      moreOpen: s.moreOpen || place.area === 'more',
      detailOpen: s.detailOpen || place.area === 'line-detail',
      currentLine: place.area === 'grid' || place.area === 'line-detail' ? place.line : s.currentLine,
      activeTab: place.area === 'tab' ? place.tab : s.activeTab,
    }));
  },
  focusDone: () => set({ pendingFocus: null }),
  setGmodelLine: (gmodelLine) => set({ gmodelLine }),
  setTemplateOpen: (templateOpen) => set({ templateOpen }),
  setScrollToLine: (scrollToLine) => set({ scrollToLine }),
  setPartyFill: (partyFill) => set({ partyFill }),
}));
