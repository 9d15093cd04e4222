import { agreementByCode } from '../../../shared/taxes/agreements';
import type { TaxKind } from '../../../shared/taxes/types';

// How a figure was computed, in Chinese words: the estimate names its formula, inputs and taxes by key (shared/taxes),
// and why it did not levy an agreement's rate on a line (taxes.agreementNotApplied). tax-words-en.ts has the same
// keys; tax-words.ts reads them (a key not listed is shown as it is).

type P = Record<string, string>;

export const taxWordsZh = {
  formula: {
    converted: '申报总价 × 计征汇率',
    cif: 'CIF：货价 ＋ 运费 ＋ 保险费',
    none: '无',
    rateOfGoods: '货价 × 运费率',
    allocatedByValue: '总额按货值分摊',
    customsRule: '（货价＋运费）× 3‰',
    rateOfGoodsAndFreight: '（货价＋运费）× 保险费率',
    adValorem: '从价：完税价格 × 税率',
    specific: '从量：数量 × 单位税额',
    compound: '复合：从价 ＋ 从量',
    composite: '（完税价格＋关税）÷（1－税率）× 税率',
    compositeCompound: '（完税价格＋关税＋从量税额）÷（1－税率）× 税率 ＋ 从量税额',
    adValoremOnSum: '（完税价格＋关税＋消费税）× 税率',
  } as Record<string, string>,
  input: {
    declTotal: '申报总价',
    currency: '币制',
    transMode: '成交方式',
    mark: '标记',
    given: '填报',
    total: '总额',
    share: '分摊比例',
    base: '完税价格',
    rate: '费率',
    adValorem: '从价税率',
    perUnit: '单位税额',
    qty: '数量',
    band: '适用区间',
    duty: '关税',
    consumption: '消费税',
    composite: '组成计税价格',
    sum: '计税合计',
  } as Record<string, string>,
  /** A tax by its kind (duty, consumption, vat), as the sentences name it. */
  tax: { duty: '关税', consumption: '消费税', vat: '增值税' } as Record<TaxKind, string>,
  /** An agreement by its 优惠贸易协定 code and name: 中国—东盟自贸协定（02）. */
  agreementName: (code: string): string => {
    const a = agreementByCode(code);
    return a ? `${a.nameZh}（${code}）` : `优惠贸易协定 ${code}`;
  },
  /** Why the agreement's rate was not levied, by the estimate's reason, with the agreement's name. */
  notApplied: {
    notDeclared: (p, name) =>
      `原产国 ${p.country} 可适用${name}协定税率 ${p.text}，但未申报优惠贸易协定（原产地证明），未按协定税率计算`,
    notMember: (p, name) => `原产国 ${p.country} 不是${name}的成员，未按协定税率计算`,
    notLower: (p, name) => `${name}协定税率 ${p.text} 不低于所用税率，从低适用，未用协定税率`,
    noRate: (_p, name) => `税则中本商品没有${name}的协定税率`,
    unreadable: (p, name) => `${name}协定税率“${p.text}”无法识别，未按协定税率计算`,
    unknown: (_p, name) => `${name}不在协定表中（其代码或成员国未有来源，见 docs/taxes.md），未按协定税率计算`,
  } as Record<string, (p: P, name: string) => string>,
};

export type TaxWords = typeof taxWordsZh;
