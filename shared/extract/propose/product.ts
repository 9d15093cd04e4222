import type { DocumentLine, ProposedValue } from '../document';
import { nameSimilarity } from './match';

/** A product of the library as proposing needs it (shared/api's Product has these and more). */
export interface ProductCandidate {
  id: string;
  /** Values under the DecList names: CodeTS, GName, DeclGoodsEname, GModel (申报要素), ExgNo (货号) … */
  fields: Readonly<Record<string, string>>;
  /** Learned from a declaration customs released: only such a product's 商品编号 is proposed. */
  learned: boolean;
}

/** The library's products for a goods name (and the item number, a 货号 a product may keep). */
export type FindProduct = (query: { name: string; itemNo?: string }) => readonly ProductCandidate[];

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a !== '' && nameSimilarity(a, b) === 1;

/**
 * 商品编号 and 申报要素 for a line from a product released before whose name is the line's name (Chinese or
 * English) or whose 货号 is its item number: the library learns only released declarations, so what it
 * proposes is what customs accepted for the same goods.
 */
export function libraryProposal(
  findProduct: FindProduct,
  line: DocumentLine | undefined,
): { codeTs: ProposedValue; elements?: string; unit?: ProposedValue } | undefined {
  if (!line) return undefined;
  const names = [line.nameZh?.value, line.nameEn?.value].filter((n): n is string => n !== undefined && n !== '');
  const itemNo = line.itemNo?.value;
  const candidates = names.flatMap((name) => findProduct({ name, ...(itemNo ? { itemNo } : {}) }));
  let best: { product: ProductCandidate; score: number } | undefined;
  for (const product of candidates) {
    const f = product.fields;
    if (!product.learned || !f.CodeTS) continue;
    const byName = names.some((n) => same(n, f.GName) || same(n, f.DeclGoodsEname));
    const byItem = itemNo !== undefined && f.ExgNo !== undefined && f.ExgNo.toUpperCase() === itemNo.toUpperCase();
    if (!byName && !byItem) continue;
    const model = line.model?.value;
    const score = (byItem ? 2 : 0) + (byName ? 1 : 0) + (model && f.GModel?.includes(model) ? 1 : 0);
    if (!best || score > best.score) best = { product, score };
  }
  if (!best) return undefined;
  const { fields, id } = best.product;
  return {
    codeTs: { value: fields.CodeTS ?? '', fromLibrary: { productId: id } },
    ...(fields.GModel ? { elements: fields.GModel } : {}),
    ...(fields.GUnit ? { unit: { value: fields.GUnit, fromLibrary: { productId: id } } } : {}),
  };
}
