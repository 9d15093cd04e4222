// Field-level precision and recall of a reading against the truth: every head value, line value and total is one
// field. A value counts as right when it equals the truth once both are normalised — numbers as decimals
// ("1,234.50" = "1234.5"), codes as codes (case and width aside), text with its spaces and width folded. Lines are
// aligned before they are compared, so a line the parser missed or split costs that line, not every line after it.
import type { Extraction, Found, ParsedDocument } from '../../shared/extract/document';
import type { TruthDocument, TruthExtraction } from './truth';

// The document's numeric fields, then the declaration's.
const numeric = new Set([
  ...'quantity unitPrice amount packages netWeight grossWeight'.split(' '),
  ...'GQty DeclPrice DeclTotal NetWt GrossWt PackNo GrossWet'.split(' '),
]);

function canonicalDecimal(text: string): string | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const [whole = '', frac = ''] = t.split('.');
  const w = whole.replace(/^(-?)0+(?=\d)/, '$1');
  const f = frac.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

/** The form two values are compared in: decimals for numbers, folded text for the rest. */
export function normalised(field: string, value: string): string {
  if (numeric.has(field)) return canonicalDecimal(value) ?? `?${value}`;
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toUpperCase();
}

export interface FieldCount {
  /** Values the truth has, values the reading gave, and values the reading got right. */
  expected: number;
  predicted: number;
  correct: number;
}

export type FieldCounts = Record<string, FieldCount>;

function count(into: FieldCounts, field: string, truth: string | undefined, got: string | undefined): void {
  const c = (into[field] ??= { expected: 0, predicted: 0, correct: 0 });
  const has = (v: string | undefined) => v !== undefined && v.trim() !== '';
  if (has(truth)) c.expected++;
  if (has(got)) c.predicted++;
  if (has(truth) && has(got) && normalised(field, truth ?? '') === normalised(field, got ?? '')) c.correct++;
}

type Row = Record<string, string | undefined>;

/** Aligns two lists of lines in order (Needleman–Wunsch on the count of equal fields): index pairs, -1 for none. */
export function alignLines(truth: readonly Row[], got: readonly Row[]): [number, number][] {
  const same = (a: Row, b: Row) =>
    Object.keys(a).filter(
      (k) => a[k] !== undefined && b[k] !== undefined && normalised(k, a[k] ?? '') === normalised(k, b[k] ?? ''),
    ).length;
  const n = truth.length;
  const m = got.length;
  const score = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const row = score[i] ?? [];
      const pair = same(truth[i] ?? {}, got[j] ?? {});
      row[j] = Math.max((score[i + 1]?.[j + 1] ?? 0) + pair, score[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = score[i]?.[j] ?? 0;
    if (i < n && j < m && here === (score[i + 1]?.[j + 1] ?? 0) + same(truth[i] ?? {}, got[j] ?? {}) && here > 0) {
      out.push([i++, j++]);
    } else if (i < n && (j >= m || here === (score[i + 1]?.[j] ?? 0))) out.push([i++, -1]);
    else out.push([-1, j++]);
  }
  return out;
}

const values = (r: object): Row =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([k]) => k !== 'index')
      .map(([k, v]) => [k, typeof v === 'object' && v !== null ? String((v as Found).value) : undefined]),
  );

function compareRows(into: FieldCounts, prefix: string, truth: Row, got: Row): void {
  for (const field of new Set([...Object.keys(truth), ...Object.keys(got)]))
    count(into, `${prefix}${field}`, truth[field], got[field]);
}

function compareLines(into: FieldCounts, prefix: string, truth: readonly Row[], got: readonly Row[]): void {
  for (const [i, j] of alignLines(truth, got)) compareRows(into, prefix, truth[i] ?? {}, got[j] ?? {});
}

/** The fields of one parsed document against its truth; `null` (nothing read) counts every truth value missed. */
export function scoreDocument(truth: TruthDocument, parsed: ParsedDocument | null): FieldCounts {
  const into: FieldCounts = {};
  const truthLines = truth.lines.map(({ index: _index, ...rest }) => rest);
  compareRows(into, 'head.', truth.head, parsed ? values(parsed.head) : {});
  compareLines(into, 'line.', truthLines, parsed ? parsed.lines.map(values) : []);
  compareRows(into, 'totals.', truth.totals, parsed ? values(parsed.totals) : {});
  return into;
}

/** The fields of an extraction (proposed lines and head values) against what the pair should propose. */
export function scoreExtraction(truth: TruthExtraction, got: Extraction | null): FieldCounts {
  const into: FieldCounts = {};
  const proposed = (got?.lines ?? []).map((l) =>
    Object.fromEntries(Object.entries(l.values).map(([k, v]) => [k, v?.value])),
  );
  compareLines(into, 'proposed.', truth.lines, proposed);
  const head = Object.fromEntries(Object.entries(got?.head ?? {}).map(([k, v]) => [k, v?.value]));
  compareRows(into, 'proposedHead.', truth.head, head);
  return into;
}

export function addCounts(into: FieldCounts, more: FieldCounts): FieldCounts {
  for (const [field, c] of Object.entries(more)) {
    const t = (into[field] ??= { expected: 0, predicted: 0, correct: 0 });
    t.expected += c.expected;
    t.predicted += c.predicted;
    t.correct += c.correct;
  }
  return into;
}

export interface Rates {
  expected: number;
  correct: number;
  /** Right among the values given; right among the values the truth has (the "fields right" of the goal). */
  precision: number;
  recall: number;
}

export function rates(counts: FieldCounts | FieldCount): Rates {
  const all: FieldCount =
    'expected' in counts && typeof counts.expected === 'number'
      ? (counts as FieldCount)
      : Object.values(counts as FieldCounts).reduce(
          (t, c) => ({
            expected: t.expected + c.expected,
            predicted: t.predicted + c.predicted,
            correct: t.correct + c.correct,
          }),
          { expected: 0, predicted: 0, correct: 0 },
        );
  return {
    expected: all.expected,
    correct: all.correct,
    precision: all.predicted ? all.correct / all.predicted : 0,
    recall: all.expected ? all.correct / all.expected : 0,
  };
}

/** A table of the fields by precision and recall, worst recall first, for the bench's report. */
export function fieldTable(counts: FieldCounts): string {
  return Object.entries(counts)
    .filter(([, c]) => c.expected > 0 || c.predicted > 0)
    .map(([field, c]) => ({ field, ...rates(c) }))
    .sort((a, b) => a.recall - b.recall || a.field.localeCompare(b.field))
    .map(
      (r) =>
        `${r.field.padEnd(26)} P ${(r.precision * 100).toFixed(1).padStart(5)} %  R ${(r.recall * 100).toFixed(1).padStart(5)} %  (${r.correct}/${r.expected})`,
    )
    .join('\n');
}
