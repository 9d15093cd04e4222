import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { useUi } from '../state/ui-store';
import { createFakeBridge } from '../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../test-support/shared/records';
import { api, setBridge } from './client';
import { resetOwnSaves, trackOwnSave } from './own-saves';
import { keys, queryClient, TIMELINE_REFRESH_MS, useDeclaration, useMainEvents } from './queries';

const id = '01a2049e-b64f-7413-8ff9-f1a7a1258340';

function Probe() {
  useMainEvents();
  useDeclaration(id);
  useQuery({ queryKey: keys.timeline(id), queryFn: () => api.invoke('declarations.timeline', { id }) });
  return null;
}

describe("main's change events and the editor's own saves (fake bridge)", () => {
  let fake: ReturnType<typeof createFakeBridge>;
  let answerUpdate: (result: ApiResult<unknown>) => void;
  const count = (method: string) => fake.calls.filter((c) => c.method === method).length;

  beforeEach(() => {
    queryClient.clear();
    resetOwnSaves();
    fake = createFakeBridge({
      'declarations.get': () => ({ ok: true, value: declarationRecord({ id }) }),
      'declarations.timeline': () => ({ ok: true, value: [] }),
      'declarations.receipts': () => ({ ok: true, value: [] }),
      'declarations.update': () => new Promise<ApiResult<unknown>>((resolve) => (answerUpdate = resolve)),
    });
    setBridge(fake.bridge);
    render(
      <QueryClientProvider client={queryClient}>
        <Probe />
      </QueryClientProvider>,
    );
  });

  // The app-wide store outlives a test: put back what a test changed even when its assertion failed.
  afterEach(() => act(() => useUi.setState({ selectedId: null, view: 'list', locale: 'zh-CN' })));

  it('does not fetch back a save this window made, even when its announcement comes first; the timeline follows after a pause', async () => {
    await waitFor(() => expect(count('declarations.get')).toBe(1));
    const save = trackOwnSave(
      id,
      api.invoke('declarations.update', { id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'X' }] }),
    );
    // Main announces the save before its answer reaches the editor.
    act(() => fake.emit('declarations.changed', { ids: [id], revision: 2 }));
    answerUpdate({ ok: true, value: { id, revision: 2, updatedAt: '2026-11-22T08:00:00.000Z' } });
    await save;
    await waitFor(() => expect(queryClient.getQueryState(keys.declaration(id))?.isInvalidated).toBe(true));
    expect(count('declarations.get')).toBe(1);
    expect(count('declarations.receipts')).toBe(0);
    const timelineBefore = count('declarations.timeline');
    await waitFor(() => expect(count('declarations.timeline')).toBe(timelineBefore + 1), {
      timeout: TIMELINE_REFRESH_MS * 3,
    });
    expect(count('declarations.get')).toBe(1);
  });

  it('opens the declaration whose notification was clicked in the shell, and follows the language set elsewhere', () => {
    act(() => fake.emit('declaration.open', { declarationId: id }));
    expect(useUi.getState()).toMatchObject({ selectedId: id, view: 'editor' });
    act(() => fake.emit('ui.locale', { locale: 'en' }));
    expect(useUi.getState().locale).toBe('en');
  });

  it('fetches a change made elsewhere: another revision, or a change without one', async () => {
    await waitFor(() => expect(count('declarations.get')).toBe(1));
    act(() => fake.emit('declarations.changed', { ids: [id], revision: 5 }));
    await waitFor(() => expect(count('declarations.get')).toBe(2));
    act(() => fake.emit('declarations.changed', { ids: [id] }));
    await waitFor(() => expect(count('declarations.get')).toBe(3));
  });
});

describe('code tables changed in main (fake bridge)', () => {
  it('fetches the tables again when main announces codes.changed, so the open checks use the new ones', async () => {
    queryClient.clear();
    let version = 'v1';
    const fake = createFakeBridge({
      'codes.tables': () => ({
        ok: true,
        value: [
          {
            id: 'units',
            zh: '计量单位',
            en: 'Units',
            builtin: 'complete',
            version,
            origin: 'import',
            complete: true,
            rowCount: 1,
            source: 'units.csv',
            asOf: '',
            updatedAt: '2026-12-06T00:00:00.000Z',
            builtinVersion: null,
          },
        ],
      }),
    });
    setBridge(fake.bridge);
    function Tables() {
      useMainEvents();
      const tables = useQuery({ queryKey: ['codes.tables'], queryFn: () => api.invoke('codes.tables', {}) });
      return <p>{(tables.data as Array<{ version: string }> | undefined)?.[0]?.version ?? ''}</p>;
    }
    const view = render(
      <QueryClientProvider client={queryClient}>
        <Tables />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(view.container.textContent).toBe('v1'));
    version = 'v2';
    act(() => fake.emit('codes.changed', { tables: ['units'] }));
    await waitFor(() => expect(view.container.textContent).toBe('v2'));
    view.unmount();
  });
});
