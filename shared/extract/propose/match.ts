import type { DocumentLine } from '../document';

const squeeze = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[\s\-_./,()]+/g, '');

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of two names' character pairs, 0–1 (word order and small OCR slips cost little). */
export function nameSimilarity(a: string, b: string): number {
  const x = squeeze(a);
  const y = squeeze(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const ga = bigrams(x);
  const gb = bigrams(y);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, x.length - 1 + (y.length - 1));
  return (2 * common) / total;
}

/** How much speaks for an invoice line and a packing-list line being the same goods. */
function score(inv: DocumentLine, pack: DocumentLine): number {
  let s = 0;
  const item = squeeze(inv.itemNo?.value);
  if (item !== '' && item === squeeze(pack.itemNo?.value)) s += 3;
  const model = squeeze(inv.model?.value);
  if (model !== '' && model === squeeze(pack.model?.value)) s += 3;
  const names = [
    nameSimilarity(inv.nameZh?.value ?? '', pack.nameZh?.value ?? ''),
    nameSimilarity(inv.nameEn?.value ?? '', pack.nameEn?.value ?? ''),
  ];
  s += 3 * Math.max(...names);
  if (inv.quantity && inv.quantity.value === pack.quantity?.value) s += 1;
  return s;
}

/**
 * Pairs invoice lines with packing-list lines, best evidence first: the same item number or model, a like
 * name (in either language), the same quantity. A pair needs more than a quantity alone; lines left over are
 * paired by position only when both lists have the same length and the quantities agree.
 */
export function matchLines(invoice: readonly DocumentLine[], packing: readonly DocumentLine[]): [number, number][] {
  const pairs: { i: number; p: number; s: number }[] = [];
  invoice.forEach((inv, i) =>
    packing.forEach((pack, p) => {
      const s = score(inv, pack);
      if (s >= 2) pairs.push({ i, p, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.p - b.p);
  const usedI = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const { i, p } of pairs) {
    if (usedI.has(i) || usedP.has(p)) continue;
    usedI.add(i);
    usedP.add(p);
    out.push([i, p]);
  }
  if (invoice.length === packing.length) {
    invoice.forEach((inv, i) => {
      const pack = packing[i];
      if (usedI.has(i) || usedP.has(i) || !pack || inv.quantity?.value !== pack.quantity?.value) return;
      usedI.add(i);
      usedP.add(i);
      out.push([i, i]);
    });
  }
  return out.sort((a, b) => a[0] - b[0]);
}
