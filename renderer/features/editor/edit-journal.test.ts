import { beforeEach, describe, expect, it } from 'vitest';
import type { PatchOp } from '../../../shared/api';
import { clearJournal, pendingEdits, readJournal, writeJournal } from './edit-journal';

const a: PatchOp = { op: 'set', path: 'head.BillNo', value: 'A' };
const b: PatchOp = { op: 'set', path: 'head.ContrNo', value: 'B' };

describe('edit journal', () => {
  beforeEach(() => localStorage.clear());

  it('replays everything when nothing reached main, only what was queued when the save in flight was committed', () => {
    writeJournal('d1', { baseRevision: 4, inflight: [a], queued: [b] });
    expect(pendingEdits('d1', 4)).toEqual([a, b]);
    expect(pendingEdits('d1', 5)).toEqual([b]);
  });

  it('drops a journal the declaration has moved past, and an empty one is not kept', () => {
    writeJournal('d1', { baseRevision: 4, inflight: [a], queued: [b] });
    expect(pendingEdits('d1', 7)).toEqual([]);
    expect(readJournal('d1')).toBeNull();
    writeJournal('d2', { baseRevision: 1, inflight: [], queued: [a] });
    writeJournal('d2', { baseRevision: 2, inflight: [], queued: [] });
    expect(readJournal('d2')).toBeNull();
  });

  it('ignores a damaged entry instead of failing to open the declaration', () => {
    localStorage.setItem('swdesk.journal.d3', '{not json');
    expect(pendingEdits('d3', 1)).toEqual([]);
    localStorage.setItem('swdesk.journal.d3', JSON.stringify({ baseRevision: 1, ops: [a] }));
    expect(readJournal('d3')).toBeNull();
    clearJournal('d3');
    expect(localStorage.getItem('swdesk.journal.d3')).toBeNull();
  });
});
