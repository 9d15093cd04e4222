// How well the review's flags point at the values a scan was read wrong: a value is flagged when a cross-check of its
// document fails on it or OCR read it with low confidence (shared/extract/certainty.ts). Counted over the values a
// reading gave, aligned with the truth as the scorer aligns them (score.ts): of the wrong ones, how many are flagged
// (the broker is shown them), and of the right ones, how many are flagged needlessly (noise that teaches the broker to
// look past a flag).
import type { DocumentLine, Found, ParsedDocument } from '../../shared/extract/document';
import { readDoubtfully } from '../../shared/extract/certainty';
import { arithmeticMismatch, totalsMismatches } from '../../shared/extract/propose/checks';
import { alignLines, normalised } from './score';
import type { TruthDocument } from './truth';

export interface FlagCount {
  wrong: number;
  wrongFlagged: number;
  right: number;
  rightFlagged: number;
}

/** Flag counts for each confidence threshold tried. */
export type FlagCounts = Map<number, FlagCount>;

const given = (f: Found | undefined): f is Found => f !== undefined && f.value.trim() !== '';
const arithmetic = new Set(['quantity', 'unitPrice', 'amount']);

type Fields = Record<string, Found | undefined>;
const foundFields = (o: object): Fields =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== 'index' && typeof v === 'object')) as Fields;

/**
 * Adds one document's values to `into` for each threshold. A failed line arithmetic flags that line's quantity, price
 * and amount (the review marks the line and its amount); a total the lines do not add up to flags the total and that
 * column's values (the review lists the check with the printed total highlighted).
 */
export function addFlags(
  into: FlagCounts,
  thresholds: readonly number[],
  truth: TruthDocument,
  parsed: ParsedDocument | null,
): void {
  if (!parsed) return;
  const badTotals = new Set(totalsMismatches(parsed).map((m) => m.field));
  const values: { field: string; found: Found; truth: string | undefined; checked: boolean }[] = [];
  const compare = (
    prefix: string,
    t: Record<string, string | undefined>,
    got: Fields,
    checked: (k: string) => boolean,
  ) => {
    for (const [k, found] of Object.entries(got))
      if (given(found)) values.push({ field: `${prefix}${k}`, found, truth: t[k], checked: checked(k) });
  };
  compare('head.', truth.head, foundFields(parsed.head), () => false);
  compare('totals.', truth.totals, foundFields(parsed.totals), (k) => badTotals.has(k));
  const truthLines = truth.lines.map(({ index: _index, ...rest }) => rest);
  const lineValues = (l: DocumentLine) =>
    Object.fromEntries(Object.entries(foundFields(l)).map(([k, v]) => [k, v?.value]));
  for (const [i, j] of alignLines(truthLines, parsed.lines.map(lineValues))) {
    const line = parsed.lines[j];
    if (!line) continue;
    const wrongSum = arithmeticMismatch(line) !== null;
    compare(
      'line.',
      truthLines[i] ?? {},
      foundFields(line),
      (k) => badTotals.has(k) || (wrongSum && arithmetic.has(k)),
    );
  }
  for (const below of thresholds) {
    const c = into.get(below) ?? { wrong: 0, wrongFlagged: 0, right: 0, rightFlagged: 0 };
    into.set(below, c);
    for (const v of values) {
      const right = v.truth !== undefined && normalised(v.field, v.truth) === normalised(v.field, v.found.value);
      const flagged = v.checked || readDoubtfully(v.found, below);
      if (right) {
        c.right++;
        if (flagged) c.rightFlagged++;
      } else {
        c.wrong++;
        if (flagged) c.wrongFlagged++;
      }
    }
  }
}
