import type { RateBasis, TaxKind, TaxProblem } from '../../../shared/taxes/types';
import type { TaxMessages } from './tax-messages-zh';
import { fieldWords, taxWordsOf } from './tax-words';
import { taxWordsEn } from './tax-words-en';

// The duty estimate's wording in English: its figures, the rate each used and why a figure is missing.

const words = taxWordsOf(taxWordsEn);

const problemsEn: Record<TaxProblem['code'], (p: TaxProblem['params']) => string> = {
  'taxes.exportNotEstimated': () => 'Exports are not estimated',
  'taxes.amountInvalid': (p) =>
    p.value
      ? `${fieldWords('en', p.field)} "${p.value}" is not an amount; not computed`
      : `${fieldWords('en', p.field)} is not filled in; not computed`,
  'taxes.lineBlank': () =>
    `No ${fieldWords('en', 'CodeTS')} or ${fieldWords('en', 'DeclTotal')} yet: not in the estimate`,
  'taxes.exchangeRateMissing': (p) =>
    `No customs exchange rate for ${p.currency} in ${p.month} (import one in Settings → Code tables); its lines are not computed`,
  'taxes.exchangeRateOld': (p) => `${p.currency} uses the rate of ${p.rateMonth}, not of ${p.month}`,
  'taxes.transModeMissing': () => 'No transaction method: the customs value is not computed',
  'taxes.transModeAsDeclared': (p) =>
    `Transaction method ${p.transMode}: the declared price is taken as the customs value`,
  'taxes.freightMissing': () => 'The transaction method needs freight, and none is given: customs value not computed',
  'taxes.feeInvalid': (p) => `${p.field === 'insur' ? 'Insurance' : 'Freight'} mark "${p.mark}" cannot be computed`,
  'taxes.insuranceCustomsRule': () => 'No insurance given: customs’ 3‰ of (goods + freight) is used',
  'taxes.allocationIncomplete': () =>
    'A line could not be converted: freight and insurance cannot be allocated by value',
  'taxes.tariffUnknown': (p) =>
    p.code ? `The tariff has no code ${p.code}` : `No ${fieldWords('en', 'CodeTS')} yet: its rates are unknown`,
  'taxes.tariffOld': (p) =>
    `The tariff (${p.version}, ${p.asOf}) is older than the date ${p.date}: rates may have changed`,
  'taxes.rateMissing': (p) => `The tariff gives no ${words.tax(p.tax)} rate`,
  'taxes.rateUnreadable': (p) => `The ${words.tax(p.tax)} rate "${p.text}" cannot be read`,
  'taxes.agreementNotApplied': (p) => words.agreementNotApplied(p),
  'taxes.quantityMissing': (p) => `The ${words.tax(p.tax)} is by quantity, and no legal quantity is in unit ${p.unit}`,
  'taxes.dependsOnMissing': (p) => `No ${words.tax(p.on)}, so no ${words.tax(p.tax)}`,
  'taxes.dutyModeNotApplied': (p) => `Duty mode ${p.dutyMode}: estimated at the full rate`,
  'taxes.belowThreshold': (p) =>
    `${words.tax(p.tax)} totals ${p.computed} yuan, under the 50-yuan threshold: not levied`,
};

const basisEn: Record<RateBasis, string> = {
  provisional: 'provisional',
  mfn: 'MFN',
  agreement: 'agreement',
  general: 'general',
  consumption: 'consumption',
  vat: 'VAT',
  exchangeRate: 'exchange rate',
};

// The side panel is narrow: short column heads in English (the sentences keep the full names).
const headEn: Record<TaxKind, string> = { duty: 'Duty', consumption: 'Cons. tax', vat: 'VAT' };

export const taxEn: TaxMessages = {
  title: 'Duty estimate',
  line: 'Line',
  value: 'Value',
  totals: 'Totals',
  payable: 'Payable',
  missing: 'not computed',
  notFilled: 'not filled in',
  how: 'How it was computed',
  print: 'Print the estimate',
  sheetTitle: 'Duty estimate sheet',
  code: 'HS code',
  dated: (date, month, seq) => `${seq ? `Declaration ${seq} · ` : ''}estimated ${date} · exchange rates of ${month}`,
  problems: 'Not computed, or computed on an assumption',
  note: 'An estimate: the customs tax bill decides',
  tax: (kind) => headEn[kind],
  basis: (b) => basisEn[b],
  over: (b, text) => `, lower than the ${basisEn[b]} rate ${text} (the lower applies)`,
  formula: words.formula,
  input: words.input,
  agreementName: words.agreementName,
  problem: (p) => `${p.gNo ? `Line ${p.gNo}: ` : ''}${problemsEn[p.code](p.params)}`,
  billTitle: 'Customs tax bill',
  billFrom: (channel, at) => `${channel} receipt ${at} · `,
  billRatesDay: (date) => `rates of ${date} (China date)`,
  billSame: 'Same as the estimate',
  billNoneComputed: 'Neither the bill nor the estimate has a figure computed: nothing to compare',
  billDiffers: (n) => `${n} ${n === 1 ? 'figure differs' : 'figures differ'} from the estimate (marked)`,
  lineDiffers: 'differs from the estimate',
  estimateWas: (v) => `est. ${v}`,
};
