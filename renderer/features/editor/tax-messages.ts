import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import type { RateBasis, TaxKind, TaxProblem } from '../../../shared/taxes/types';
import { useUi } from '../../state/ui-store';
import { agreementWords } from './tax-agreement-words';
import { formulaWords, inputWords } from './tax-words';

// The duty estimate's wording, zh-CN and en: its figures, the rate each used and why a figure is missing.

type P = Record<string, string>;
const taxZh: Record<TaxKind, string> = { duty: '关税', consumption: '消费税', vat: '增值税' };
const taxEn: Record<TaxKind, string> = { duty: 'duty', consumption: 'consumption tax', vat: 'VAT' };
const tax = (locale: Locale, kind: string) => (locale === 'en' ? taxEn : taxZh)[kind as TaxKind] ?? kind;
/** A field the estimate names (a DecList or DecHead element) by the catalog's label, as the form shows it. */
const label = (locale: Locale, xml = '') => {
  const def = findElement(goodsDeclaration, 'lines', xml) ?? findElement(goodsDeclaration, 'head', xml);
  return def ? labelOf(def, locale, 'I') : xml;
};

const zhProblems: Record<TaxProblem['code'], (p: P) => string> = {
  'taxes.exportNotEstimated': () => '出口报关单不作税费预估',
  'taxes.amountInvalid': (p) =>
    p.value
      ? `${label('zh-CN', p.field)}“${p.value}”不是有效金额，未能计算`
      : `未填${label('zh-CN', p.field)}，未能计算`,
  'taxes.lineBlank': () => `尚未填写${label('zh-CN', 'CodeTS')}和${label('zh-CN', 'DeclTotal')}，未计入预估`,
  'taxes.exchangeRateMissing': (p) =>
    `没有 ${p.currency} 在 ${p.month} 的计征汇率（设置 → 代码表 导入计征汇率），该币制的商品未计算`,
  'taxes.exchangeRateOld': (p) => `${p.currency} 用的是 ${p.rateMonth} 的计征汇率，不是 ${p.month} 的`,
  'taxes.transModeMissing': () => '未填成交方式，完税价格未计算',
  'taxes.transModeAsDeclared': (p) => `成交方式 ${p.transMode}：按申报价格作为完税价格估算`,
  'taxes.freightMissing': () => '成交方式需要运费，但未填运费，完税价格未计算',
  'taxes.feeInvalid': (p) => `${p.field === 'insur' ? '保险费' : '运费'}标记“${p.mark}”不能用于计算`,
  'taxes.insuranceCustomsRule': () => '未填保险费：按海关规定以（货价＋运费）× 3‰ 计算',
  'taxes.allocationIncomplete': () => '有商品未能折算人民币，运费/保险费无法按价值分摊',
  'taxes.tariffUnknown': (p) => (p.code ? `税则中没有商品编号 ${p.code}` : `未填${label('zh-CN', 'CodeTS')}，税率未知`),
  'taxes.tariffOld': (p) => `税则（${p.version}，${p.asOf}）早于申报日期 ${p.date}，税率可能已变`,
  'taxes.rateMissing': (p) => `税则未给出${tax('zh-CN', p.tax ?? '')}税率`,
  'taxes.rateUnreadable': (p) => `${tax('zh-CN', p.tax ?? '')}税率“${p.text}”无法识别`,
  'taxes.agreementNotApplied': (p) => agreementWords('zh-CN', p),
  'taxes.quantityMissing': (p) => `${tax('zh-CN', p.tax ?? '')}按数量计征，但没有单位 ${p.unit} 的法定数量`,
  'taxes.dependsOnMissing': (p) => `${tax('zh-CN', p.on ?? '')}未算出，${tax('zh-CN', p.tax ?? '')}也无法计算`,
  'taxes.dutyModeNotApplied': (p) => `征免方式 ${p.dutyMode}：预估按照章征税计算`,
  'taxes.belowThreshold': (p) => `${tax('zh-CN', p.tax ?? '')}合计 ${p.computed} 元，低于 50 元起征点，不征收`,
};
const enProblems: Record<TaxProblem['code'], (p: P) => string> = {
  'taxes.exportNotEstimated': () => 'Exports are not estimated',
  'taxes.amountInvalid': (p) =>
    p.value
      ? `${label('en', p.field)} "${p.value}" is not an amount; not computed`
      : `${label('en', p.field)} is not filled in; not computed`,
  'taxes.lineBlank': () => `No ${label('en', 'CodeTS')} or ${label('en', 'DeclTotal')} yet: not in the estimate`,
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
    p.code ? `The tariff has no code ${p.code}` : `No ${label('en', 'CodeTS')} yet: its rates are unknown`,
  'taxes.tariffOld': (p) =>
    `The tariff (${p.version}, ${p.asOf}) is older than the date ${p.date}: rates may have changed`,
  'taxes.rateMissing': (p) => `The tariff gives no ${tax('en', p.tax ?? '')} rate`,
  'taxes.rateUnreadable': (p) => `The ${tax('en', p.tax ?? '')} rate "${p.text}" cannot be read`,
  'taxes.agreementNotApplied': (p) => agreementWords('en', p),
  'taxes.quantityMissing': (p) =>
    `The ${tax('en', p.tax ?? '')} is by quantity, and no legal quantity is in unit ${p.unit}`,
  'taxes.dependsOnMissing': (p) => `No ${tax('en', p.on ?? '')}, so no ${tax('en', p.tax ?? '')}`,
  'taxes.dutyModeNotApplied': (p) => `Duty mode ${p.dutyMode}: estimated at the full rate`,
  'taxes.belowThreshold': (p) =>
    `${tax('en', p.tax ?? '')} totals ${p.computed} yuan, under the 50-yuan threshold: not levied`,
};

const basisZh: Record<RateBasis, string> = {
  provisional: '暂定税率',
  mfn: '最惠国税率',
  agreement: '协定税率',
  general: '普通税率',
  consumption: '消费税率',
  vat: '增值税率',
  exchangeRate: '计征汇率',
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

const zh = {
  locale: 'zh-CN' as Locale,
  title: '税费预估',
  line: '项',
  value: '完税价格',
  totals: '合计',
  payable: '应征',
  missing: '未算出',
  notFilled: '未填',
  how: '计算过程',
  print: '打印税费预估',
  sheetTitle: '税费预估单',
  code: '商品编号',
  dated: (date: string, month: string, seq: string) =>
    `${seq ? `报关单 ${seq} · ` : ''}预估日期 ${date} · 计征汇率月份 ${month}`,
  problems: '未算出或有假设的项目',
  note: '预估，以海关税费单为准',
  tax: (kind: TaxKind) => taxZh[kind],
  basis: (b: RateBasis) => basisZh[b],
  over: (b: RateBasis, text: string) => `，低于${basisZh[b]} ${text}（从低适用）`,
  formula: (key: string) => formulaWords('zh-CN', key),
  input: (key: string) => inputWords('zh-CN', key),
  problem: (p: TaxProblem) => `${p.gNo ? `第 ${p.gNo} 项：` : ''}${zhProblems[p.code](p.params)}`,
  billTitle: '海关税费单',
  billFrom: (channel: string, day: string, date: string) => `${channel} 回执 ${day} · 计税日期 ${date}`,
  billSame: '与预估一致',
  billDiffers: (n: number) => `与预估有 ${n} 处不同（已标出）`,
  lineDiffers: '与预估不同',
  estimateWas: (v: string) => `预估 ${v}`,
};
export type TaxMessages = typeof zh;
// The side panel is narrow: short column heads in English (the sentences keep the full names).
const headEn: Record<TaxKind, string> = { duty: 'Duty', consumption: 'Cons. tax', vat: 'VAT' };
const en: TaxMessages = {
  locale: 'en',
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
  formula: (key) => formulaWords('en', key),
  input: (key) => inputWords('en', key),
  problem: (p) => `${p.gNo ? `Line ${p.gNo}: ` : ''}${enProblems[p.code](p.params)}`,
  billTitle: 'Customs tax bill',
  billFrom: (channel, day, date) => `${channel} receipt ${day} · reckoned at ${date}`,
  billSame: 'Same as the estimate',
  billDiffers: (n) => `${n} ${n === 1 ? 'figure differs' : 'figures differ'} from the estimate (marked)`,
  lineDiffers: 'differs from the estimate',
  estimateWas: (v) => `est. ${v}`,
};

export function useTaxMessages(): TaxMessages {
  return useUi((s) => s.locale) === 'en' ? en : zh;
}
export const taxMessages = { zh, en };
