import { QueryClient, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ListQuery } from '../../shared/api';
import { messageText } from '../i18n/reasons';
import { useUi } from '../state/ui-store';
import { api } from './client';
import { isOwnSave } from './own-saves';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false } },
});

export const keys = {
  list: (query: ListQuery) => ['declarations', query] as const,
  declaration: (id: string) => ['declaration', id] as const,
  receipts: (id: string) => ['receipts', id] as const,
  timeline: (id: string) => ['declaration', id, 'timeline'] as const,
  sync: ['sync-status'] as const,
};

export function useDeclarationList(query: ListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: () => api.invoke('declarations.list', query),
    placeholderData: (previous) => previous,
  });
}

export function useDeclaration(id: string | null) {
  return useQuery({
    queryKey: keys.declaration(id ?? ''),
    queryFn: () => api.invoke('declarations.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useReceipts(id: string | null) {
  return useQuery({
    queryKey: keys.receipts(id ?? ''),
    queryFn: () => api.invoke('declarations.receipts', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/** What was done to a declaration, oldest first (the timeline, and where the declaration came from). */
export function useTimeline(id: string) {
  return useQuery({ queryKey: keys.timeline(id), queryFn: () => api.invoke('declarations.timeline', { id }) });
}

export function useSyncStatus() {
  return useQuery({ queryKey: keys.sync, queryFn: () => api.invoke('sync.status', {}), refetchInterval: 15_000 });
}

function refresh(id: string): void {
  void queryClient.invalidateQueries({ queryKey: keys.declaration(id) });
  void queryClient.invalidateQueries({ queryKey: keys.receipts(id) });
}

/** After the editor's own save the timeline (which lists edits) is refreshed once typing pauses. */
export const TIMELINE_REFRESH_MS = 1500;
const timelineTimers = new Map<string, ReturnType<typeof setTimeout>>();

function afterOwnSave(id: string): void {
  // The cached record is older than the editor's copy: marked stale, fetched by whoever opens it next.
  void queryClient.invalidateQueries({ queryKey: keys.declaration(id), refetchType: 'none' });
  clearTimeout(timelineTimers.get(id));
  timelineTimers.set(
    id,
    setTimeout(() => {
      timelineTimers.delete(id);
      void queryClient.invalidateQueries({ queryKey: keys.timeline(id) });
    }, TIMELINE_REFRESH_MS),
  );
}

/** Everything a window holds of the code tables: the list, the small tables, tariff lines, picker results. */
export function invalidateCodeTables(): void {
  for (const key of ['codes.tables', 'codes.snapshot', 'tariff.getMany', 'codes.search'])
    void queryClient.invalidateQueries({ queryKey: [key] });
}

/** Main's events keep the cached data fresh: no polling for changes the app itself makes. */
export function useMainEvents(): void {
  const notify = useUi((s) => s.notify);
  useEffect(() => {
    const offs = [
      api.on('declarations.changed', ({ ids, revision }) => {
        void queryClient.invalidateQueries({ queryKey: ['declarations'] });
        if (ids.length === 0) {
          void queryClient.invalidateQueries({ queryKey: ['declaration'] });
          void queryClient.invalidateQueries({ queryKey: ['receipts'] });
        }
        const [only] = ids;
        if (ids.length === 1 && only !== undefined && revision !== undefined) {
          void isOwnSave(only, revision).then((own) => (own ? afterOwnSave(only) : refresh(only)));
          return;
        }
        ids.forEach(refresh);
      }),
      api.on('sync.status', (status) => queryClient.setQueryData(keys.sync, status)),
      // A notice from main carries its code and parameters: worded when shown, in the language of that moment.
      api.on('notice', (notice) => notify({ ...notice, message: (locale) => messageText(locale, notice) })),
      // A receipt's system notification clicked in the shell; the language changed in another window.
      api.on('declaration.open', ({ declarationId }) => useUi.getState().select(declarationId)),
      api.on('ui.locale', ({ locale }) => useUi.getState().setLocale(locale)),
      // Code tables changed (an import, the hub's newer tables): what the window holds of them is
      // fetched again, and the open declaration's checks run against the new tables.
      api.on('codes.changed', () => invalidateCodeTables()),
      api.onReconnect(() => void queryClient.invalidateQueries()),
    ];
    return () => offs.forEach((off) => off());
  }, [notify]);
}
