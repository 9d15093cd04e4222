import { act, cleanup, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import type { ApiResult, DeclarationRecord, ModRequestEntry } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import { expectDetailFolded } from '../../../test-support/renderer/detail-fold';
import type { DeclarationDoc } from '../../../shared/catalog';
import { isModifyLocked } from '../../../shared/modify/locked-fields';
import { useUi } from '../../state/ui-store';
import { modifyBarPerTest, releasedRecord, renderModifyBar } from '../../../test-support/renderer/modify-bar';
import { declarationRecord, decModHead } from '../../../test-support/shared/records';
import { fieldPropsFor } from '../editor/field-context';
import { useModifySubmit } from './modify-bar';
import { useModifyUi } from './modify-store';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const ENTRY = '310120261000012345';
const declared: DeclarationDoc = {
  head: { IEFlag: 'I', TradeCode: '3120980123', GrossWet: '1200.5', TradeMode: '0110' },
  lines: [{ GNo: '1', GModel: '0|0|不锈钢|无品牌' }],
  tables: {},
};
const released = releasedRecord(declared);
const names = (table: string, code: string) => (table === 'CUS_TRADE_MODE' && code === '0110' ? '一般贸易' : undefined);

const renderBar = (record: DeclarationRecord, copy: boolean, edited: DeclarationDoc, answers = {}) =>
  renderModifyBar({ record, copy, edited, codeName: names }, answers);

const altM = (shift = false) => fireEvent.keyDown(window, { key: 'm', code: 'KeyM', altKey: true, shiftKey: shift });

describe('修撤单 in the editor (fake bridge)', () => {
  modifyBarPerTest(released);
  restoreTimeZoneAfterEach();

  it('offers 修改申请 (Alt+M: the editable copy) and 撤单申请 only on a declaration customs holds', async () => {
    renderBar(released, false, declared);
    expect(screen.getByRole('button', { name: '修改申请' }).getAttribute('aria-keyshortcuts')).toBe('Alt+M');
    altM();
    await waitFor(() => expect(useModifyUi.getState().copyOf).toBe(released.id));
    cleanup();
    useModifyUi.getState().endCopy();
    renderBar({ ...released, workflow: 'modifying', status: 'modify-requested' }, false, declared);
    expect(screen.queryByRole('button', { name: '修改申请' })).toBeNull();
    altM();
    expect(useModifyUi.getState().copyOf).toBeNull();
    cleanup();
    renderBar(declarationRecord({ doc: declared }), false, declared);
    expect(screen.queryByRole('button', { name: '撤单申请' })).toBeNull();
  });

  it('holds 修改申请 and 撤单申请 under inspection, saying why, as the hub would refuse them', async () => {
    const inspected = { ...released, channel: 'C', status: 'inspection' as const };
    const { fake } = renderBar(inspected, false, declared);
    const why = `报关单 ${released.entryId} 正在查验，查验结束前不能修改或撤销`;
    expect(screen.getByTestId('mod-held').textContent).toBe(why);
    for (const name of ['修改申请', '撤单申请'])
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    altM(true);
    altM();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useModifyUi.getState().copyOf).toBeNull();
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe(why);
    expect(useUi.getState().notices.at(-1)?.message('en')).not.toMatch(/[\u4e00-\u9fff]/);
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByTestId('mod-held').textContent).toContain(released.entryId ?? '');
    expect(screen.getByTestId('mod-held').textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(fake.calls.filter((c) => c.method.startsWith('declarations.request'))).toEqual([]);
  });

  it('holds 继续修改 of a kept draft under inspection, and F9 on a copy left open says why instead of confirming', async () => {
    const inspected = { ...released, channel: 'S', status: 'inspection' as const };
    const draft = { doc: declared, baseRevision: released.revision, updatedAt: '2026-12-07T01:05:00.000Z' };
    renderBar(inspected, false, declared, { 'declarations.modDraft': () => ok(draft) });
    const why = `报关单 ${released.entryId} 正在查验，查验结束前不能修改或撤销`;
    const resume = (await screen.findByRole('button', { name: '继续修改申请' })) as HTMLButtonElement;
    expect(resume.disabled).toBe(true);
    altM();
    expect(useModifyUi.getState().copyOf).toBeNull();
    cleanup();
    // The copy was open when the 施检 receipt came: F9 (and 提交修改申请) say why and open no confirmation to sign.
    useUi.setState({ notices: [] });
    useModifyUi.getState().startCopy(released.id);
    const { result } = renderHook(() =>
      useModifySubmit({
        record: inspected,
        copy: true,
        docRef: { current: declared },
        errorsNow: () => [],
        jump: vi.fn(),
      }),
    );
    act(() => result.current());
    expect(useModifyUi.getState().dialog).toBeNull();
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe(why);
    expect(useUi.getState().notices.at(-1)?.message('en')).toContain(
      `Declaration ${released.entryId} is under inspection`,
    );
  });

  it('撤单申请 (Alt+Shift+M) asks the case and a note and queues a cancellation of them', async () => {
    const { fake } = renderBar(released, false, declared, {
      'declarations.requestCancellation': () => ok({ id: released.id, requestId: 'r1', changes: 0 }),
    });
    altM(true);
    const dialog = await screen.findByRole('dialog', { name: '撤单申请' });
    const sign = within(dialog).getByRole('button', { name: '签名并提交撤单申请' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('combobox', { name: '修改/撤销原因' }), { target: { value: '5' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '说明（修撤单原因）' }), {
      target: { value: '整批退运' },
    });
    fireEvent.click(sign);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.find((c) => c.method === 'declarations.requestCancellation')?.input).toEqual({
      id: released.id,
      reasonCase: 5,
      note: '整批退运',
    });
    expect(useUi.getState().notices.at(-1)?.message('zh-CN')).toBe('SW2612070001 撤单申请已签名排队');
  });

  it("confirms the copy's changed fields old → new, in Chinese and English, and queues them as edited", async () => {
    const edited: DeclarationDoc = {
      ...declared,
      head: { ...declared.head, GrossWet: '1300', TradeMode: '0110' },
      lines: [{ GNo: '1', GModel: '0|0|不锈钢|ACME' }],
    };
    useModifyUi.getState().startCopy(released.id);
    const { fake } = renderBar(released, true, edited, {
      'declarations.requestModification': () => ok({ id: released.id, requestId: 'r2', changes: 2 }),
    });
    expect(screen.getByText('修改申请：正在编辑副本')).toBeTruthy();
    act(() => useModifyUi.getState().setDialog('confirm'));
    const dialog = await screen.findByRole('dialog', { name: '确认修改申请' });
    const rows = within(dialog)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['毛重(千克)1200.5→ 1300', '第1项 规格型号0|0|不锈钢|无品牌→ 0|0|不锈钢|ACME']);
    act(() => useUi.getState().setLocale('en'));
    expect(within(dialog).getByRole('table', { name: '2 fields changed:' })).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Gross weight (kg)', 'Line 1 Specification (declaration elements)']);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Reason for the request' }), {
      target: { value: '6' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign and submit' }));
    await waitFor(() => expect(useModifyUi.getState().copyOf).toBeNull());
    expect(fake.calls.find((c) => c.method === 'declarations.requestModification')?.input).toEqual({
      id: released.id,
      doc: edited,
      reasonCase: 6,
      note: '',
    });
  });

  it('says why a copy cannot be a request (a goods line added), and that nothing changed', async () => {
    useModifyUi.getState().startCopy(released.id);
    renderBar(released, true, { ...declared, lines: [...declared.lines, { GNo: '2' }] });
    act(() => useModifyUi.getState().setDialog('confirm'));
    const dialog = await screen.findByRole('dialog', { name: '确认修改申请' });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/商品/);
    expect((within(dialog).getByRole('button', { name: '签名并提交' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    renderBar(released, true, declared);
    const again = await screen.findByRole('dialog', { name: '确认修改申请' });
    expect(within(again).getByRole('alert').textContent).toContain('SW2612070001');
  });

  it('sends a copy with errors to its first error instead of the confirmation (the full checks)', () => {
    const jump = vi.fn();
    const docRef = { current: declared };
    useModifyUi.getState().startCopy(released.id);
    const { result } = renderHook(() =>
      useModifySubmit({
        record: released,
        copy: true,
        docRef,
        errorsNow: () => ['head.GrossWet', 'head.PackNo'],
        jump,
      }),
    );
    act(() => result.current());
    expect(jump).toHaveBeenCalledWith('head.GrossWet');
    expect(useModifyUi.getState().dialog).toBeNull();
    expect(useUi.getState().notices.at(-1)?.message('en')).toBe(
      'The copy has 2 errors: correct them before submitting',
    );
    const clean = renderHook(() =>
      useModifySubmit({ record: released, copy: true, docRef, errorsNow: () => [], jump }),
    );
    act(() => clean.result.current());
    expect(useModifyUi.getState().dialog).toBe('confirm');
  });

  // Screen times are on the machine's clock, as the list and the timeline write them: in New York, 01:05 UTC is the
  // evening before (in China it would read 12-07 09:05).
  it("shows the latest request, its times on the machine's clock and the hub's refusal in the UI language", async () => {
    process.env.TZ = 'America/New_York';
    const refused: ModRequestEntry = {
      requestId: 'r3',
      kind: 'modify',
      state: 'refused',
      reasonCase: 6,
      note: '',
      head: decModHead({ EntryId: ENTRY, CustomsCode: '2201' }),
      changes: [],
      modSeqNo: 'M2026000001',
      lastError: null,
      answer: {
        at: '2026-12-07T02:40:00.000Z',
        note: '',
        reasons: [{ message: 'x', reason: 'modify.under-inspection', params: { entryId: ENTRY } }],
      },
      createdAt: '2026-12-07T01:05:00.000Z',
      updatedAt: '2026-12-07T02:40:00.000Z',
    };
    renderBar(released, false, declared, { 'declarations.modRequests': () => ok([refused]) });
    const latest = await screen.findByTestId('mod-latest');
    expect(latest.textContent).toBe(
      `修改申请：未通过 · 12-06 20:05 提交 · 12-06 21:40 答复 · 修撤单统一编号 M2026000001 · 报关单 ${ENTRY} 正在查验，查验结束前不能修改或撤销 打印修改/撤销表`,
    );
    act(() => useUi.getState().setLocale('en'));
    expect(latest.textContent).toContain(
      'Modification request: refused · requested 12-06 20:05 · answered 12-06 21:40',
    );
  });

  it("folds the hub's own words of a refused request under 详情, in Chinese and English", async () => {
    const detail = 'mod.bad-signature: the signature does not verify';
    const refused: ModRequestEntry = {
      requestId: 'r4',
      kind: 'cancel',
      state: 'refused',
      reasonCase: 1,
      note: '',
      head: decModHead({ EntryId: ENTRY, CustomsCode: '2201' }),
      changes: [],
      modSeqNo: null,
      lastError: null,
      answer: {
        at: '2026-12-07T02:40:00.000Z',
        note: '',
        reasons: [reasonMessage('sync.hub-refused', { status: 422, detail })],
      },
      createdAt: '2026-12-07T01:05:00.000Z',
      updatedAt: '2026-12-07T02:40:00.000Z',
    };
    renderBar(released, false, declared, { 'declarations.modRequests': () => ok([refused]) });
    const latest = await screen.findByTestId('mod-latest');
    // The line's sentence: its text without the fold.
    const sentence = () => {
      const copy = latest.cloneNode(true) as HTMLElement;
      copy.querySelector('details')?.remove();
      return copy;
    };
    expect(sentence().textContent).toContain('数据交换中心拒绝了请求（HTTP 422）');
    expectDetailFolded(latest, sentence(), detail, 'zh-CN');
    act(() => useUi.getState().setLocale('en'));
    expect(sentence().textContent).toContain('The hub refused the request (HTTP 422)');
    expectDetailFolded(latest, sentence(), detail, 'en');
  });

  it('locks in the copy the fields the hub refuses to change, and marks them', () => {
    expect(
      ['head.TradeCode', 'head.CustomMaster', 'lines[0].GNo', 'containers[0].ContainerId'].map(isModifyLocked),
    ).toEqual([true, true, true, true]);
    expect(['head.GrossWet', 'lines[3].GModel'].map(isModifyLocked)).toEqual([false, false]);
    const ctx = { errors: new Map(), locale: 'zh-CN' as const, ieFlag: 'I' as const, editable: true };
    const rest = { setField: () => {}, commit: () => {}, codeName: () => '' };
    const locked = fieldPropsFor('head.TradeCode', '3120980123', { ...ctx, ...rest, locked: isModifyLocked }, 'form');
    const free = fieldPropsFor('head.GrossWet', '1', { ...ctx, ...rest, locked: isModifyLocked }, 'form');
    expect([locked?.readOnly, locked?.locked, free?.readOnly]).toEqual([true, true, false]);
  });
});
