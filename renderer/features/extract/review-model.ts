import type { ExtractResult } from '../../../shared/api';
import { readDoubtfully } from '../../../shared/extract/certainty';
import type { ExtractionMismatch, ProposedLineField, ProposedValue } from '../../../shared/extract/document';
import { proposedLineFields } from '../../../shared/extract/document';

/** The head values accepting may write, in the order the review lists them (the currency is each line's). */
export const headFields = ['ContrNo', 'TransMode', 'PackNo', 'GrossWet', 'NetWt'] as const;
export type HeadField = (typeof headFields)[number];

/** The columns of the review's table, in the goods grid's order. */
export const reviewColumns: readonly ProposedLineField[] = proposedLineFields;

/** One proposed line as the broker is reviewing it: the values as edited, and whether it is accepted. */
export interface DraftLine {
  accepted: boolean;
  values: Partial<Record<ProposedLineField, string>>;
}

export interface DraftHead {
  field: HeadField;
  taken: boolean;
  value: string;
}

/** Every line accepted with its values as proposed; every head value offered, taken. */
export function draftOf(result: ExtractResult): { lines: DraftLine[]; head: DraftHead[] } {
  const { extraction } = result;
  return {
    lines: extraction.lines.map((line) => ({
      accepted: true,
      values: Object.fromEntries(Object.entries(line.values).map(([field, v]) => [field, v.value])),
    })),
    head: headFields.flatMap((field) => {
      const offered = extraction.head[field];
      return offered ? [{ field, taken: true, value: offered.value }] : [];
    }),
  };
}

/** The mismatches that concern one line (and, with a field, that cell). */
export function mismatchesOf(
  mismatches: readonly ExtractionMismatch[],
  line: number,
  field?: ProposedLineField,
): ExtractionMismatch[] {
  return mismatches.filter((m) => m.line === line && (field === undefined || m.field === field));
}

/** Whether a value is flagged as read with low OCR confidence: until the broker changes it from what was read. */
export function isDoubtful(proposed: ProposedValue | undefined, current: string | undefined): boolean {
  return proposed !== undefined && current === proposed.value && readDoubtfully(proposed.source);
}

/**
 * The values flagged as read with low confidence, line by line in the table's order, then the head's: where each is
 * and the value itself (the draft's, which is the one read while it is flagged).
 */
export function doubtfulOf(
  result: ExtractResult,
  draft: { lines: DraftLine[]; head: DraftHead[] },
): { at: { line: number; field: ProposedLineField } | { head: HeadField }; value: string }[] {
  const { extraction } = result;
  return [
    ...draft.lines.flatMap((line, index) =>
      reviewColumns.flatMap((field) => {
        const value = line.values[field];
        return value !== undefined && isDoubtful(extraction.lines[index]?.values[field], value)
          ? [{ at: { line: index, field }, value }]
          : [];
      }),
    ),
    ...draft.head
      .filter((h) => isDoubtful(extraction.head[h.field], h.value))
      .map((h) => ({ at: { head: h.field }, value: h.value })),
  ];
}

/** What apply sends: the accepted lines' values and the head values taken. */
export function acceptedOf(draft: { lines: DraftLine[]; head: DraftHead[] }) {
  return {
    lines: draft.lines.filter((l) => l.accepted).map((l) => ({ values: l.values })),
    head: Object.fromEntries(draft.head.filter((h) => h.taken && h.value.trim() !== '').map((h) => [h.field, h.value])),
  };
}

/** What a file is for the review: a spreadsheet goes to the column mapping, a page-like file is read here. */
export function isSpreadsheet(fileName: string): boolean {
  return /\.(xlsx|xls|csv)$/i.test(fileName);
}
