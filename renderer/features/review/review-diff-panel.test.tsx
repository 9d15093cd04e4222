import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ReviewComparison } from '../../../shared/api';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { ReviewDiffPanel } from './review-diff-panel';
import { useReviewDiffUi } from './review-diff-store';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const id = '01a2049e-b64f-7413-8ff9-f1a7a1258341';
const names: Record<string, string> = { '0110': '一般贸易', '0615': '进料对口' };

function renderPanel(comparison: ReviewComparison) {
  const jumps: string[] = [];
  renderWithBridge(
    { 'review.comparison': () => ok(comparison) },
    <ReviewDiffPanel
      id={id}
      ieFlag="I"
      codeName={(table, code) => (table === 'trade-modes' ? names[code] : undefined)}
      onJump={(path) => jumps.push(path)}
    />,
  );
  return jumps;
}

const base = {
  head: { TradeMode: '0110', BillNo: 'COSU1' },
  lines: [{ CodeTS: '0808100000', GModel: '0|0|无品牌' }],
  tables: {},
};
const current = {
  head: { TradeMode: '0615', BillNo: 'COSU1' },
  lines: [{ CodeTS: '0808100000', GModel: '0|0|富士' }],
  tables: {},
};

describe('the review differences beside the form (fake bridge)', () => {
  beforeEach(() => {
    queryClient.clear();
    useUi.setState({ locale: 'zh-CN' });
    useReviewDiffUi.setState({ openFor: id });
  });
  afterEach(cleanup);
  restoreTimeZoneAfterEach();

  it('lists each changed field old → new with code names, says what it compared with on the machine’s clock, and goes to a field', async () => {
    process.env.TZ = 'America/New_York';
    const basis = {
      kind: 'declaration' as const,
      id: 'x',
      clientSeqNo: 'SW1',
      entryId: null,
      at: '2026-12-06T17:30:00Z',
    };
    const jumps = renderPanel({ basis, base, current });
    const panel = await screen.findByRole('region', { name: '复核差异' });
    // 17:30 UTC is 12:30 on the 6th in New York, where China's clock already says the 7th.
    expect(await within(panel).findByText('与报关单 SW1（2026-12-06）比较')).toBeTruthy();
    expect(within(panel).getByText('2 处不同，Enter 跳到该项，Esc 关闭')).toBeTruthy();
    const rows = within(panel).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      '监管方式 0110 一般贸易 → 0615 进料对口',
      '第1项 规格型号 0|0|无品牌 → 0|0|富士',
    ]);
    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button'));
    expect(jumps).toEqual(['lines[0].GModel']);

    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByRole('region', { name: 'Review differences' })).toBeTruthy();
    expect(screen.getByText('Compared with declaration SW1 (2026-12-06)')).toBeTruthy();
    expect(screen.getAllByRole('listitem')[1]?.textContent).toMatch(/^Line 1 /);

    fireEvent.keyDown(screen.getByRole('region', { name: 'Review differences' }), { key: 'Escape' });
    expect(useReviewDiffUi.getState().openFor).toBeNull();
  });

  it('takes the focus when opened and gives it back to the field it came from when closed', async () => {
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    renderPanel(null);
    const panel = await screen.findByRole('region', { name: '复核差异' });
    expect(panel.contains(document.activeElement)).toBe(true);
    cleanup();
    expect(document.activeElement).toBe(field);
    field.remove();
  });

  it('names the template, and says when there is nothing to compare with, in zh and en', async () => {
    renderPanel({ basis: { kind: 'template', id: 't', name: '鲜苹果进口' }, base, current: base });
    expect(await screen.findByText('与模板“鲜苹果进口”比较')).toBeTruthy();
    expect(screen.getByText('与之相同，没有差异')).toBeTruthy();
    cleanup();
    queryClient.clear();
    renderPanel(null);
    expect(
      await screen.findByText('没有可比较的：本单不是用模板新建的，也没有同一境内收发货人、同样商品编号的更早报关单'),
    ).toBeTruthy();
    act(() => useUi.getState().setLocale('en'));
    expect(screen.getByText(/^Nothing to compare with: not made from a template/)).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
