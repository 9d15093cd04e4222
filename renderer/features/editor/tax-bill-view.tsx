import type { TaxBillEntry } from '../../../shared/api';
import { COMPARED, compareBill, type FigurePair } from '../../../shared/taxes/compare';
import type { TaxEstimate } from '../../../shared/taxes/types';
import { localMinute } from '../../i18n/local-time';
import { KINDS } from './tax-how';
import { type TaxMessages, useTaxT } from './tax-messages';

// The 税费单 customs sent after release, beside the estimate: each figure of the bill, and where the estimate
// had another, the cell marked with the estimate's figure — so the broker sees at once which line and which tax
// to explain to the customer.

function Figure({ pair, t }: { pair: FigurePair; t: TaxMessages }) {
  const shown = pair.bill ?? t.missing;
  if (!pair.differs) return <td>{shown}</td>;
  const was = t.estimateWas(pair.estimate ?? t.missing);
  return (
    <td className="tax-differs" title={was}>
      <mark className="keep-whole">{shown}</mark> <small>{was}</small>
    </td>
  );
}

export function TaxBillView({ entry, estimate }: { entry: TaxBillEntry; estimate: TaxEstimate | null }) {
  const t = useTaxT();
  const compared = compareBill(entry.bill, estimate);
  return (
    <section className="tax-panel tax-bill" aria-label={t.billTitle}>
      <h3>{t.billTitle}</h3>
      {/* The receipt is a moment, shown on the machine's clock as every screen time is; the day the rates were
          reckoned by is customs' date, China's, and says so, since abroad it can be a day from the receipt's. The
          rates' day with its label and "(China date)" is kept on one line: in the side column the line wrapped inside
          "(China date)" and between the label and its day. */}
      <p className="muted">
        {t.billFrom(entry.channel, localMinute(entry.noticeDate))}
        <span className="keep-whole">{t.billRatesDay(entry.bill.date)}</span>
      </p>
      <p className={compared.differences > 0 ? 'bad' : 'muted'}>
        {compared.differences > 0
          ? t.billDiffers(compared.differences)
          : compared.computed === 0
            ? t.billNoneComputed
            : t.billSame}
      </p>
      {/* Four columns, each line's 项号 and code on a row of its own above its figures: with the line as a fifth
          column the table was wider than the editor's side column in English and its last column was cut off. Figures
          of eight digits and more, each marked beside the estimate's, still make it wider than the column: the table
          then scrolls sideways in a box of its own (by keyboard too), every figure whole and each column under its
          head, and the rest of the side column stays where it is. */}
      <div className="tax-bill-figures" tabIndex={0} role="group" aria-label={t.billTitle}>
        <table>
          <thead>
            <tr>
              {COMPARED.map((k) => (
                <th key={k}>{k === 'customsValue' ? t.value : t.tax(k)}</th>
              ))}
            </tr>
          </thead>
          {compared.lines.map((line) => (
            <tbody key={line.gNo} data-differs={line.differs ? 'yes' : undefined}>
              <tr className="tax-bill-line">
                <th scope="rowgroup" colSpan={COMPARED.length}>
                  {line.gNo} {line.codeTs}
                  {line.differs ? <small className="bad"> {t.lineDiffers}</small> : null}
                </th>
              </tr>
              <tr>
                {COMPARED.map((k) => (
                  <Figure key={k} pair={line.figures[k]} t={t} />
                ))}
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">{t.payable}</th>
              {KINDS.map((k) => (
                <Figure key={k} pair={compared.payable[k]} t={t} />
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
