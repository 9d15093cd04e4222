import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { head, line, memoryTaxTables } from '../../../test-support/shared/tax-tables';
import { restoreTimeZoneAfterEach } from '../../../test-support/shared/time-zone';
import { useUi } from '../../state/ui-store';
import { TaxBillView } from './tax-bill-view';
import { howSteps } from './tax-how';
import { taxMessages } from './tax-messages';

// The desk estimated line 2 (JPY) at one rate, customs' bill at another: line 2 differs, line 1 does not.
const input = { head: head(), lines: [line(), line({ tradeCurr: 'JPY', declTotal: '100000' })], date: '2026-12-07' };
const tariff = [{ code: '0000000001', mfn: '10%', vat: '13%' }];
const usd = { currency: 'USD', month: '2026-12', rate: '7.1' };
const estimate = estimateTaxes(
  input,
  memoryTaxTables(tariff, [usd, { currency: 'JPY', month: '2026-12', rate: '0.047' }]),
);
const bill = estimateTaxes(input, memoryTaxTables(tariff, [usd, { currency: 'JPY', month: '2026-12', rate: '0.048' }]));
const entry = { bill, channel: 'P', noticeDate: '2026-12-07T02:00:00.000Z', entryId: '222620261000000001' };

describe('the 税费单 beside the estimate', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('marks the line and each figure that differs from the estimate, with the estimate’s figure', () => {
    render(<TaxBillView entry={entry} estimate={estimate} />);
    const panel = screen.getByRole('region', { name: '海关税费单' });
    const rows = within(panel).getAllByRole('row');
    // Each line's 项号 and code on a row of its own, its four figures on the next: four columns, so that the bill
    // fits the editor's side column.
    expect(rows[0]?.textContent).toBe('完税价格关税消费税增值税');
    expect(rows[1]?.textContent).toBe('1 0000000001');
    // Line 1 the same: 1000 × 7.1 = 7100.00, duty 710.00, VAT 13 % × 7810.00 = 1015.30 — nothing marked.
    expect(rows[2]?.textContent).toBe('7100.00710.000.001015.30');
    expect(rows[1]?.parentElement?.getAttribute('data-differs')).toBeNull();
    // Line 2: the bill 100000 × 0.048 = 4800.00, duty 480.00, VAT 13 % × 5280.00 = 686.40; the estimate at
    // 0.047: 4700.00, 470.00, 672.10. Consumption tax 0.00 on both: not marked.
    expect(rows[3]?.parentElement?.getAttribute('data-differs')).toBe('yes');
    expect(within(rows[3] as HTMLElement).getByText('与预估不同')).toBeTruthy();
    const marked = rows[4]?.querySelectorAll('td.tax-differs') ?? [];
    expect([...marked].map((td) => td.textContent)).toEqual([
      '4800.00 预估 4700.00',
      '480.00 预估 470.00',
      '686.40 预估 672.10',
    ]);
    // Payable: duty 710.00 + 480.00 = 1190.00 against 1180.00; VAT 1701.70 against 1687.40.
    const payable = rows[5]?.querySelectorAll('td.tax-differs') ?? [];
    expect([...payable].map((td) => td.textContent)).toEqual(['1190.00 预估 1180.00', '1701.70 预估 1687.40']);
    expect(panel.textContent).toContain('与预估有 5 处不同');
  });

  it('says the bill and the estimate agree when they do, in English too', () => {
    useUi.setState({ locale: 'en' });
    render(<TaxBillView entry={{ ...entry, bill: estimate }} estimate={estimate} />);
    const panel = screen.getByRole('region', { name: 'Customs tax bill' });
    expect(panel.textContent).toContain('Same as the estimate');
    expect(panel.querySelectorAll('td.tax-differs')).toHaveLength(0);
  });

  it('says nothing of sameness when neither side computed a figure, only that there is nothing to compare', () => {
    // No 计征汇率 for USD on either side: every line figure is "not computed" and both payables are 0.00.
    const none = estimateTaxes(input, memoryTaxTables(tariff, []));
    expect(none.lines.every((l) => l.customsValue.amount === null)).toBe(true);
    render(<TaxBillView entry={{ ...entry, bill: none }} estimate={none} />);
    const zh = screen.getByRole('region', { name: '海关税费单' }).textContent;
    expect(zh).toContain('税费单和预估都没有算出的数额，无从比较');
    expect(zh).not.toContain('与预估一致');
    cleanup();
    useUi.setState({ locale: 'en' });
    render(<TaxBillView entry={{ ...entry, bill: none }} estimate={none} />);
    const en = screen.getByRole('region', { name: 'Customs tax bill' }).textContent;
    expect(en).toContain('Neither the bill nor the estimate has a figure computed: nothing to compare');
    expect(en).not.toContain('Same as the estimate');
  });
});

describe('the 税费单’s dates', () => {
  restoreTimeZoneAfterEach();
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
  });

  it('shows the receipt on the machine’s clock and the rates’ day as China’s, saying so', () => {
    // 02:00 UTC on the 7th is 21:00 on the 6th in New York; the hub reckoned the bill by China's date, the 7th.
    process.env.TZ = 'America/New_York';
    render(<TaxBillView entry={entry} estimate={estimate} />);
    expect(screen.getByRole('region', { name: '海关税费单' }).textContent).toContain(
      'P 回执 2026-12-06 21:00 · 计税日期 2026-12-07（北京时间）',
    );
    // The rates' day with its label and what kind of date it is, in one unbroken piece (styles.css .keep-whole).
    expect(document.querySelector('.keep-whole')?.textContent).toBe('计税日期 2026-12-07（北京时间）');
    cleanup();
    useUi.setState({ locale: 'en' });
    render(<TaxBillView entry={entry} estimate={estimate} />);
    expect(screen.getByRole('region', { name: 'Customs tax bill' }).textContent).toContain(
      'P receipt 2026-12-06 21:00 · rates of 2026-12-07 (China date)',
    );
    expect(document.querySelector('.keep-whole')?.textContent).toBe('rates of 2026-12-07 (China date)');
  });
});

describe('计算过程 of a goods price not computed', () => {
  it('names what it lacks instead of writing an equation with a blank', () => {
    const blank = estimateTaxes(
      { head: head(), lines: [line({ declTotal: '' })], date: '2026-12-07' },
      memoryTaxTables(tariff, [usd]),
    );
    const first = blank.lines[0];
    expect(first && howSteps(first, taxMessages['zh-CN'])[0]).toBe('未算出 — 申报总价 未填 · 币制 USD');
    expect(first && howSteps(first, taxMessages.en)[0]).toBe('not computed — total price not filled in · currency USD');
  });
});
