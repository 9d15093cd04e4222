import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeclarationRecord } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { createFakeBridge } from '../../test-support/fake-bridge';
import { useDocEditor } from './use-doc-editor';

const record: DeclarationRecord = {
  id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
  clientSeqNo: 'SW261122ABCDEFGHJK',
  ieFlag: 'I',
  workflow: 'draft',
  status: 'draft',
  channel: null,
  entryId: null,
  seqNo: null,
  tradeName: '',
  billNo: '',
  contrNo: '',
  lineCount: 0,
  revision: 1,
  createdAt: '2026-11-22T00:00:00.000Z',
  updatedAt: '2026-11-22T00:00:00.000Z',
  doc: { head: { IEFlag: 'I' }, lines: [], tables: {} },
  rejection: null,
};

describe('useDocEditor autosave (fake bridge)', () => {
  let revision = 1;
  let fail = false;
  let fake: ReturnType<typeof createFakeBridge>;

  beforeEach(() => {
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

  const updates = () => fake.calls.filter((c) => c.method === 'declarations.update').map((c) => c.input);

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
    expect(updates()).toEqual([{ id: record.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.TradeName', value: '上海公司' }] }]);
    expect(result.current.saveState).toBe('saved');
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
      { id: record.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'MSKU1' }, { op: 'insertRow', table: 'lines' }] },
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
    expect(result.current.error).toContain('disk unavailable');
    fail = false;
    await act(async () => {
      result.current.setField('head.ContrNo', 'C-1');
      result.current.commit();
      await vi.runAllTimersAsync();
    });
    expect(updates().at(-1)).toEqual({ id: record.id, baseRevision: 1, ops: [{ op: 'set', path: 'head.BillNo', value: 'A' }, { op: 'set', path: 'head.ContrNo', value: 'C-1' }] });
    expect(result.current.saveState).toBe('saved');
  });
});
