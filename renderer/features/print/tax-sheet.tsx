import type { TaxEstimate } from '../../../shared/taxes/types';
import { howSteps, KINDS } from '../editor/tax-how';
import { useTaxT } from '../editor/tax-messages';
import { TaxTotals } from '../editor/tax-totals';
import { PrintSheet } from './print-sheet';

/**
 * The printable 税费预估 sheet: the estimate beside the goods grid on paper, for the broker's quote to a
 * customer — every line's figures with the rate used, how each was computed (unfolded), the totals, what
 * is payable, and every reason a figure is missing or assumed. It opens over the app like the 报关单's
 * print preview and closes like it: Esc or 关闭; 打印 prints only the sheet, 保存 PDF asks the shell.
 */
export function TaxSheet({
  estimate,
  clientSeqNo,
  onClose,
}: {
  estimate: TaxEstimate;
  clientSeqNo: string;
  onClose: () => void;
}) {
  const t = useTaxT();

  return (
    <PrintSheet title={t.sheetTitle} fileName={`${clientSeqNo || 'estimate'}-${t.sheetTitle}.pdf`} onClose={onClose}>
      <article className="print-page tax-sheet">
        <h1 className="print-title">{t.sheetTitle}</h1>
        <p>{t.dated(estimate.date, estimate.month, clientSeqNo)}</p>
        <p>{t.note}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.value}</th>
              {KINDS.map((k) => (
                <th scope="col" key={k}>
                  {t.tax(k)}
                </th>
              ))}
            </tr>
          </thead>
          {estimate.lines.map((line) => (
            <tbody key={line.gNo}>
              <tr>
                <td>{line.gNo}</td>
                <td>{line.codeTs}</td>
                <td>{line.customsValue.amount ?? t.missing}</td>
                {KINDS.map((k) => (
                  <td key={k}>
                    {line[k].amount ?? t.missing}
                    {line[k].rate ? ` (${t.basis(line[k].rate.basis)} ${line[k].rate.text})` : ''}
                  </td>
                ))}
              </tr>
              <tr className="tax-sheet-how">
                <td />
                <td colSpan={5}>
                  <ul>
                    {howSteps(line, t).map((step, i) => (
                      <li key={i}>{step}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            </tbody>
          ))}
          <TaxTotals totals={estimate.totals} span={3} t={t} />
        </table>
        {estimate.problems.length > 0 ? (
          <section aria-label={t.problems}>
            <h2>{t.problems}</h2>
            <ul>
              {estimate.problems.map((p, i) => (
                <li key={i}>{t.problem(p)}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </PrintSheet>
  );
}
