import { create } from 'zustand';
import type { DeclarationSummary, ListQuery, listSearchFields } from '../../../shared/api';
import type { DisplayStatusKey } from '../../../shared/status';
import type { SortKey } from './list-columns';

export type SearchField = (typeof listSearchFields)[number] | '';

/** The list's filters, sort, page, chosen columns and selection; kept while the user is in the editor. */
interface ListState {
  text: string;
  field: SearchField;
  status: DisplayStatusKey[];
  from: string;
  to: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
  columns: string[];
  /** Selected declarations by id (a selection can span pages). */
  selected: Map<string, DeclarationSummary>;
  /** Alt+L asked for the keyboard to land on the list's rows (honoured once the rows are on screen). */
  focusRequested: boolean;
  requestFocus(on: boolean): void;
  /** Changes filters or the page; any filter change goes back to the first page. */
  set(patch: Partial<Pick<ListState, 'text' | 'field' | 'status' | 'from' | 'to' | 'page' | 'pageSize'>>): void;
  setColumns(columns: string[]): void;
  sortBy(key: SortKey): void;
  toggle(items: readonly DeclarationSummary[], on: boolean): void;
  clearSelection(): void;
}

export const useListState = create<ListState>((set) => ({
  text: '',
  field: '',
  status: [],
  from: '',
  to: '',
  sort: 'updatedAt',
  direction: 'desc',
  page: 0,
  pageSize: 50,
  columns: [],
  selected: new Map(),
  focusRequested: false,
  requestFocus: (focusRequested) => set({ focusRequested }),
  set: (patch) => set({ page: 0, ...patch }),
  setColumns: (columns) => set({ columns }),
  // A new column sorts dates newest first and text A→Z; the same column again turns the order round.
  sortBy: (key) =>
    set((s) => ({
      sort: key,
      direction:
        s.sort === key
          ? s.direction === 'desc'
            ? 'asc'
            : 'desc'
          : key === 'updatedAt' || key === 'createdAt'
            ? 'desc'
            : 'asc',
      page: 0,
    })),
  toggle: (items, on) =>
    set((s) => {
      const selected = new Map(s.selected);
      for (const item of items) {
        if (on) selected.set(item.id, item);
        else selected.delete(item.id);
      }
      return { selected };
    }),
  clearSelection: () => set({ selected: new Map() }),
}));

/** The contract query for the current filters. */
export function toQuery(
  s: Pick<ListState, 'text' | 'field' | 'status' | 'from' | 'to' | 'sort' | 'direction' | 'page' | 'pageSize'>,
): ListQuery {
  const text = s.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(text && s.field ? { field: s.field } : {}),
    ...(s.status.length > 0 ? { status: s.status } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(s.from) ? { from: s.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(s.to) ? { to: s.to } : {}),
    sort: s.sort,
    direction: s.direction,
    limit: s.pageSize,
    offset: s.page * s.pageSize,
  };
}
