import type { LineEstimate, TaxFigure, TaxKind } from '../../../shared/taxes/types';
import type { TaxMessages } from './tax-messages';

// How each figure of the duty estimate was computed, in the UI language: the panel beside the goods grid
// folds these sentences under 计算过程, the printed 税费预估 sheet prints them.

export const KINDS: readonly TaxKind[] = ['duty', 'consumption', 'vat'];

function inputsText(figure: TaxFigure, t: TaxMessages): string {
  return Object.entries(figure.inputs)
    .map(([k, v]) => `${t.input(k)} ${v === '' ? t.notFilled : v}`)
    .join(' · ');
}

/** How each figure of a line was computed, one sentence per figure: the panel folds them, the sheet prints them. */
export function howSteps(line: LineEstimate, t: TaxMessages): string[] {
  const rows: [string, TaxFigure][] = [
    [t.value, line.customsValue],
    ...KINDS.map((k): [string, TaxFigure] => [t.tax(k), line[k]]),
  ];
  // A goods price not computed (a blank or unreadable 申报总价) is not written as an equation: what it lacks is named.
  const goodsInputs = inputsText(line.goods, t);
  const goods =
    line.goods.amount === null
      ? goodsInputs === ''
        ? ''
        : ` — ${goodsInputs}`
      : line.goods.rate
        ? ` = ${goodsInputs} × ${line.goods.rate.text} (${line.goods.rate.row})`
        : '';
  return [
    `${line.goods.amount ?? t.missing}${goods}`,
    ...rows.map(([label, figure]) => {
      // An agreement rate names its agreement: which certificate the figure rests on.
      const agreement = figure.rate?.agreement ? ` ${t.agreementName(figure.rate.agreement)}` : '';
      // And the rate it was levied over: what the agreement's rate saved against the provisional or MFN rate.
      const over = figure.rate?.over ? t.over(figure.rate.over.basis, figure.rate.over.text) : '';
      const rate = figure.rate
        ? ` — ${t.basis(figure.rate.basis)}${agreement} ${figure.rate.text} (${figure.rate.row}, ${figure.rate.source.version})${over}`
        : '';
      const inputs = inputsText(figure, t);
      return `${label} ${figure.amount ?? t.missing}: ${t.formula(figure.formula)}${rate}${inputs === '' ? '' : ` — ${inputs}`}`;
    }),
  ];
}
