import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { DeclarationDoc } from '../../../shared/catalog';
import type { DeclarationSummary } from '../../../shared/api';
import { listSearchFields } from '../../../shared/api';
import { displayStatusKeys, statusName } from '../../../shared/status';
import { api } from '../../api/client';
import { useDeclarationList } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { useCheckLookup } from '../../api/code-tables';
import { DeadlineBadge } from '../editor/complete-deadline-note';
import { BulkBar } from './bulk-bar';
import { listColumns, visibleColumns } from './list-columns';
import { toQuery, useListState, type SearchField } from './list-store';
import './list-keys.css';
import { listWords } from '../../i18n/list-words';

const fieldLabels: Record<(typeof listSearchFields)[number], { zh: string; en: string }> = {
  billNo: { zh: '提运单号', en: 'B/L no.' },
  contrNo: { zh: '合同协议号', en: 'Contract no.' },
  tradeName: { zh: '境内收发货人', en: 'Consignee/consignor' },
  entryId: { zh: '海关编号', en: 'Entry no.' },
  seqNo: { zh: '统一编号', en: 'SeqNo' },
  clientSeqNo: { zh: '客户端编号', en: 'Client no.' },
};

/** The list names codes from the small code tables only (no declaration's tariff lines). */
const noDoc: DeclarationDoc = { head: {}, lines: [], tables: {} };

/** The row the keyboard lands on: the declaration last opened when it is on this page, else the first. */
function landingRow(
  table: HTMLElement,
  items: readonly DeclarationSummary[],
  lastOpened: string | null,
): HTMLElement | null {
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === lastOpened),
  );
  return table.querySelector<HTMLElement>(`tbody tr[data-index="${index}"] button.seq`);
}

/** ↑↓ move between rows (same column), Space selects the row, Enter opens it. */
function onTableKeys(
  event: KeyboardEvent<HTMLTableSectionElement>,
  rows: readonly DeclarationSummary[],
  toggle: (item: DeclarationSummary) => void,
  toSearch: () => void,
): void {
  const target = event.target as HTMLElement;
  const row = target.closest('tr');
  const index = Number(row?.dataset.index ?? -1);
  if (index < 0) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const cell = target.closest('td')?.cellIndex ?? 1;
    const next = row?.parentElement?.querySelector(`tr[data-index="${index + (event.key === 'ArrowDown' ? 1 : -1)}"]`);
    const control = next?.children[cell]?.querySelector<HTMLElement>('button, input');
    if (control) {
      event.preventDefault();
      control.focus();
      control.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'ArrowUp' && index === 0) {
      // Above the first row is the search box (↓ there comes back down).
      event.preventDefault();
      toSearch();
    }
  } else if (event.key === ' ' && target.tagName === 'BUTTON') {
    const item = rows[index];
    if (item) {
      event.preventDefault();
      toggle(item);
    }
  }
}

/**
 * The declaration list: search by any identifier, filter by status and date, sort, choose columns, page, act on a
 * selection.
 */
export function ListView() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const select = useUi((s) => s.select);
  const state = useListState();
  const list = useDeclarationList(toQuery(state));
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  const exact = list.data?.totalExact ?? true;
  const columns = visibleColumns(state.columns);
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  const ids = { search: useId(), field: useId(), from: useId(), to: useId(), size: useId() };
  const allOnPage = items.length > 0 && items.every((i) => state.selected.has(i.id));
  const chosen = columns.map((c) => c.id);
  const lastOpened = useUi((s) => s.selectedId);
  const lookup = useCheckLookup(noDoc).name;
  const codeNames = useCallback((table: string, code: string) => lookup(table, code, locale), [lookup, locale]);
  const tableRef = useRef<HTMLTableElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Alt+L lands on the rows (the declaration last opened, else the first) once they are on screen; with no rows, on
  // the search box.
  const { focusRequested, requestFocus } = state;
  useEffect(() => {
    if (!focusRequested || list.isPending) return;
    requestFocus(false);
    const row = tableRef.current ? landingRow(tableRef.current, items, lastOpened) : null;
    (row ?? searchRef.current)?.focus();
  }, [focusRequested, list.isPending, items, lastOpened, requestFocus]);

  /** ↓ in the search box goes down into the rows. */
  function fromSearch(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'ArrowDown' || !tableRef.current) return;
    const row = tableRef.current.querySelector<HTMLElement>('tbody tr[data-index="0"] button.seq');
    if (row) {
      event.preventDefault();
      row.focus();
    }
  }

  function setColumns(next: string[]): void {
    state.setColumns(next);
    void api.invoke('ui.setState', { listColumns: next }).catch(() => undefined);
  }

  return (
    <nav className="list-view" aria-label={t.list}>
      <form noValidate className="list-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>{t.search}</label>
          <input
            id={ids.search}
            ref={searchRef}
            type="search"
            placeholder={t.searchPlaceholder}
            onKeyDown={fromSearch}
            value={state.text}
            onChange={(e) => state.set({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.field}>{t.searchIn}</label>
          <select
            id={ids.field}
            value={state.field}
            onChange={(e) => state.set({ field: e.target.value as SearchField })}
          >
            <option value="">{t.searchAll}</option>
            {listSearchFields.map((f) => (
              <option key={f} value={f}>
                {locale === 'en' ? fieldLabels[f].en : fieldLabels[f].zh}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t.dateFrom}</label>
          <input id={ids.from} type="date" value={state.from} onChange={(e) => state.set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t.dateTo}</label>
          <input id={ids.to} type="date" value={state.to} onChange={(e) => state.set({ to: e.target.value })} />
        </div>
        <details className="dropdown">
          <summary>
            {t.statusShown(
              state.status.length === 0
                ? t.allStatuses
                : listWords(
                    state.status.map((s) => statusName(s, locale)),
                    locale,
                  ),
            )}
          </summary>
          <fieldset aria-label={t.statusFilter}>
            {displayStatusKeys.map((key) => (
              <label key={key} className="check">
                <input
                  type="checkbox"
                  checked={state.status.includes(key)}
                  onChange={(e) =>
                    state.set({
                      status: e.target.checked ? [...state.status, key] : state.status.filter((s) => s !== key),
                    })
                  }
                />
                {statusName(key, locale)}
              </label>
            ))}
          </fieldset>
        </details>
        <details className="dropdown">
          <summary>{t.columns}</summary>
          <fieldset aria-label={t.columns}>
            {listColumns.map((column) => (
              <label key={column.id} className="check">
                <input
                  type="checkbox"
                  disabled={column.id === 'clientSeqNo'}
                  checked={chosen.includes(column.id)}
                  onChange={(e) =>
                    setColumns(
                      e.target.checked
                        ? listColumns.map((c) => c.id).filter((id) => id === column.id || chosen.includes(id))
                        : chosen.filter((id) => id !== column.id),
                    )
                  }
                />
                {column.label(t)}
              </label>
            ))}
          </fieldset>
        </details>
      </form>

      <BulkBar items={items} columns={columns} />

      {items.length === 0 && !list.isPending ? (
        <p className="muted placeholder">
          {!state.text.trim() && state.status.length === 0 && !state.from && !state.to ? t.empty : t.noMatch}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="list-scroll">
          <table className="list-table" ref={tableRef}>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t.selectPage}
                    checked={allOnPage}
                    onChange={(e) => state.toggle(items, e.target.checked)}
                  />
                </th>
                {columns.map((column) => (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={
                      column.sort && state.sort === column.sort
                        ? state.direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    {column.sort ? (
                      <button
                        type="button"
                        className="link"
                        title={t.sortBy(column.label(t))}
                        onClick={() => column.sort && state.sortBy(column.sort)}
                      >
                        {column.label(t)} {state.sort === column.sort ? (state.direction === 'asc' ? '▲' : '▼') : ''}
                      </button>
                    ) : (
                      column.label(t)
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody
              onKeyDown={(e) =>
                onTableKeys(
                  e,
                  items,
                  (item) => state.toggle([item], !state.selected.has(item.id)),
                  () => searchRef.current?.focus(),
                )
              }
            >
              {items.map((item, index) => (
                <tr key={item.id} data-index={index} className={state.selected.has(item.id) ? 'selected' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.selectRow(item.clientSeqNo)}
                      checked={state.selected.has(item.id)}
                      onChange={(e) => state.toggle([item], e.target.checked)}
                    />
                  </td>
                  {columns.map((column) =>
                    column.id === 'clientSeqNo' ? (
                      <td key={column.id}>
                        <button type="button" className="link seq" onClick={() => select(item.id)}>
                          {item.clientSeqNo}
                        </button>
                      </td>
                    ) : (
                      <td
                        key={column.id}
                        className={column.id === 'status' ? `status status-${item.status}` : undefined}
                      >
                        {column.text(item, t, locale, codeNames)}
                        {column.id === 'status' ? <DeadlineBadge item={item} /> : null}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="pager">
        <span>{t.totalCount(exact ? String(total) : `${total}+`)}</span>
        <button type="button" disabled={state.page === 0} onClick={() => state.set({ page: state.page - 1 })}>
          {t.previousPage}
        </button>
        <span>{t.page(state.page + 1, exact ? String(pages) : `${pages}+`)}</span>
        <button
          type="button"
          disabled={items.length < state.pageSize || (exact && state.page + 1 >= pages)}
          onClick={() => state.set({ page: state.page + 1 })}
        >
          {t.nextPage}
        </button>
        <label htmlFor={ids.size}>{t.pageSize}</label>
        <select
          id={ids.size}
          value={state.pageSize}
          onChange={(e) => {
            state.set({ pageSize: Number(e.target.value) });
            void api.invoke('ui.setState', { listPageSize: Number(e.target.value) }).catch(() => undefined);
          }}
        >
          {[20, 50, 100, 200].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
