import type { TaxEstimate } from '../../../shared/taxes/types';
import { KINDS } from './tax-how';
import type { TaxMessages } from './tax-messages';

/** The head of the panel's estimate: 项号, 完税价格, then each tax. */
export function TaxHead({ t }: { t: TaxMessages }) {
  return (
    <thead>
      <tr>
        <th>{t.line}</th>
        <th>{t.value}</th>
        {KINDS.map((k) => (
          <th key={k}>{t.tax(k)}</th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * The estimate's closing rows, the same in the panel and on the printed 税费预估单: the totals as computed, then what
 * is payable (marked * where a line could not be worked out), under `span` columns of the lines' own data.
 */
export function TaxTotals({ totals, span, t }: { totals: TaxEstimate['totals']; span: number; t: TaxMessages }) {
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={span}>
          {t.totals}
        </th>
        {KINDS.map((k) => (
          <td key={k}>{totals[k].computed}</td>
        ))}
      </tr>
      <tr>
        <th scope="row" colSpan={span}>
          {t.payable}
        </th>
        {KINDS.map((k) => (
          <td key={k}>
            {totals[k].payable}
            {totals[k].complete ? '' : ' *'}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}
