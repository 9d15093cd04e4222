import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreFixture } from '../../../test-support/main/core-fixture';
import { coreFixture } from '../../../test-support/main/core-fixture';
import { emptyDoc } from '../../../shared/catalog';
import { codeOf, errorOf } from '../../../test-support/main/app-error';
import type { Lifecycle } from './lifecycle';
import { createLifecycle } from './lifecycle';

describe('the lifecycle on a real database: state and revision written together', () => {
  let f: CoreFixture;
  let lifecycle: Lifecycle;
  beforeEach(() => {
    f = coreFixture();
    lifecycle = createLifecycle(f.repo);
  });
  afterEach(() => f.close());

  const at = '2026-11-22T08:00:00.000Z';
  const state = (id: string) => {
    const found = f.repo.getState(id);
    if (!found) throw new Error(`no declaration ${id}`);
    return found;
  };

  it('walks draft → queued → sent → released, each step one revision with its history entry', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const tx = (fn: () => void) => f.db.transaction(fn)();
    tx(() => void lifecycle.apply(state(id), 'declare', { at, actor: 'tester', changes: { s: 1 } }));
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'queued', status: 'queued', revision: 2 });
    tx(() => void lifecycle.apply(state(id), 'accepted', { at, actor: 'hub', changes: {}, rejection: null }));
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'sent', status: 'submitted', revision: 3 });
    const result = f.db.transaction(() =>
      lifecycle.apply(state(id), 'receipt', { at, actor: 'customs', changes: {}, channel: 'P', entryId: '2201' }),
    )();
    expect(result).toEqual({ revision: 4, workflow: 'sent', status: 'released' });
    expect(f.declarations.get(id)).toMatchObject({ status: 'released', channel: 'P', entryId: '2201', revision: 4 });
    expect(f.declarations.timeline(id).map((r) => [r.revision, r.action, r.actor])).toEqual([
      [1, 'create', 'tester'],
      [2, 'declare', 'tester'],
      [3, 'accepted', 'hub'],
      [4, 'receipt', 'customs'],
    ]);
  });

  it('tells the 两步申报 step from the declaration: a released 概要 shows 概要已放行, a closed 完整 完整已结关', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    f.declarations.update({ id, baseRevision: 1, ops: [{ op: 'set', path: 'head.Type', value: '  5' }] });
    expect(state(id).twoStep).toBe('summary');
    const tx = (fn: () => void) => f.db.transaction(fn)();
    tx(() => void lifecycle.apply(state(id), 'declare', { at, actor: 'tester', changes: {} }));
    tx(() => void lifecycle.apply(state(id), 'receipt', { at, actor: 'customs', changes: {}, channel: 'P' }));
    expect(f.declarations.get(id)).toMatchObject({ status: 'summary-released', twoStep: 'summary' });
    // Released goods are not edited as a draft: the 完整申报 is its own step.
    const edit = () =>
      f.declarations.update({ id, baseRevision: 4, ops: [{ op: 'set', path: 'head.Type', value: '' }] });
    expect(errorOf(edit).reason).toBe('declarations.not-editable');
    const complete = f.declarations.create({ ieFlag: 'I' }).id;
    f.declarations.update({ id: complete, baseRevision: 1, ops: [{ op: 'set', path: 'head.Type', value: '  6' }] });
    tx(() => void lifecycle.apply(state(complete), 'declare', { at, actor: 'tester', changes: {} }));
    tx(() => void lifecycle.apply(state(complete), 'receipt', { at, actor: 'customs', changes: {}, channel: 'R' }));
    expect(f.declarations.get(complete)).toMatchObject({ status: 'complete-closed', twoStep: 'complete' });
  });

  it('a receipt that changes nothing shown still takes its own revision (the next event never reuses the number)', () => {
    const { id } = f.declarations.create({ ieFlag: 'I' });
    const receipt = () =>
      f.db.transaction(() =>
        lifecycle.apply(state(id), 'receipt', { at, actor: 'customs', changes: {}, channel: null }),
      )();
    receipt();
    receipt();
    expect(state(id)?.revision).toBe(3);
    expect(f.declarations.timeline(id).map((r) => r.revision)).toEqual([1, 2, 3]);
  });

  it('refuses an event the table forbids, naming the declaration and its status, and writes nothing', () => {
    const { id, clientSeqNo } = f.declarations.create({ ieFlag: 'I' });
    const before = state(id);
    const refused = (event: 'accepted' | 'withdraw' | 'rejected') => () =>
      lifecycle.apply(state(id), event, { at, actor: 'hub', changes: {} });
    expect(codeOf(refused('accepted'))).toBe('INVALID_STATE');
    expect(refused('accepted')).toThrow(`Declaration ${clientSeqNo} is Draft and cannot be marked as taken by the hub`);
    expect(refused('withdraw')).toThrow(`Declaration ${clientSeqNo} is not waiting in the outbox`);
    expect(refused('rejected')).toThrow(/cannot be marked as refused/);
    expect(state(id)).toEqual(before);
    expect(f.declarations.timeline(id)).toHaveLength(1);
    expect(lifecycle.allows(before, 'declare')).toBe(true);
    expect(lifecycle.allows(before, 'accepted')).toBe(false);
  });

  it('an import keeps the 海关编号 and 统一编号 its file carried, at revision 1', () => {
    const id = 'imported-1';
    const doc = emptyDoc();
    f.repo.insert(
      {
        id,
        clientSeqNo: 'SW-IMPORTED-1',
        ieFlag: 'E',
        workflow: 'draft',
        status: 'draft',
        head: '{}',
        lineCount: 0,
        revision: 1,
        createdAt: at,
        updatedAt: at,
      },
      doc,
    );
    lifecycle.begin(id, 'import', { at, actor: 'tester', changes: { file: 'a.xml' }, entryId: 'E1', seqNo: 'S1' });
    expect(f.declarations.get(id)).toMatchObject({ workflow: 'draft', entryId: 'E1', seqNo: 'S1', revision: 1 });
    expect(f.declarations.timeline(id).map((r) => r.action)).toEqual(['import']);
  });
});
