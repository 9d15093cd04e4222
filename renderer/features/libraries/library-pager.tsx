import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LibraryPage } from '../../../shared/api';
import { useLibraryT } from './messages';

/** Rows a library panel shows at a time. */
export const LIBRARY_PAGE_SIZE = 100;

/** Where a page starts, as the previous page's `next` said (parties.list, products.list). */
export type PageStart = NonNullable<LibraryPage<unknown>['next']>;

const FIRST: PageStart = { offset: 0 };

/**
 * The pages a library panel went through, so "previous" goes back to exactly the page before
 * (a keyset page is found from the page before it, not by number). Another `filter` (a new
 * search, another role) starts again at page 1.
 */
export function useLibraryPaging(filter: string) {
  const [state, setState] = useState<{ filter: string; starts: PageStart[] }>({ filter, starts: [FIRST] });
  const starts = state.filter === filter ? state.starts : [FIRST];
  const current = starts.at(-1) ?? FIRST;
  return {
    /** What to send with the query: the page's offset, and the row it follows when there is one. */
    start: current.after ? { offset: current.offset, after: current.after } : { offset: current.offset },
    hasPrevious: starts.length > 1,
    next: (start: PageStart) => setState({ filter, starts: [...starts, start] }),
    previous: () => setState({ filter, starts: starts.length > 1 ? starts.slice(0, -1) : starts }),
  };
}

type Paging = ReturnType<typeof useLibraryPaging>;

/**
 * Previous / next page and "rows x–y of N" under a library's toolbar. While the next page loads
 * the panel keeps showing the page it has (`loading`), and the buttons wait for it.
 */
function LibraryPager({
  page,
  paging,
  loading,
}: {
  page: LibraryPage<unknown> | undefined;
  paging: Paging;
  loading: boolean;
}) {
  const t = useLibraryT();
  const next = page?.next ?? null;
  const shown = page?.items.length ?? 0;
  return (
    <div className="pager" role="group" aria-label={t.pages}>
      <button type="button" disabled={!paging.hasPrevious} onClick={() => !loading && paging.previous()}>
        {t.previousPage}
      </button>
      <span className="muted" aria-live="polite">
        {page && shown > 0
          ? t.rowsOf(page.offset + 1, page.offset + shown, page.total, page.totalExact)
          : t.total(page?.total ?? 0)}
      </span>
      <button type="button" disabled={next === null} onClick={() => next && !loading && paging.next(next)}>
        {t.nextPage}
      </button>
    </div>
  );
}

/** PageDown / PageUp on a library's table (or a button in it) turn its pages; focus stays on the table. */
function pageKeys(page: LibraryPage<unknown> | undefined, paging: Paging, loading: boolean) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    event.preventDefault();
    if (loading) return;
    // The rows are about to be replaced; keep the focus on the table rather than lose it with them.
    event.currentTarget.focus();
    if (event.key === 'PageDown' && page?.next) paging.next(page.next);
    if (event.key === 'PageUp' && paging.hasPrevious) paging.previous();
  };
}

/**
 * A library panel's page of rows: the pager, the table (`children`: its head and rows) whose PageDown / PageUp turn
 * the pages, and a word under it when the page is empty: how to fill the library when nothing is searched for or
 * filtered (`filtered` false). `list` is the panel's query of the page.
 */
export function PagedLibraryTable({
  label,
  list,
  paging,
  filtered,
  children,
}: {
  label: string;
  filtered: boolean;
  list: { data: LibraryPage<unknown> | undefined; isPlaceholderData: boolean };
  paging: Paging;
  children: ReactNode;
}) {
  const t = useLibraryT();
  return (
    <>
      <LibraryPager page={list.data} paging={paging} loading={list.isPlaceholderData} />
      <table
        className="library-table"
        tabIndex={0}
        aria-label={label}
        title={t.pageKeysHint}
        onKeyDown={pageKeys(list.data, paging, list.isPlaceholderData)}
      >
        {children}
      </table>
      {list.data?.items.length === 0 ? (
        <p className="muted">
          {/* An emptied later page (its last rows deleted) is not an empty library: only that says how to fill one. */}
          {filtered || list.data.total > 0 ? t.none : t.noneYet(t.add, t.importFile)}
        </p>
      ) : null}
    </>
  );
}
