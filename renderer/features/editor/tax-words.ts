import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import type { TaxKind } from '../../../shared/taxes/types';

// How a figure was computed, in words: the estimate names its formula and inputs by key
// (shared/taxes), and the 计算过程 shows them in the UI language. A key not listed is shown as it is.

const formulaZh: Record<string, string> = {
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
};
const formulaEn: Record<string, string> = {
  converted: 'total price × exchange rate',
  cif: 'CIF: goods + freight + insurance',
  none: 'none',
  rateOfGoods: 'goods × freight rate',
  allocatedByValue: 'total allocated by value',
  customsRule: '(goods + freight) × 3‰',
  rateOfGoodsAndFreight: '(goods + freight) × insurance rate',
  adValorem: 'ad valorem: value × rate',
  specific: 'specific: quantity × amount per unit',
  compound: 'compound: ad valorem + specific',
  composite: '(value + duty) ÷ (1 − rate) × rate',
  compositeCompound: '(value + duty + specific) ÷ (1 − rate) × rate + specific',
  adValoremOnSum: '(value + duty + consumption tax) × rate',
};
const inputZh: Record<string, string> = {
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
};
const inputEn: Record<string, string> = {
  declTotal: 'total price',
  currency: 'currency',
  transMode: 'transaction method',
  mark: 'mark',
  given: 'given',
  total: 'total',
  share: 'share',
  base: 'customs value',
  rate: 'rate',
  adValorem: 'ad valorem rate',
  perUnit: 'per unit',
  qty: 'quantity',
  band: 'band',
  duty: 'duty',
  consumption: 'consumption tax',
  composite: 'composite price',
  sum: 'taxable sum',
};

const taxZh: Record<TaxKind, string> = { duty: '关税', consumption: '消费税', vat: '增值税' };
const taxEn: Record<TaxKind, string> = { duty: 'duty', consumption: 'consumption tax', vat: 'VAT' };

/** A tax by its kind (duty, consumption, vat), as the sentences name it. */
export function taxWords(locale: Locale, kind = ''): string {
  return (locale === 'en' ? taxEn : taxZh)[kind as TaxKind] ?? kind;
}

export function formulaWords(locale: Locale, key: string): string {
  return (locale === 'en' ? formulaEn : formulaZh)[key] ?? key;
}

export function inputWords(locale: Locale, key: string): string {
  return (locale === 'en' ? inputEn : inputZh)[key] ?? key;
}

/** A field the estimate names (a DecList or DecHead element) by the catalog's label, as the form shows it. */
export function fieldWords(locale: Locale, xml = ''): string {
  const def = findElement(goodsDeclaration, 'lines', xml) ?? findElement(goodsDeclaration, 'head', xml);
  return def ? labelOf(def, locale, 'I') : xml;
}
