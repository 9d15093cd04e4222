import { Fragment, memo, useDeferredValue, useState } from 'react';
import type { DeclarationDoc } from '../../../shared/catalog';
import type { LineEstimate, TaxEstimate, TaxFigure } from '../../../shared/taxes/types';
import { useTaxBill, useTaxEstimate } from '../../api/taxes';
import { TaxBillView } from './tax-bill-view';
import { TaxSheet } from '../print/tax-sheet';
import { useEditorUi } from './editor-store';
import { howSteps, KINDS } from './tax-how';
import { type TaxMessages, useTaxT } from './tax-messages';
import { TaxHead, TaxTotals } from './tax-totals';

// The duty estimate beside the goods grid: each line's 完税价格, duty, consumption tax and VAT with the
// rate each used, how each figure was computed, the totals, and why anything could not be computed.

function Amount({ figure, t }: { figure: TaxFigure; t: TaxMessages }) {
  return figure.amount === null ? <span className="bad">{t.missing}</span> : <span>{figure.amount}</span>;
}

function How({ line, t }: { line: LineEstimate; t: TaxMessages }) {
  return (
    <details>
      <summary>{t.how}</summary>
      <ul className="tax-how">
        {howSteps(line, t).map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The estimate of the declaration as keyed. It is not part of a keystroke: the panel follows the document at
 * React's deferred priority, so the keystroke's render and commit hold the fields only and the estimate (50 lines
 * worked out and drawn) comes in the render after it; typing that changes nothing the estimate reads (商品名称,
 * 规格型号, 备注 …) works nothing out again (useTaxEstimate keys on the estimate's input).
 */
export function TaxPanel({ doc, ...declaration }: TaxPanelProps) {
  const deferred = useDeferredValue(doc);
  return <DeferredEstimate doc={deferred} {...declaration} />;
}

interface TaxPanelProps {
  doc: DeclarationDoc;
  ieFlag: string;
  clientSeqNo?: string;
  /** The declaration whose 税费单 (after release) is shown beside the estimate; none for a document not saved. */
  declarationId?: string | null;
  /** 申报日期: the estimate is reckoned at it once declared. */
  declaredAt?: string | null;
}

const DeferredEstimate = memo(function DeferredEstimate({
  doc,
  ieFlag,
  clientSeqNo = '',
  declarationId = null,
  declaredAt = null,
}: TaxPanelProps) {
  const estimate = useTaxEstimate(doc, ieFlag, declaredAt);
  const bill = useTaxBill(ieFlag === 'I' ? declarationId : null);
  return (
    <>
      <TaxEstimateView estimate={estimate} clientSeqNo={clientSeqNo} />
      {bill ? <TaxBillView entry={bill} estimate={estimate} /> : null}
    </>
  );
});

export const TaxEstimateView = memo(function TaxEstimateView({
  estimate,
  clientSeqNo = '',
}: {
  estimate: TaxEstimate | null;
  clientSeqNo?: string;
}) {
  const t = useTaxT();
  const keying = useEditorUi((s) => s.currentLine) + 1;
  const [sheetOpen, setSheetOpen] = useState(false);
  if (!estimate) return null;
  // A blank line is named once, and not while it is the line being keyed (it is blank because it is new).
  const problems = estimate.problems.filter((p) => p.code !== 'taxes.lineBlank' || p.gNo !== keying);
  return (
    <section className="tax-panel" aria-label={t.title}>
      <h3>{t.title}</h3>
      <p className="muted">
        {t.note}{' '}
        <button type="button" className="link" onClick={() => setSheetOpen(true)}>
          {t.print}
        </button>
      </p>
      {sheetOpen ? (
        <TaxSheet estimate={estimate} clientSeqNo={clientSeqNo} onClose={() => setSheetOpen(false)} />
      ) : null}
      <table>
        <TaxHead t={t} />
        <tbody>
          {estimate.lines.map((line) => (
            <Fragment key={line.gNo}>
              <tr className="tax-line">
                <td>
                  {line.gNo} {line.codeTs}
                </td>
                {line.customsValue.amount === null ? (
                  // Without a customs value no tax is computed: said once across the line, where "not computed" in
                  // each of five columns made the English table wider than the panel and cut off its last columns.
                  <td colSpan={1 + KINDS.length}>
                    <Amount figure={line.customsValue} t={t} />
                  </td>
                ) : (
                  <>
                    <td>
                      <Amount figure={line.customsValue} t={t} />
                    </td>
                    {KINDS.map((k) => (
                      <td
                        key={k}
                        title={line[k].rate ? `${t.basis(line[k].rate.basis)} ${line[k].rate.text}` : undefined}
                      >
                        <Amount figure={line[k]} t={t} />
                        {line[k].rate ? <small> {line[k].rate.text}</small> : null}
                      </td>
                    ))}
                  </>
                )}
              </tr>
              {/* How it was computed runs the panel's full width: in the first cell its long steps widened that
                  column until the VAT column was pushed out of the panel. */}
              <tr className="tax-how-row">
                <td colSpan={2 + KINDS.length}>
                  <How line={line} t={t} />
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
        <TaxTotals totals={estimate.totals} span={2} t={t} />
      </table>
      {problems.length > 0 ? (
        <ul className="tax-problems">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'missing' ? 'bad' : 'muted'}>
              {t.problem(p)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
