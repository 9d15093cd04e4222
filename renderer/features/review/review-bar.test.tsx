import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import type { ApiResult, DeclarationReview, OperatorProfile } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { renderWithBridge, screenPerTest } from '../../../test-support/renderer/render-with-bridge';
import { declarationRecord } from '../../../test-support/shared/records';
import { useEditorUi } from '../editor/editor-store';
import { nextErrorPath } from '../editor/use-editor-keys';
import { useFindings } from '../editor/use-findings';
import { ReviewBar, reviewHoldNow, reviewKey } from './review-bar';
import { useReviewDiffUi } from './review-diff-store';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const id = '01a2049e-b64f-7413-8ff9-f1a7a1258341';
const person = (pid: string, name: string, roles: OperatorProfile['roles'], current: boolean): OperatorProfile => ({
  id: pid,
  company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
  operator: { name, icCard: '8931000012345' },
  roles,
  current,
  createdAt: 't',
  updatedAt: 't',
});
const WANG = '01a2049e-b64f-7413-8ff9-f1a7a1258340';
const LI = '01a2049e-b64f-7413-8ff9-f1a7a1258342';
const review = (over: Partial<DeclarationReview>): DeclarationReview => ({
  declarationId: id,
  state: 'submitted',
  digest: 'd1',
  current: true,
  preparer: { id: WANG, name: '王芳' },
  reviewer: null,
  remarks: [],
  submittedAt: '2026-12-07T01:00:00.000Z',
  decidedAt: null,
  required: true,
  ...over,
});

function renderBar(current: 'wang' | 'li', state: DeclarationReview, answers = {}, editable = true) {
  const profiles = [
    person(WANG, '王芳', ['preparer'], current === 'wang'),
    person(LI, '李明', ['reviewer'], current === 'li'),
  ];
  const saveStore = createStore<{ state: 'saved' | 'dirty' | 'saving' | 'error' }>(() => ({ state: 'saved' }));
  return renderWithBridge(
    {
      'profiles.list': () => ok(profiles),
      'review.get': () => ok(state),
      ...answers,
    },
    <ReviewBar
      record={{ id, clientSeqNo: 'D20261207001', ieFlag: 'I' }}
      editable={editable}
      lineCount={1}
      saveStore={saveStore}
      beforeSubmit={() => Promise.resolve()}
    />,
  );
}

const keyDown = (code: string, shift = false) =>
  fireEvent.keyDown(window, { key: code.slice(3).toLowerCase(), code, altKey: true, shiftKey: shift });

describe('the review bar: buttons and keys by role and state (fake bridge)', () => {
  screenPerTest();
  beforeEach(() => useEditorUi.getState().reset());

  it("offers the reviewer 复核通过 and 退回 on another's submission, and Alt+Y approves it", async () => {
    const fake = renderBar('li', review({}), {
      'review.approve': () => ok(review({ state: 'approved', reviewer: { id: LI, name: '李明' } })),
    });
    expect(await screen.findByRole('button', { name: '复核通过' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '退回' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交复核' })).toBeNull();
    expect(screen.getByTestId('review-state').textContent).toBe('复核：待复核（提交人 王芳）');
    keyDown('KeyY');
    await waitFor(() => expect(screen.getByTestId('review-state').textContent).toBe('复核：复核通过（复核人 李明）'));
    expect(fake.calls.filter((c) => c.method === 'review.approve')).toEqual([
      { method: 'review.approve', input: { id } },
    ]);
  });

  it('差异 and Alt+D open and close the differences beside the form', async () => {
    renderBar('li', review({}));
    const button = await screen.findByRole('button', { name: '差异' });
    keyDown('KeyD');
    expect(useReviewDiffUi.getState().openFor).toBe(id);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(useReviewDiffUi.getState().openFor).toBeNull();
  });

  it('offers the preparer only 提交复核, and says so when an edit voided the approval', async () => {
    renderBar('wang', review({ state: 'approved', current: false, reviewer: { id: LI, name: '李明' } }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('复核通过后内容已修改，复核已失效：请重新提交复核');
    expect(screen.getByRole('button', { name: '提交复核' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '复核通过' })).toBeNull();
    expect(screen.queryByRole('button', { name: '退回' })).toBeNull();
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Edited after approval: the approval no longer holds. Submit it for review again',
    );
  });

  it('says nothing of a voided approval on a declared declaration, whose approved 修改申请 changed its content', async () => {
    renderBar('wang', review({ state: 'approved', current: false, reviewer: { id: LI, name: '李明' } }), {}, false);
    await waitFor(() => expect(screen.getByTestId('review-state').textContent).toBe('复核：复核通过（复核人 李明）'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: '提交复核' })).toBeNull();
  });

  it('shows the review state only where review applies: the rule on, or a review on record', async () => {
    const none = { state: 'none' as const, digest: null, preparer: null, submittedAt: null, required: false };
    for (const locale of ['zh-CN', 'en'] as const) {
      useUi.setState({ locale });
      // Declared with the rule off and never reviewed: no "未提交复核" / "Not submitted for review".
      renderBar('wang', review(none), {}, false);
      await screen.findByRole('button', { name: locale === 'en' ? 'Differences' : '差异' });
      expect(screen.queryByTestId('review-state')).toBeNull();
      cleanup();
      queryClient.clear();
    }
    useUi.setState({ locale: 'zh-CN' });
    renderBar('wang', review({ ...none, required: true }), {}, false);
    expect((await screen.findByTestId('review-state')).textContent).toBe('复核：未提交复核');
    cleanup();
    queryClient.clear();
    // The rule off now, but the declaration was reviewed: its review stays shown.
    renderBar('wang', review({ required: false, state: 'approved', reviewer: { id: LI, name: '李明' } }), {}, false);
    expect((await screen.findByTestId('review-state')).textContent).toBe('复核：复核通过（复核人 李明）');
  });

  it('退回 (Alt+Shift+R) pins each remark to the focused field or one chosen from the form', async () => {
    useEditorUi.getState().setCurrent('head.BillNo');
    const fake = renderBar('li', review({}), {
      'review.return': (input: unknown) => {
        const { remarks } = input as { remarks: { path: string; text: string }[] };
        return ok(review({ state: 'returned', reviewer: { id: LI, name: '李明' }, remarks }));
      },
    });
    await screen.findByRole('button', { name: '退回' });
    keyDown('KeyR', true);
    const dialog = await screen.findByRole('dialog', { name: '退回：复核意见' });
    const field = within(dialog).getByRole('combobox', { name: '字段' }) as HTMLSelectElement;
    expect(field.value).toBe('head.BillNo');
    const text = within(dialog).getByRole('textbox', { name: '意见' });
    fireEvent.change(text, { target: { value: '提运单号与舱单不符' } });
    fireEvent.keyDown(text, { key: 'Enter' });
    fireEvent.change(field, { target: { value: 'lines[0].GModel' } });
    fireEvent.change(text, { target: { value: '规格型号缺品牌' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() => expect(screen.getByTestId('review-state').textContent).toBe('复核：已退回（复核人 李明）'));
    expect(fake.calls.find((c) => c.method === 'review.return')?.input).toEqual({
      id,
      remarks: [
        { path: 'head.BillNo', text: '提运单号与舱单不符' },
        { path: 'lines[0].GModel', text: '规格型号缺品牌' },
      ],
    });
  });

  it('says a typed remark goes with 退回 rather than "no remarks yet", in zh and en', async () => {
    for (const [locale, title, box, empty, typed] of [
      ['zh-CN', '退回：复核意见', '意见', '尚无意见', '框中的意见会随“退回”一并发出'],
      ['en', 'Return: review remarks', 'Remark', 'No remarks yet', 'The remark in the box goes with “Return”'],
    ] as const) {
      useUi.setState({ locale });
      renderBar('li', review({}));
      await screen.findByRole('button', { name: locale === 'en' ? 'Return' : '退回' });
      keyDown('KeyR', true);
      const dialog = await screen.findByRole('dialog', { name: title });
      expect(dialog.textContent).toContain(empty);
      fireEvent.change(within(dialog).getByRole('textbox', { name: box }), { target: { value: 'B/L ≠ manifest' } });
      expect(dialog.textContent).toContain(typed);
      expect(dialog.textContent).not.toContain(empty);
      cleanup();
    }
  });
});

describe("a returned declaration's remarks are findings: listed by field and walked by F8", () => {
  beforeEach(() => {
    queryClient.clear();
    setBridge(
      createFakeBridge({
        'codes.tables': () => ok([]),
        'declarations.timeline': () => ok([]),
      }).bridge,
    );
  });

  it('lists each remark under its field label, as an error F8 stops at', () => {
    const doc = { head: { IEFlag: 'I', BillNo: 'B1' }, lines: [{ GName: '轴承' }], tables: {} };
    const remarks = [{ path: 'head.BillNo', text: '提运单号与舱单不符' }];
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useFindings(doc, declarationRecord(), 'zh-CN', false, remarks), { wrapper });
    const remark = result.current.listed.find((f) => f.remark);
    expect(remark).toMatchObject({
      path: 'head.BillNo',
      severity: 'error',
      message: '复核意见 · 提运单号：提运单号与舱单不符',
    });
    const onlyRemark = result.current.listed.filter((f) => f.remark);
    expect(nextErrorPath(onlyRemark, 'head.TradeName', 'I', false)).toBe('head.BillNo');
  });
});

// 申报 asks whether it waits for 复核 after saving: the review cached before the save (or before the rule was turned off
// in Settings) answered for other content, so F9 refused what main would declare, or asked to sign what main refuses.
describe('whether 申报 waits for 复核, asked of main at that moment', () => {
  beforeEach(() => queryClient.clear());

  it('answers from the review main holds now, not the cached one, and keeps the fresh one', async () => {
    const now = review({ state: 'approved', current: false });
    setBridge(createFakeBridge({ 'review.get': () => ok(now) }).bridge);
    queryClient.setQueryData(reviewKey(id), review({ state: 'approved', current: true }));
    expect((await reviewHoldNow(id, 'D20261207001'))?.reason).toBe('review.approval-void');
    expect(queryClient.getQueryData(reviewKey(id))).toEqual(now);

    setBridge(createFakeBridge({ 'review.get': () => ok(review({ required: false })) }).bridge);
    queryClient.setQueryData(reviewKey(id), review({}));
    expect(await reviewHoldNow(id, 'D20261207001')).toBeNull();
  });
});
