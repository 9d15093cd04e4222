/**
 * 申报要素 ↔ 规格型号 (GModel): the values in the order the tariff lists the elements for the HS
 * code, joined with "|" (DOMAIN.md §1.1, §1.6). A "|" typed inside a value would shift every later
 * position, so it becomes "/".
 */
export function splitGModel(gmodel: string, count: number): string[] {
  const parts = gmodel === '' ? [] : gmodel.split('|');
  const values = Array.from({ length: count }, (_, i) => parts[i] ?? '');
  // Anything beyond the listed elements stays with the last one rather than being lost.
  if (count > 0 && parts.length > count) values[count - 1] = parts.slice(count - 1).join('|');
  return values;
}

export function joinGModel(values: readonly string[]): string {
  return values.map((v) => v.trim().replace(/\|/g, '/')).join('|');
}
