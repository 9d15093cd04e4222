import { act, cleanup, render, screen, within } from '@testing-library/react';
import { useLayoutEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeclarationDoc } from '../../../shared/catalog';
import { estimateTaxes } from '../../../shared/taxes/estimate';
import { renderWithBridge } from '../../../test-support/renderer/render-with-bridge';
import { head, line, sampleTaxInput, sampleTaxTables } from '../../../test-support/shared/tax-tables';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from './editor-store';
import { TaxEstimateView, TaxPanel } from './tax-panel';

// The real estimate, counted: how many times it was worked out, and when.
vi.mock('../../../shared/taxes/estimate', async (importOriginal) => {
  const real = await importOriginal<{ estimateTaxes: typeof estimateTaxes }>();
  return { ...real, estimateTaxes: vi.fn(real.estimateTaxes) };
});

const tables = sampleTaxTables('2026-11');
// The estimate's own keys (shared/taxes) that must never reach the broker's eyes.
const KEYS = /declTotal|DeclTotal|transMode|adValorem|perUnit|rateOf|allocatedBy|customsRule|compositeCompound|OnSum/;
const estimate = estimateTaxes(sampleTaxInput(), tables);

describe('the duty estimate beside the goods grid', () => {
  afterEach(() => {
    cleanup();
    useUi.setState({ locale: 'zh-CN' });
    useEditorUi.getState().reset();
  });

  it('shows each line’s figures with the rate used, the totals, and why a line is not computed', () => {
    render(<TaxEstimateView estimate={estimate} />);
    const panel = screen.getByRole('region', { name: '税费预估' });
    // Each line's figures, then the row holding how they were computed.
    const rows = within(panel).getAllByRole('row');
    // Line 1: 1000 USD × 7.1 = 7100.00; provisional 5% = 355.00; VAT 13% × 7455 = 969.15
    expect(rows[1]?.textContent).toContain('7100.00');
    expect(rows[1]?.textContent).toContain('355.00');
    expect(rows[1]?.textContent).toContain('969.15');
    expect(rows[3]?.textContent).toContain('未算出');
    expect(panel.textContent).toContain('暂定税率 5%');
    const problems = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toContain('USD 用的是 2026-11 的计征汇率，不是 2026-12 的');
    expect(problems.some((p) => p?.startsWith('没有 JPY 在 2026-12 的计征汇率'))).toBe(true);
  });

  it('opens how a line was computed across the whole panel, not inside the line number’s cell', () => {
    // In the first cell the long steps widened that column until the VAT column was pushed out of the panel.
    render(<TaxEstimateView estimate={estimate} />);
    const panel = screen.getByRole('region', { name: '税费预估' });
    const columns = within(panel).getAllByRole('columnheader').length;
    const how = within(panel).getAllByText('计算过程')[0]?.closest('td');
    expect(how?.colSpan).toBe(columns);
    expect(how?.textContent).toContain('完税价格 7100.00');
  });

  it('speaks English when the UI does', () => {
    useUi.setState({ locale: 'en' });
    render(<TaxEstimateView estimate={estimate} />);
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
    render(<TaxEstimateView estimate={blankLast} />);
    expect(problems()).toContain('第 1 项：未填申报总价，未能计算');
    expect(problems().filter((p) => p.startsWith('第 3 项'))).toEqual([]);
    // No internal key anywhere in the panel, 计算过程 included (declTotal, adValoremOnSum, transMode …).
    const panelText = () => screen.getByRole('region', { name: /税费预估|Duty estimate/ }).textContent ?? '';
    expect(panelText()).not.toMatch(KEYS);
    expect(panelText()).toContain('增值税 969.15: （完税价格＋关税＋消费税）× 税率');
    cleanup();

    useEditorUi.getState().setCurrentLine(0);
    render(<TaxEstimateView estimate={blankLast} />);
    expect(problems().filter((p) => p.startsWith('第 3 项'))).toEqual([
      '第 3 项：尚未填写商品编号和申报总价，未计入预估',
    ]);
    cleanup();

    useUi.setState({ locale: 'en' });
    render(<TaxEstimateView estimate={blankLast} />);
    expect(problems()).toContain('Line 1: Total price is not filled in; not computed');
    expect(problems()).toContain('Line 3: No HS code or Total price yet: not in the estimate');
    expect(panelText()).not.toMatch(KEYS);
  });
});

describe('the duty estimate is not part of a keystroke', () => {
  const estimated = vi.mocked(estimateTaxes);
  const withLine = (fields: Record<string, string>): DeclarationDoc => ({
    head: { IEFlag: 'I', TransMode: '1' },
    lines: [{ CodeTS: '', GName: '苹果', DeclTotal: '1000', TradeCurr: 'CNY', ...fields }],
    tables: {},
  });
  // What the editor does with a keystroke: a new document, rendered and committed; the panel is given it too.
  let keyIn: (doc: DeclarationDoc) => void = () => undefined;
  /** How many estimates had been worked out when each keyed document was committed. */
  let estimatesAtCommit: number[] = [];
  function Keyed({ doc }: { doc: DeclarationDoc }) {
    useLayoutEffect(() => void estimatesAtCommit.push(estimated.mock.calls.length), [doc]);
    return <span data-testid="keyed">{doc.lines[0]?.GName}</span>;
  }
  function EditorStandIn() {
    const [doc, setDoc] = useState(() => withLine({}));
    keyIn = setDoc;
    return (
      <>
        <Keyed doc={doc} />
        <TaxPanel doc={doc} ieFlag="I" />
      </>
    );
  }
  const panel = () => screen.getByRole('region', { name: '税费预估' });

  beforeEach(() => {
    queryClient.clear();
    estimatesAtCommit = [];
    renderWithBridge({ 'codes.tables': () => ({ ok: true, value: [] }) }, <EditorStandIn />);
  });
  afterEach(cleanup);

  it('works the estimate out after the keystroke is committed, and shows the current one', async () => {
    expect((await screen.findByRole('region', { name: '税费预估' })).textContent).toContain('1000.00');
    const before = estimated.mock.calls.length;
    act(() => keyIn(withLine({ DeclTotal: '1250' })));
    // The keystroke's commit came before any estimate; the render after it worked out the new one.
    expect(estimatesAtCommit.at(-1)).toBe(before);
    expect(estimated.mock.calls.length).toBe(before + 1);
    expect(panel().textContent).toContain('1250.00');
  });

  it('works nothing out again when typing changes nothing the estimate reads', async () => {
    expect((await screen.findByRole('region', { name: '税费预估' })).textContent).toContain('1000.00');
    const before = estimated.mock.calls.length;
    act(() => keyIn(withLine({ GName: '富士苹果' })));
    expect(screen.getByTestId('keyed').textContent).toBe('富士苹果');
    expect(estimated.mock.calls.length).toBe(before);
    expect(panel().textContent).toContain('1000.00');
  });
});
