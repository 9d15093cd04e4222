import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { DeclarationDoc } from '../../shared/catalog';
// Direct module imports: the codes index also re-exports the built-in packages, which the renderer never needs.
import { createClientCodeLookup } from '../../shared/code-tables/client-lookup';
import type { LoadedCodeTable } from '../../shared/code-tables/memory-lookup';
import { createMemoryTable, type MemoryTable } from '../../shared/code-tables/memory-table';
import type { CodeRow } from '../../shared/code-tables/normalize';
import { orderByValidity, type SearchHit } from '../../shared/code-tables/search';
import type { TariffInfo } from '../../shared/code-tables/tariff';
import type { CodeLookup } from '../../shared/validation';
import { chinaDate } from '../../shared/validation/china-date';
import { api } from './client';
import { queryClient } from './queries';

/** Tables larger than this are searched in main, never held whole here (the tariff always). */
const SNAPSHOT_MAX_ROWS = 20_000;

/** Every query that reads the code tables (the checks' snapshot, tariff lines, pickers, names). */
const codeTableQueries = ['codes.tables', 'codes.snapshot', 'tariff.getMany', 'codes.search', 'codes.get'];

/**
 * The code tables changed in main (a table imported, newer tables from the hub) or main's checks judged a code
 * otherwise: everything read from them is read again, so the open declaration is checked and named with the
 * tables main has now.
 */
export async function refreshCodeTables(): Promise<void> {
  await Promise.all(codeTableQueries.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

export function useCodeTables() {
  return useQuery({ queryKey: ['codes.tables'], queryFn: () => api.invoke('codes.tables', {}), staleTime: Infinity });
}

/** The installed small tables, held whole so the checks can run on every keystroke. */
export function useCodeSnapshot() {
  const tablesQuery = useCodeTables();
  const tables = tablesQuery.data;
  const ids = useMemo(
    () =>
      (tables ?? [])
        .filter((t) => t.id !== 'tariff' && t.rowCount > 0 && t.rowCount <= SNAPSHOT_MAX_ROWS)
        .map((t) => t.id),
    [tables],
  );
  const snapshot = useQuery({
    queryKey: ['codes.snapshot', ids],
    queryFn: () => api.invoke('codes.snapshot', { tables: ids }),
    enabled: ids.length > 0,
    staleTime: Infinity,
  });
  // The tables have been read once (names can be shown): what must wait for them, such as printing, waits for this.
  const ready = tablesQuery.isFetched && (ids.length === 0 || snapshot.isFetched);
  const tariffInstalled = (tables ?? []).some((t) => t.id === 'tariff' && t.rowCount > 0);
  const tariffComplete = (tables ?? []).some((t) => t.id === 'tariff' && t.complete);
  // One object while nothing changes: everything built from it (the lookup's maps, names) is built once.
  return useMemo(
    () => ({
      tables: (snapshot.data?.tables ?? []).map((t): LoadedCodeTable => ({
        id: t.id,
        complete: t.complete,
        rows: t.rows,
      })),
      tariffInstalled,
      tariffComplete,
      ready,
    }),
    [snapshot.data, tariffInstalled, tariffComplete, ready],
  );
}

/** The tariff lines of the HS codes on a declaration, fetched as codes are typed. */
export function useTariffInfos(codes: readonly string[], enabled: boolean) {
  // The same set of codes is the same list: typing elsewhere in a line must not rebuild the lookup.
  const key = [...new Set(codes.filter((c) => /^\d{10}$/.test(c)))].sort().join(',');
  const wanted = useMemo(() => (key === '' ? [] : key.split(',')), [key]);
  const query = useQuery({
    queryKey: ['tariff.getMany', wanted],
    queryFn: () => api.invoke('tariff.getMany', { codes: wanted }),
    enabled: enabled && wanted.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    const byCode = new Map<string, TariffInfo>((query.data ?? []).map((t) => [t.code, t]));
    // Codes asked for and not returned are not in the tariff — once main has answered for them: while the answer is
    // on its way (the editor just opened) nothing is known, or 申报 pressed at once was refused on 商品编号.
    const asked = query.isSuccess && !query.isPlaceholderData ? new Set(wanted) : new Set<string>();
    return { byCode, asked };
  }, [query.data, query.isSuccess, query.isPlaceholderData, wanted]);
}

/**
 * The tariff line of one 10-digit 商品编号 (undefined when the tariff has none, or only the note of a retired code),
 * from the same cache useTariffInfos fills: a declaration holding only this code has asked for it already.
 */
export async function tariffLine(code: string): Promise<TariffInfo | undefined> {
  const found = await queryClient.fetchQuery({
    queryKey: ['tariff.getMany', [code]],
    queryFn: () => api.invoke('tariff.getMany', { codes: [code] }),
    staleTime: Infinity,
  });
  return found.find((t) => t.code === code && t.successors === undefined);
}

/** A code's name in the UI language: its English name where the table has one, else its Chinese (and back). */
export function codeName(row: Readonly<Partial<Record<'name_zh' | 'name_en', string>>>, locale: string): string {
  return (locale === 'en' ? row.name_en || row.name_zh : row.name_zh || row.name_en) ?? '';
}

/** The rows of a small table this window holds (the checks' snapshot); undefined until the tables have been read. */
export function useCodeRows(table: string): readonly CodeRow[] | undefined {
  return useCodeSnapshot().tables.find((t) => t.id === table)?.rows;
}

/**
 * The CodeLookup the checks use as the user types: small tables held whole, tariff lines of the
 * declaration's HS codes (shared/code-tables/client-lookup.ts), and names for showing beside codes.
 */
export function useCheckLookup(doc: DeclarationDoc): {
  lookup: CodeLookup;
  name(table: string, code: string, locale: string): string;
  /** The code tables have been read: names are known. */
  ready: boolean;
} {
  const snapshot = useCodeSnapshot();
  const codes = useMemo(() => doc.lines.map((l) => l.CodeTS ?? ''), [doc.lines]);
  const tariff = useTariffInfos(codes, snapshot.tariffInstalled);
  return useMemo(() => {
    const found = [...tariff.byCode.values()];
    const lookup = createClientCodeLookup({
      tables: snapshot.tables,
      ...(snapshot.tariffInstalled
        ? { tariff: { complete: snapshot.tariffComplete, asked: tariff.asked, found } }
        : {}),
    });
    const name = (table: string, code: string, locale: string): string => {
      if (code === '') return '';
      if (table === 'tariff') return tariff.byCode.get(code)?.name ?? '';
      const row: Readonly<CodeRow> | undefined = lookup.row?.(table, code);
      return row ? codeName(row, locale) : '';
    };
    return { lookup, name, ready: snapshot.ready };
  }, [snapshot, tariff]);
}

/** A small table held in this window, indexed for its pickers once per copy of its rows. */
const pickerTables = new WeakMap<readonly CodeRow[], MemoryTable>();

function pickerTable(rows: readonly CodeRow[]): MemoryTable {
  let table = pickerTables.get(rows);
  if (!table) {
    table = createMemoryTable(rows);
    pickerTables.set(rows, table);
  }
  return table;
}

/** What a picker reads of its search: the hits, and whether they are for what is typed now. */
export interface CodeSearch {
  data: SearchHit[] | undefined;
  isSuccess: boolean;
  /** The previous query's hits, shown while this one's are on their way. */
  isPlaceholderData: boolean;
  isFetching: boolean;
}

/**
 * A picker's search: code prefix, pinyin initials or Chinese text. A small table this window holds (units,
 * countries, 关区 … the checks' snapshot, read again when the tables change) is searched here, as main would
 * search it (the same MemoryTable and order), in the render that follows the keystroke: no round trip to main.
 * The tariff, and any table before the snapshot has arrived, is searched by main.
 */
export function useCodeSearch(table: string, query: string, enabled: boolean): CodeSearch {
  const snapshot = useCodeSnapshot();
  const rows = snapshot.tables.find((t) => t.id === table)?.rows;
  const remote = useQuery({
    queryKey: ['codes.search', table, query],
    queryFn: () => api.invoke('codes.search', { table, query, limit: 20 }),
    enabled: enabled && rows === undefined,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const [today] = useState(() => chinaDate(Date.now()));
  const local = useMemo(() => {
    if (!enabled || rows === undefined) return undefined;
    const index = pickerTable(rows);
    return orderByValidity(index.search(query, 20), (code) => index.get(code), today);
  }, [enabled, rows, query, today]);
  if (local !== undefined) return { data: local, isSuccess: true, isPlaceholderData: false, isFetching: false };
  return remote;
}
