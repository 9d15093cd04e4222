import { agreementByCode } from '../../../shared/taxes/agreements';
import type { TaxWords } from './tax-words-zh';

// How a figure was computed, in English words, and why an agreement's rate was not levied; the keys of
// tax-words-zh.ts.

export const taxWordsEn: TaxWords = {
  formula: {
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
  },
  input: {
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
  },
  tax: { duty: 'duty', consumption: 'consumption tax', vat: 'VAT' },
  /** China–ASEAN FTA (02). */
  agreementName: (code) => {
    const a = agreementByCode(code);
    return a ? `${a.nameEn} (${code})` : `agreement ${code}`;
  },
  notApplied: {
    notDeclared: (p, name) =>
      `Origin ${p.country} qualifies for the ${name} rate ${p.text}, but no preferential agreement (origin certificate) is declared: not applied`,
    notMember: (p, name) => `Origin ${p.country} is not a party to the ${name}: its rate is not applied`,
    notLower: (p, name) =>
      `The ${name} rate ${p.text} is not lower than the rate used (the lower applies): not applied`,
    noRate: (_p, name) => `The tariff gives this line no ${name} rate`,
    unreadable: (p, name) => `The ${name} rate "${p.text}" cannot be read: not applied`,
    unknown: (_p, name) => `The ${name} is not in the agreement table (no source for its code or parties): not applied`,
  },
};
