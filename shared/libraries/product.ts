import type { Row } from '../catalog';
import { countriesFromMessage, countriesToMessage } from '../catalog';

/**
 * The product library (商品库/归类): what a goods line says about a product, kept to fill the next
 * line with one pick. A product's values are held under the DecList element names, so the catalog
 * and the validation engine check them as they check a goods line. One exception of meaning: a
 * product's OriginCountry is where the goods were made (原产国) whatever the direction; the export
 * swap (DOMAIN.md §1.4) is applied when a line is filled, through countriesToMessage.
 */
export const productFields = [
  'CodeTS',
  'CiqCode',
  'GName',
  'DeclGoodsEname',
  'GModel',
  'GUnit',
  'FirstUnit',
  'SecondUnit',
  'OriginCountry',
  'TradeCurr',
  'DeclPrice',
  'DutyMode',
  'ExgNo',
] as const;
export type ProductField = (typeof productFields)[number];

const productFieldSet: ReadonlySet<string> = new Set(productFields);

export function isProductField(key: string): key is ProductField {
  return productFieldSet.has(key);
}

export interface ProductInput {
  /** Whose product it is (the 境内收发货人's customs code or name); '' for everyone's. */
  customer: string;
  fields: Row;
}

/**
 * Only the product's own fields, trimmed, empty ones dropped, codes and part numbers in capitals where the message
 * wants them.
 */
export function normalizeProduct(input: ProductInput): ProductInput {
  const fields: Row = {};
  for (const key of productFields) {
    const raw = (input.fields[key] ?? '').trim();
    if (raw === '') continue;
    fields[key] = key === 'TradeCurr' || key === 'OriginCountry' ? raw.toUpperCase() : raw;
  }
  return { customer: input.customer.trim(), fields };
}

/**
 * What makes two records the same product: the customer's part number (货号) when there is one,
 * otherwise what was declared — 商品编号, 商品名称 and 规格型号 (申报要素). Learning from a released
 * declaration updates the product with the same key (its price, origin, units, currency).
 */
export function productKey(product: ProductInput): string {
  const f = product.fields;
  const what = f.ExgNo ? `x:${f.ExgNo}` : `g:${f.CodeTS ?? ''}|${f.GName ?? ''}|${f.GModel ?? ''}`;
  return `${product.customer}\u0001${what}`;
}

/**
 * The goods-line values choosing a product writes: every product field (cleared where the
 * product has none, so nothing of a previously chosen product stays), the origin by meaning
 * (the other country of the line is kept), and 征免 from the product or else the user's default.
 * Quantities and everything else of the line stay as they are.
 */
export function productLineValues(product: ProductInput, ieFlag: 'I' | 'E', line: Row, lineDefaults: Row = {}): Row {
  const out: Row = {};
  for (const key of productFields) {
    if (key === 'OriginCountry') continue;
    out[key] = product.fields[key] ?? '';
  }
  if (!out.DutyMode) out.DutyMode = lineDefaults.DutyMode ?? line.DutyMode ?? '';
  const { destination } = countriesFromMessage(ieFlag, line);
  const origin = product.fields.OriginCountry ?? '';
  const countries = countriesToMessage(ieFlag, { origin, destination });
  // Only the origin's message field: the destination stays as the line has it.
  const originKey = ieFlag === 'E' ? 'DestinationCountry' : 'OriginCountry';
  out[originKey] = countries[originKey];
  return out;
}

/** A goods line of a declaration as a product (origin by meaning), for learning from released declarations. */
export function productFromLine(line: Row, ieFlag: 'I' | 'E', customer: string): ProductInput {
  const fields: Row = {};
  for (const key of productFields) {
    if (key === 'OriginCountry') continue;
    const value = line[key];
    if (value) fields[key] = value;
  }
  const { origin } = countriesFromMessage(ieFlag, line);
  if (origin) fields.OriginCountry = origin;
  return normalizeProduct({ customer, fields });
}
