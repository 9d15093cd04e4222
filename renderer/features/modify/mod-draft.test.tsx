import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import type { ApiResult } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { setBridge } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { modifyBarPerTest, releasedRecord, renderModifyBar } from '../../../test-support/renderer/modify-bar';
import { useKeepModDraft } from './mod-draft';
import { useModifyUi } from './modify-store';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const declared: DeclarationDoc = { head: { IEFlag: 'I', GrossWet: '1200' }, lines: [{ GNo: '1' }], tables: {} };
const kept: DeclarationDoc = { ...declared, head: { ...declared.head, GrossWet: '1300' } };
const released = releasedRecord(declared);
const draft = { doc: kept, baseRevision: released.revision, updatedAt: '2026-12-07T01:05:00.000Z' };

const renderBar = (copy: boolean, answers = {}) =>
  renderModifyBar({ record: released, copy, edited: kept }, { 'declarations.modDraft': () => ok(draft), ...answers })
    .fake;

describe('修改申请 kept as a draft (fake bridge)', () => {
  modifyBarPerTest(released);
  restoreTimeZoneAfterEach();

  // When it was saved is on the machine's clock, as every screen time: 01:05 UTC is 02:05 in Berlin (09:05 in China).
  it('offers to continue the unsent modification (Alt+M too), which opens the copy as it was left', async () => {
    process.env.TZ = 'Europe/Berlin';
    renderBar(false);
    expect((await screen.findByTestId('mod-draft')).textContent).toBe('有未提交的修改申请（12-07 02:05 保存）');
    expect(screen.queryByRole('button', { name: '修改申请' })).toBeNull();
    const resume = screen.getByRole('button', { name: '继续修改申请' });
    expect(resume.getAttribute('aria-keyshortcuts')).toBe('Alt+M');
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByTestId('mod-draft').textContent).toBe('An unsent modification request (saved 12-07 02:05)');
    fireEvent.keyDown(window, { key: 'm', code: 'KeyM', altKey: true });
    await waitFor(() => expect(useModifyUi.getState()).toMatchObject({ copyOf: released.id, copyFrom: kept }));
    // Leaving the declaration closes the copy (its draft stays): opening it again offers to continue.
    act(() => useUi.getState().select(null));
    expect(useModifyUi.getState().copyOf).toBeNull();
    // The list (Alt+L) too, which keeps the declaration selected.
    act(() => useUi.getState().select(released.id));
    act(() => useModifyUi.getState().startCopy(released.id, kept));
    act(() => useUi.getState().setView('list'));
    expect(useModifyUi.getState().copyOf).toBeNull();
  });

  it('放弃修改 asks first; 保留副本 keeps it, the confirmation removes the draft and closes the copy', async () => {
    useModifyUi.getState().startCopy(released.id, kept);
    const fake = renderBar(true, { 'declarations.discardModDraft': () => ok({ discarded: true }) });
    fireEvent.click(screen.getByRole('button', { name: '放弃修改' }));
    const dialog = await screen.findByRole('dialog', { name: '放弃修改申请' });
    expect(within(dialog).getByText('放弃后副本中的修改全部丢失，报关单保持海关现有的内容。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '保留副本' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useModifyUi.getState().copyOf).toBe(released.id);
    expect(fake.calls.some((c) => c.method === 'declarations.discardModDraft')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '放弃修改' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '放弃修改' }));
    await waitFor(() => expect(useModifyUi.getState().copyOf).toBeNull());
    expect(fake.calls.filter((c) => c.method === 'declarations.discardModDraft')).toEqual([
      { method: 'declarations.discardModDraft', input: { id: released.id } },
    ]);
  });

  it('saves the copy as edited, at once when the broker leaves it, and nothing when it was not edited', async () => {
    const fake = createFakeBridge({ 'declarations.saveModDraft': () => ok({ updatedAt: draft.updatedAt }) });
    setBridge(fake.bridge);
    const saves = () => fake.calls.filter((c) => c.method === 'declarations.saveModDraft').map((c) => c.input);
    const untouched = renderHook(() => useKeepModDraft(released.id, declared, true));
    untouched.unmount();
    const { rerender, unmount } = renderHook(({ doc }) => useKeepModDraft(released.id, doc, true), {
      initialProps: { doc: declared },
    });
    rerender({ doc: { ...declared, head: { ...declared.head, GrossWet: '1250' } } });
    rerender({ doc: kept });
    unmount();
    await vi.waitFor(() => expect(saves()).toEqual([{ id: released.id, doc: kept }]));
  });
});
