import type { TaxBillEntry } from '../../../shared/api';
import { COMPARED, compareBill, type FigurePair } from '../../../shared/taxes/compare';
import type { TaxEstimate } from '../../../shared/taxes/types';
import { KINDS } from './tax-how';
import { type TaxMessages, useTaxMessages } from './tax-messages';
import { TaxHead } from './tax-totals';

// The 税费单 customs sent after release, beside the estimate: each figure of the bill, and where the estimate
// had another, the cell marked with the estimate's figure — so the broker sees at once which line and which tax
// to explain to the customer.

function Figure({ pair, t }: { pair: FigurePair; t: TaxMessages }) {
  const shown = pair.bill ?? t.missing;
  if (!pair.differs) return <td>{shown}</td>;
  const was = t.estimateWas(pair.estimate ?? t.missing);
  return (
    <td className="tax-differs" title={was}>
      <mark>{shown}</mark> <small>{was}</small>
    </td>
  );
}

export function TaxBillView({ entry, estimate }: { entry: TaxBillEntry; estimate: TaxEstimate | null }) {
  const t = useTaxMessages();
  const compared = compareBill(entry.bill, estimate);
  return (
    <section className="tax-panel tax-bill" aria-label={t.billTitle}>
      <h3>{t.billTitle}</h3>
      <p className="muted">{t.billFrom(entry.channel, entry.noticeDate.slice(0, 10), entry.bill.date)}</p>
      <p className={compared.differences > 0 ? 'bad' : 'muted'}>
        {compared.differences > 0 ? t.billDiffers(compared.differences) : t.billSame}
      </p>
      <table>
        <TaxHead t={t} />
        <tbody>
          {compared.lines.map((line) => (
            <tr key={line.gNo} data-differs={line.differs ? 'yes' : undefined}>
              <td>
                {line.gNo} {line.codeTs}
                {line.differs ? <small className="bad"> {t.lineDiffers}</small> : null}
              </td>
              {COMPARED.map((k) => (
                <Figure key={k} pair={line.figures[k]} t={t} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t.payable}</th>
            {KINDS.map((k) => (
              <Figure key={k} pair={compared.payable[k]} t={t} />
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
