import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../shared/extract/document';
import { invoicePairTruth } from '../../test-support/main/invoice-fixtures';
import { addFlags, type FlagCounts } from './flags';
import { asParsedDocument } from './truth';

describe('the review flags counted against the truth', () => {
  it('counts a wrong value flagged by low confidence or by a failed line sum, and a right value flagged needlessly', () => {
    const truth = invoicePairTruth().invoice;
    const read = asParsedDocument(truth);
    const [first, second, third] = read.lines;
    if (!first?.model || !second?.nameEn || !third?.amount) throw new Error('the fixture invoice has changed');
    first.model = { value: `${first.model.value}X`, confidence: 0.4 }; // wrong, unsure
    second.nameEn = { ...second.nameEn, confidence: 0.6 }; // right, unsure
    third.amount = { value: '1.00' }; // wrong, sure: its quantity × price fails
    const doc: ParsedDocument = { ...read, totals: {} };
    const counts: FlagCounts = new Map();
    addFlags(counts, [0, 0.5, 0.9], truth, doc);
    const values = Object.keys(truth.head).length + truth.lines.reduce((n, l) => n + Object.keys(l).length - 1, 0);
    expect(counts.get(0)).toEqual({ wrong: 2, wrongFlagged: 1, right: values - 2, rightFlagged: 2 });
    expect(counts.get(0.5)).toEqual({ wrong: 2, wrongFlagged: 2, right: values - 2, rightFlagged: 2 });
    expect(counts.get(0.9)).toEqual({ wrong: 2, wrongFlagged: 2, right: values - 2, rightFlagged: 3 });
  });
});
