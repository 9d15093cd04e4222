import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { head, line, memoryTaxTables } from '../../../test-support/shared/tax-tables';
import { useUi } from '../../state/ui-store';
import { TaxPanel } from './tax-panel';

const tables = memoryTaxTables(
  [{ code: '0000000001', mfn: '10%', provisional: '5%', vat: '13%' }],
  [{ currency: 'USD', month: '2026-11', rate: '7.1' }],
);
const estimate = estimateTaxes(
  { head: head(), lines: [line(), line({ tradeCurr: 'JPY' })], date: '2026-12-06' },
  tables,
);

describe('the duty estimate beside the goods grid', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('shows each line’s figures with the rate used, the totals, and why a line is not computed', () => {
    render(<TaxPanel estimate={estimate} />);
    const panel = screen.getByRole('region', { name: '税费预估' });
    const rows = within(panel).getAllByRole('row');
    // Line 1: 1000 USD × 7.1 = 7100.00; provisional 5% = 355.00; VAT 13% × 7455 = 969.15
    expect(rows[1]?.textContent).toContain('7100.00');
    expect(rows[1]?.textContent).toContain('355.00');
    expect(rows[1]?.textContent).toContain('969.15');
    expect(rows[2]?.textContent).toContain('未算出');
    expect(panel.textContent).toContain('暂定税率 5%');
    const problems = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toContain('USD 用的是 2026-11 的计征汇率，不是 2026-12 的');
    expect(problems.some((p) => p?.startsWith('没有 JPY 在 2026-12 的计征汇率'))).toBe(true);
  });

  it('speaks English when the UI does', () => {
    useUi.setState({ locale: 'en' });
    render(<TaxPanel estimate={estimate} />);
    const panel = screen.getByRole('region', { name: 'Duty estimate' });
    expect(panel.textContent).toContain('not computed');
    expect(panel.textContent).toContain('provisional 5%');
  });
});
