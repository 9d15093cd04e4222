import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { sampleTaxInput, sampleTaxTables } from '../../../test-support/shared/tax-tables';
import { useUi } from '../../state/ui-store';
import { TaxEstimateView } from '../editor/tax-panel';

// The printable 税费预估 sheet, opened from the panel beside the goods grid.

const estimate = estimateTaxes(sampleTaxInput(), sampleTaxTables('2026-12'));

describe('the 税费预估 sheet', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('prints every figure with its rate, how it was computed, the totals and the reasons; Esc closes it', () => {
    render(<TaxEstimateView estimate={estimate} clientSeqNo="SW2612060001" />);
    fireEvent.click(screen.getByRole('button', { name: '打印税费预估' }));
    const sheet = screen.getByRole('dialog', { name: '税费预估单' });
    expect(sheet.textContent).toContain('报关单 SW2612060001 · 预估日期 2026-12-06 · 计征汇率月份 2026-12');
    // Line 1: 1000 USD × 7.1 = 7100.00; provisional 5% = 355.00; VAT 13% × 7455 = 969.15
    const first = within(sheet).getAllByRole('row')[1];
    expect(first?.textContent).toBe('100000000017100.00355.00 (暂定税率 5%)0.00 (消费税率 0%)969.15 (增值税率 13%)');
    const steps = within(sheet)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toContain('7100.00 = 申报总价 1000 · 币制 USD × 7.1 (USD 2026-12)');
    expect(steps.some((s) => s?.startsWith('增值税 969.15: （完税价格＋关税＋消费税）× 税率 — 增值税率 13%'))).toBe(
      true,
    );
    expect(steps.some((s) => s?.startsWith('没有 JPY 在 2026-12 的计征汇率'))).toBe(true);
    const payable = within(sheet).getByRole('rowheader', { name: '应征' }).closest('tr');
    expect(payable?.textContent).toBe('应征355.00 *0.00 *969.15 *');

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: '税费预估单' })).toBeNull();
    expect(screen.getByRole('region', { name: '税费预估' })).toBeTruthy();
  });

  it('is in English when the UI is, and 关闭 closes it too', () => {
    useUi.setState({ locale: 'en' });
    render(<TaxEstimateView estimate={estimate} clientSeqNo="SW2612060001" />);
    fireEvent.click(screen.getByRole('button', { name: 'Print the estimate' }));
    const sheet = screen.getByRole('dialog', { name: 'Duty estimate sheet' });
    expect(sheet.textContent).toContain('Declaration SW2612060001 · estimated 2026-12-06 · exchange rates of 2026-12');
    expect(sheet.textContent).toContain('355.00 (provisional 5%)');
    fireEvent.click(within(sheet).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
