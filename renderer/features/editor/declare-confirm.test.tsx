import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeclarationRecord, DeclarationReview } from '../../../shared/api';
import { setBridge } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { reviewHold } from '../review/review-bar';
import { DeclareButton, needsConfirmation, useDeclare } from './declare-button';

const record = {
  id: '01a2049e-b64f-7413-8ff9-f1a7a1258340',
  clientSeqNo: 'SW261122ABCDEFGHJK',
  ieFlag: 'I',
} as DeclarationRecord;

function Harness({ warnings }: { warnings: string[] }) {
  const state = useDeclare(record, {
    beforeDeclare: () => Promise.resolve(),
    errorsNow: () => [],
    jump: () => undefined,
    recheck: () => undefined,
    warningsNow: () => warnings,
  });
  return <DeclareButton state={state} disabled={false} />;
}

function setup(warnings: string[]) {
  const fake = createFakeBridge({
    'declarations.declare': () => ({ ok: true, value: { id: record.id, submissionId: 's1', workflow: 'queued' } }),
  });
  setBridge(fake.bridge);
  render(
    <QueryClientProvider client={queryClient}>
      <Harness warnings={warnings} />
    </QueryClientProvider>,
  );
  return fake;
}

const declared = (fake: ReturnType<typeof createFakeBridge>) =>
  fake.calls.filter((c) => c.method === 'declarations.declare').length;

describe('confirmation before 申报 (fake bridge)', () => {
  beforeEach(() => useUi.setState({ locale: 'zh-CN', prefs: { confirmDeclare: 'always', computeLines: true } }));
  afterEach(cleanup);

  it('asks by the broker’s setting, never when there are errors', () => {
    expect(needsConfirmation('always', 0, 0)).toBe(true);
    expect(needsConfirmation('warnings', 0, 0)).toBe(false);
    expect(needsConfirmation('warnings', 0, 2)).toBe(true);
    expect(needsConfirmation('never', 0, 2)).toBe(false);
    expect(needsConfirmation('always', 1, 2)).toBe(false);
  });

  it('names the warnings; the focused 申报 button declares (Enter), 返回 declares nothing', async () => {
    const fake = setup(['提运单号 B1 已用于报关单 SW1', '航次号来自模板“上海”']);
    fireEvent.click(screen.getByRole('button', { name: '申报' }));
    const dialog = await screen.findByRole('dialog', { name: '确认申报' });
    expect(dialog.textContent).toContain('有 2 条提示');
    expect(dialog.textContent).toContain('提运单号 B1 已用于报关单 SW1');
    const confirm = screen.getByRole('button', { name: '申报（Enter）' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(screen.getByRole('button', { name: '返回修改（Esc）' }));
    expect(screen.queryByRole('dialog', { name: '确认申报' })).toBeNull();
    expect(declared(fake)).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '申报' }));
    fireEvent.click(await screen.findByRole('button', { name: '申报（Enter）' }));
    await waitFor(() => expect(declared(fake)).toBe(1));
  });

  it('says at once that 申报 waits for 复核 when the firm asks for one, asking nothing and declaring nothing', async () => {
    const fake = createFakeBridge({});
    setBridge(fake.bridge);
    const review: DeclarationReview = {
      declarationId: record.id,
      state: 'submitted',
      digest: 'd1',
      current: true,
      preparer: { id: 'p1', name: '王芳' },
      reviewer: null,
      remarks: [],
      submittedAt: '2026-12-07T01:00:00.000Z',
      decidedAt: null,
      required: true,
    };
    const { result } = renderHook(() =>
      useDeclare(record, {
        beforeDeclare: () => Promise.resolve(),
        errorsNow: () => [],
        jump: () => undefined,
        recheck: () => undefined,
        heldNow: () => Promise.resolve(reviewHold(review, record.clientSeqNo)),
      }),
    );
    await act(() => result.current.declare());
    expect(result.current.confirming).toBeNull();
    expect(declared(fake)).toBe(0);
    expect(result.current.refusal?.message('zh-CN')).toBe(
      `报关单 ${record.clientSeqNo} 须经复核员复核通过后才能申报（已开启“申报前须复核”）`,
    );
    expect(result.current.refusal?.message('en')).not.toMatch(/[\u4e00-\u9fff]/);
    // Approved as it is, nothing holds it.
    expect(reviewHold({ ...review, state: 'approved' }, record.clientSeqNo)).toBeNull();
    expect(reviewHold({ ...review, state: 'approved', current: false }, record.clientSeqNo)?.reason).toBe(
      'review.approval-void',
    );
  });

  it('declares at once when the setting says never', async () => {
    useUi.setState({ prefs: { confirmDeclare: 'never', computeLines: true } });
    const fake = setup(['a warning']);
    fireEvent.click(screen.getByRole('button', { name: '申报' }));
    await waitFor(() => expect(declared(fake)).toBe(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
