import type { RateBasis, TaxKind, TaxProblem } from '../../../shared/taxes/types';
import { fieldWords, taxWordsOf } from './tax-words';
import { taxWordsZh } from './tax-words-zh';

// The duty estimate's wording in Chinese: its figures, the rate each used and why a figure is missing;
// tax-messages-en.ts has the same keys.

const words = taxWordsOf(taxWordsZh);

const problemsZh: Record<TaxProblem['code'], (p: TaxProblem['params']) => string> = {
  'taxes.exportNotEstimated': () => '出口报关单不作税费预估',
  'taxes.amountInvalid': (p) =>
    p.value
      ? `${fieldWords('zh-CN', p.field)}“${p.value}”不是有效金额，未能计算`
      : `未填${fieldWords('zh-CN', p.field)}，未能计算`,
  'taxes.lineBlank': () => `尚未填写${fieldWords('zh-CN', 'CodeTS')}和${fieldWords('zh-CN', 'DeclTotal')}，未计入预估`,
  'taxes.exchangeRateMissing': (p) =>
    `没有 ${p.currency} 在 ${p.month} 的计征汇率（设置 → 代码表 导入计征汇率），该币制的商品未计算`,
  'taxes.exchangeRateOld': (p) => `${p.currency} 用的是 ${p.rateMonth} 的计征汇率，不是 ${p.month} 的`,
  'taxes.transModeMissing': () => '未填成交方式，完税价格未计算',
  'taxes.transModeAsDeclared': (p) => `成交方式 ${p.transMode}：按申报价格作为完税价格估算`,
  'taxes.freightMissing': () => '成交方式需要运费，但未填运费，完税价格未计算',
  'taxes.feeInvalid': (p) => `${p.field === 'insur' ? '保险费' : '运费'}标记“${p.mark}”不能用于计算`,
  'taxes.insuranceCustomsRule': () => '未填保险费：按海关规定以（货价＋运费）× 3‰ 计算',
  'taxes.allocationIncomplete': () => '有商品未能折算人民币，运费/保险费无法按价值分摊',
  'taxes.tariffUnknown': (p) =>
    p.code ? `税则中没有商品编号 ${p.code}` : `未填${fieldWords('zh-CN', 'CodeTS')}，税率未知`,
  'taxes.tariffOld': (p) => `税则（${p.version}，${p.asOf}）早于申报日期 ${p.date}，税率可能已变`,
  'taxes.rateMissing': (p) => `税则未给出${words.tax(p.tax)}税率`,
  'taxes.rateUnreadable': (p) => `${words.tax(p.tax)}税率“${p.text}”无法识别`,
  'taxes.agreementNotApplied': (p) => words.agreementNotApplied(p),
  'taxes.quantityMissing': (p) => `${words.tax(p.tax)}按数量计征，但没有单位 ${p.unit} 的法定数量`,
  'taxes.dependsOnMissing': (p) => `${words.tax(p.on)}未算出，${words.tax(p.tax)}也无法计算`,
  'taxes.dutyModeNotApplied': (p) => `征免方式 ${p.dutyMode}：预估按照章征税计算`,
  'taxes.belowThreshold': (p) => `${words.tax(p.tax)}合计 ${p.computed} 元，低于 50 元起征点，不征收`,
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

export const taxZh = {
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
  tax: (kind: TaxKind) => words.tax(kind),
  basis: (b: RateBasis) => basisZh[b],
  over: (b: RateBasis, text: string) => `，低于${basisZh[b]} ${text}（从低适用）`,
  formula: words.formula,
  input: words.input,
  agreementName: words.agreementName,
  problem: (p: TaxProblem) => `${p.gNo ? `第 ${p.gNo} 项：` : ''}${problemsZh[p.code](p.params)}`,
  billTitle: '海关税费单',
  // The line up to the rates' day, which is worded apart (billRatesDay) to be shown unbroken.
  billFrom: (channel: string, at: string) => `${channel} 回执 ${at} · `,
  billRatesDay: (date: string) => `计税日期 ${date}（北京时间）`,
  billSame: '与预估一致',
  billNoneComputed: '税费单和预估都没有算出的数额，无从比较',
  billDiffers: (n: number) => `与预估有 ${n} 处不同（已标出）`,
  lineDiffers: '与预估不同',
  estimateWas: (v: string) => `预估 ${v}`,
};

export type TaxMessages = typeof taxZh;
