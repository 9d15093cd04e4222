/**
 * "Name contains" for libraries of a million parties or products, without scanning them: each
 * name is indexed (SQLite FTS5) as the sequence of its overlapping two-character grams, and a
 * query of two or more characters is the phrase of its own grams — consecutive grams match
 * exactly where the query is a substring of the name, in Chinese as in English (no word
 * boundaries needed). Grams are written as hexadecimal code points joined by `g` (鲜苹 →
 * 9c9cg82f9), so any character, punctuation included, survives FTS5's tokenizer.
 */
function gram(a: number, b: number): string {
  return `${a.toString(16)}g${b.toString(16)}`;
}

function codePoints(text: string): number[] {
  return [...text.normalize('NFKC').toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
}

/** The grams of a name (its texts joined by a line break), as the text FTS5 indexes. */
export function nameGrams(...texts: readonly string[]): string {
  const out: string[] = [];
  for (const text of texts) {
    const cps = codePoints(text.trim());
    if (cps.length === 1) out.push(gram(cps[0] ?? 0, 0));
    for (let i = 0; i + 1 < cps.length; i++) out.push(gram(cps[i] ?? 0, cps[i + 1] ?? 0));
  }
  return out.join(' ');
}

/** The FTS5 phrase that finds names holding `query`; null for a query of fewer than two characters. */
export function gramsPhrase(query: string): string | null {
  const cps = codePoints(query.trim());
  if (cps.length < 2) return null;
  const grams: string[] = [];
  for (let i = 0; i + 1 < cps.length; i++) grams.push(gram(cps[i] ?? 0, cps[i + 1] ?? 0));
  return `"${grams.join(' ')}"`;
}
