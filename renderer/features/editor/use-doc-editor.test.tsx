import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBridge } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { readJournal, writeJournal } from './edit-journal';
import { applyLocal, useDocEditor } from './use-doc-editor';

const record = declarationRecord();

describe('useDocEditor autosave (fake bridge)', () => {
  let revision = 1;
  let fail = false;
  let fake: ReturnType<typeof createFakeBridge>;

  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    revision = 1;
    fail = false;
    fake = createFakeBridge({
      'declarations.update': () => {
        if (fail) return { ok: false, error: { code: 'INTERNAL', message: 'disk unavailable' } };
        revision++;
        return { ok: true, value: { id: record.id, revision, updatedAt: '2026-11-22T00:00:01.000Z' } };
      },
    });
    setBridge(fake.bridge);
  });
  afterEach(() => vi.useRealTimers());

  /** The update calls as sent, without their request id (each has one, checked here). */
  const updates = () =>
    fake.calls
      .filter((c) => c.method === 'declarations.update')
      .map((c) => {
        const { requestId, ...rest } = c.input as { requestId?: unknown };
        expect(typeof requestId).toBe('string');
        return rest;
      });

  it('applies edits at once and saves typing in one call after a pause', async () => {
    const { result } = renderHook(() => useDocEditor(record));
    act(() => {
      result.current.setField('head.TradeName', '上');
      result.current.setField('head.TradeName', '上海');
      result.current.setField('head.TradeName', '上海公司');
    });
    expect(result.current.doc.head.TradeName).toBe('上海公司');
    expect(result.current.saveState).toBe('dirty');
    expect(updates()).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(updates()).toEqual([
      { id: record.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.TradeName', value: '上海公司' }] },
    ]);
    expect(result.current.saveState).toBe('saved');
  });

  it('brings the cached record to the revision it saved, with the document saved (it is not fetched back), once closed', async () => {
    queryClient.setQueryData(keys.declaration(record.id), record);
    const { result, unmount } = renderHook(() => useDocEditor(record));
    act(() => result.current.setField('head.BillNo', 'COSU6123456780'));
    act(() => result.current.commit());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    // Not while the editor is open (a new record would render it again), but once it is closed.
    expect(queryClient.getQueryData(keys.declaration(record.id))).toBe(record);
    unmount();
    expect(queryClient.getQueryData(keys.declaration(record.id))).toMatchObject({
      revision: 2,
      updatedAt: '2026-11-22T00:00:01.000Z',
      doc: { head: { IEFlag: 'I', BillNo: 'COSU6123456780' } },
    });
    queryClient.clear();
  });

  it('saves a committed field at once and keeps operations in order, each save on the revision the last one returned', async () => {
    const { result } = renderHook(() => useDocEditor(record));
    await act(async () => {
      result.current.setField('head.BillNo', 'MSKU1');
      result.current.commit();
      result.current.structural({ op: 'insertRow', table: 'lines' });
      await vi.runAllTimersAsync();
    });
    await act(async () => {
      result.current.setField('lines[0].GName', '鲜苹果');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(updates()).toEqual([
      {
        id: record.id,
        baseRevision: 1,
        ops: [
          { op: 'set', path: 'head.BillNo', value: 'MSKU1' },
          { op: 'insertRow', table: 'lines' },
        ],
      },
      { id: record.id, baseRevision: 2, ops: [{ op: 'set', path: 'lines[0].GName', value: '鲜苹果' }] },
    ]);
    expect(result.current.doc.lines).toEqual([{ GName: '鲜苹果' }]);
  });

  it('keeps unsaved edits after a failed save and sends them with the next one', async () => {
    fail = true;
    const { result } = renderHook(() => useDocEditor(record));
    await act(async () => {
      result.current.setField('head.BillNo', 'A');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(result.current.saveState).toBe('error');
    expect(result.current.error?.('zh-CN')).toContain('disk unavailable');
    fail = false;
    await act(async () => {
      result.current.setField('head.ContrNo', 'C-1');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(updates().at(-1)).toEqual({
      id: record.id,
      baseRevision: 1,
      ops: [
        { op: 'set', path: 'head.BillNo', value: 'A' },
        { op: 'set', path: 'head.ContrNo', value: 'C-1' },
      ],
    });
    expect(result.current.saveState).toBe('saved');
  });

  it('sends a save whose answer was lost again as it was (same request id), and later edits in a call of their own', async () => {
    // Main applies the first call, but its answer never comes back (the connection broke).
    const sent: Array<{ requestId: string; baseRevision: number; ops: unknown[] }> = [];
    let lose = true;
    fake = createFakeBridge({
      'declarations.update': (input) => {
        const call = input as { requestId: string; baseRevision: number; ops: unknown[] };
        sent.push(call);
        if (lose) {
          lose = false;
          return Promise.reject(new TypeError('Failed to fetch'));
        }
        return { ok: true, value: { id: record.id, revision: call.baseRevision + 1, updatedAt: 't' } };
      },
    });
    setBridge(fake.bridge);
    const { result } = renderHook(() => useDocEditor(record));
    await act(async () => {
      result.current.setField('head.BillNo', 'A');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(result.current.saveState).toBe('error');
    // Typing on in the same field must not change what goes again.
    await act(async () => {
      result.current.setField('head.BillNo', 'AB');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(sent).toHaveLength(3);
    const [first, again, next] = sent;
    expect(again).toEqual(first);
    expect(next?.requestId).not.toBe(first?.requestId);
    expect(next).toMatchObject({ baseRevision: 2, ops: [{ op: 'set', path: 'head.BillNo', value: 'AB' }] });
    expect(result.current.saveState).toBe('saved');
  });

  it('journals every edit synchronously until main has it, and clears the journal once saved', async () => {
    const { result } = renderHook(() => useDocEditor(record));
    act(() => result.current.setField('head.TradeName', '上海'));
    // Before any save: the keystroke is already on disk (localStorage).
    expect(readJournal(record.id)).toEqual({
      baseRevision: 1,
      inflight: [],
      queued: [{ op: 'set', path: 'head.TradeName', value: '上海' }],
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(readJournal(record.id)).toBeNull();
  });

  it('replays journalled edits that never reached main when the declaration is opened again, and saves them', async () => {
    writeJournal(record.id, {
      baseRevision: 1,
      inflight: [{ op: 'set', path: 'head.TradeName', value: '上海鲜果' }],
      queued: [{ op: 'insertRow', table: 'lines' }],
    });
    const { result } = renderHook(() => useDocEditor(record));
    expect(result.current.restored).toBe(2);
    expect(result.current.doc.head.TradeName).toBe('上海鲜果');
    expect(result.current.doc.lines).toEqual([{}]);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(updates()).toEqual([
      {
        id: record.id,
        baseRevision: 1,
        ops: [
          { op: 'set', path: 'head.TradeName', value: '上海鲜果' },
          { op: 'insertRow', table: 'lines' },
        ],
      },
    ]);
    expect(result.current.saveState).toBe('saved');
  });

  it('drops journalled edits of a declaration that has been declared since, instead of failing to save them forever', () => {
    writeJournal(record.id, {
      baseRevision: 1,
      inflight: [],
      queued: [{ op: 'set', path: 'head.TradeName', value: 'late' }],
    });
    const { result } = renderHook(() => useDocEditor({ ...record, workflow: 'queued', status: 'queued' }));
    expect(result.current.restored).toBe(0);
    expect(result.current.doc.head.TradeName).toBeUndefined();
    expect(readJournal(record.id)).toBeNull();
  });

  it('re-applies its edits on the stored copy when the declaration changed elsewhere (CONFLICT), then saves on it', async () => {
    let conflicted = false;
    fake = createFakeBridge({
      'declarations.update': (input) => {
        const { baseRevision } = input as { baseRevision: number };
        if (!conflicted) {
          conflicted = true;
          return { ok: false, error: { code: 'CONFLICT', message: 'changed elsewhere' } };
        }
        return { ok: true, value: { id: record.id, revision: baseRevision + 1, updatedAt: 't' } };
      },
      'declarations.get': () => ({
        ok: true,
        value: {
          ...record,
          revision: 5,
          doc: { head: { IEFlag: 'I', BillNo: 'FROM-RECEIPT' }, lines: [], tables: {} },
        },
      }),
    });
    setBridge(fake.bridge);
    const { result } = renderHook(() => useDocEditor(record));
    await act(async () => {
      result.current.setField('head.ContrNo', 'C-9');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(result.current.doc.head).toEqual({ IEFlag: 'I', BillNo: 'FROM-RECEIPT', ContrNo: 'C-9' });
    await act(async () => {
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(updates().at(-1)).toEqual({
      id: record.id,
      baseRevision: 5,
      ops: [{ op: 'set', path: 'head.ContrNo', value: 'C-9' }],
    });
    expect(result.current.saveState).toBe('saved');
  });
});

describe('applyLocal', () => {
  it('shares every row an edit does not touch (so only that row re-renders)', () => {
    const doc = {
      head: { BillNo: '1' },
      lines: [{ GName: 'a' }, { GName: 'b' }],
      tables: { containers: [{ ContainerId: 'X' }] },
    };
    const next = applyLocal(doc, { op: 'set', path: 'lines[1].GName', value: 'c' });
    expect(next.lines[1]).toEqual({ GName: 'c' });
    expect(next.lines[0]).toBe(doc.lines[0]);
    expect(next.head).toBe(doc.head);
    expect(next.tables).toBe(doc.tables);
    const cleared = applyLocal(next, { op: 'set', path: 'head.BillNo', value: '' });
    expect(cleared.head).toEqual({});
    expect(cleared.lines).toBe(next.lines);
  });

  it('goes through the catalog for row operations and refuses what it refuses', () => {
    const doc = { head: {}, lines: [{ GName: 'a' }], tables: {} };
    expect(applyLocal(doc, { op: 'insertRow', table: 'lines', index: 0 }).lines).toEqual([{}, { GName: 'a' }]);
    expect(applyLocal(doc, { op: 'set', path: 'freeText[0].VoyNo', value: '012E' }).tables).toEqual({
      freeText: [{ VoyNo: '012E' }],
    });
    // Refused as a program error whose sentence says so; the field it named is the detail, for 详情.
    expect(() => applyLocal(doc, { op: 'set', path: 'head.NoSuchField', value: 'x' })).toThrow(
      expect.objectContaining({
        reason: 'declarations.bad-edit',
        params: expect.objectContaining({ detail: expect.stringContaining('NoSuchField') }),
      }),
    );
  });
});
