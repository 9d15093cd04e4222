import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import type { TaxKind } from '../../../shared/taxes/types';
import type { TaxWords } from './tax-words-zh';

// How a figure was computed, in words: the estimate names its formula, inputs and taxes, and why it did not levy an
// agreement's rate, by key (shared/taxes). Each language's words stand in a file of their own (tax-words-zh.ts,
// tax-words-en.ts), which that language's tax messages read through these lookups; a key not listed is shown as it is.

/** The lookups a language's tax messages make in that language's words. */
export function taxWordsOf(words: TaxWords) {
  return {
    /** A tax by its kind (duty, consumption, vat), as the sentences name it. */
    tax: (kind = '') => words.tax[kind as TaxKind] ?? kind,
    formula: (key: string) => words.formula[key] ?? key,
    input: (key: string) => words.input[key] ?? key,
    agreementName: words.agreementName,
    /** Why the duty estimate did not levy an agreement's rate on a line (taxes.agreementNotApplied). */
    agreementNotApplied(p: Record<string, string>): string {
      const name = words.agreementName(p.agreement ?? '');
      const said = words.notApplied[p.reason ?? ''];
      return said ? said(p, name) : name;
    },
  };
}

/** A field the estimate names (a DecList or DecHead element) by the catalog's label, as the form shows it. */
export function fieldWords(locale: Locale, xml = ''): string {
  const def = findElement(goodsDeclaration, 'lines', xml) ?? findElement(goodsDeclaration, 'head', xml);
  return def ? labelOf(def, locale, 'I') : xml;
}
