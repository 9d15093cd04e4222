import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { head, line, memoryTaxTables } from '../../../test-support/shared/tax-tables';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from './editor-store';
import { TaxPanel } from './tax-panel';

const tables = memoryTaxTables(
  [{ code: '0000000001', mfn: '10%', provisional: '5%', vat: '13%' }],
  [{ currency: 'USD', month: '2026-11', rate: '7.1' }],
);
// The estimate's own keys (shared/taxes) that must never reach the broker's eyes.
const KEYS = /declTotal|DeclTotal|transMode|adValorem|perUnit|rateOf|allocatedBy|customsRule|compositeCompound|OnSum/;
const estimate = estimateTaxes(
  { head: head(), lines: [line(), line({ tradeCurr: 'JPY' })], date: '2026-12-06' },
  tables,
);

describe('the duty estimate beside the goods grid', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
    useEditorUi.getState().reset();
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

  it('names a field by its label in the form, and a blank new line once — not while it is being keyed', () => {
    const blankLast = estimateTaxes(
      {
        head: head(),
        lines: [line({ declTotal: '' }), line(), line({ codeTs: '', declTotal: '' })],
        date: '2026-12-06',
      },
      tables,
    );
    const problems = () =>
      within(screen.getByRole('region', { name: /税费预估|Duty estimate/ }))
        .queryAllByRole('listitem')
        .map((li) => li.textContent ?? '');
    useEditorUi.getState().setCurrentLine(2);
    render(<TaxPanel estimate={blankLast} />);
    expect(problems()).toContain('第 1 项：未填申报总价，未能计算');
    expect(problems().filter((p) => p.startsWith('第 3 项'))).toEqual([]);
    // No internal key anywhere in the panel, 计算过程 included (declTotal, adValoremOnSum, transMode …).
    const panelText = () => screen.getByRole('region', { name: /税费预估|Duty estimate/ }).textContent ?? '';
    expect(panelText()).not.toMatch(KEYS);
    expect(panelText()).toContain('增值税 969.15: （完税价格＋关税＋消费税）× 税率');
    cleanup();

    useEditorUi.getState().setCurrentLine(0);
    render(<TaxPanel estimate={blankLast} />);
    expect(problems().filter((p) => p.startsWith('第 3 项'))).toEqual([
      '第 3 项：尚未填写商品编号和申报总价，未计入预估',
    ]);
    cleanup();

    useUi.setState({ locale: 'en' });
    render(<TaxPanel estimate={blankLast} />);
    expect(problems()).toContain('Line 1: Total price is not filled in; not computed');
    expect(problems()).toContain('Line 3: No HS code or Total price yet: not in the estimate');
    expect(panelText()).not.toMatch(KEYS);
  });
});
