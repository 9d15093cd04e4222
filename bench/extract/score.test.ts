import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../shared/extract/document';
import { invoicePairTruth } from '../../test-support/main/invoice-fixtures';
import { alignLines, normalised, rates, scoreDocument } from './score';
import { asParsedDocument } from './truth';

describe('the scorer', () => {
  it('compares numbers as decimals and codes and text folded', () => {
    expect(normalised('amount', '1,234.50')).toBe(normalised('amount', '1234.5'));
    expect(normalised('quantity', '0012')).toBe('12');
    expect(normalised('amount', '12.3.4')).not.toBe(normalised('amount', '12.34'));
    expect(normalised('unit', ' pcs ')).toBe('PCS');
    expect(normalised('model', 'ＡＢ-１２')).toBe('AB-12');
  });

  it('scores a perfect reading 100 % and aligns past a missed line', () => {
    const truth = invoicePairTruth().invoice;
    const perfect = asParsedDocument(truth);
    expect(rates(scoreDocument(truth, perfect))).toMatchObject({ precision: 1, recall: 1 });
    const missing: ParsedDocument = { ...perfect, lines: perfect.lines.filter((l) => l.index !== 1) };
    const counts = scoreDocument(truth, missing);
    const perLine = Object.keys(truth.lines[0] ?? {}).length - 1;
    expect(rates(counts).expected - rates(counts).correct).toBe(perLine);
    expect(rates(counts).precision).toBe(1);
    expect(counts['line.amount']).toEqual({ expected: 5, predicted: 4, correct: 4 });
  });

  it('counts a wrong value against both precision and recall, and nothing read as all missed', () => {
    const truth = invoicePairTruth().invoice;
    const perfect = asParsedDocument(truth);
    const wrong = { ...perfect, head: { ...perfect.head, invoiceNo: { value: 'X-1' } } };
    expect(scoreDocument(truth, wrong)['head.invoiceNo']).toEqual({ expected: 1, predicted: 1, correct: 0 });
    expect(rates(scoreDocument(truth, null))).toMatchObject({ recall: 0, precision: 0 });
  });

  it('pairs lines in order, leaving out an extra line', () => {
    const a = [{ amount: '1' }, { amount: '2' }, { amount: '3' }];
    const b = [{ amount: '1' }, { amount: '9' }, { amount: '2' }, { amount: '3' }];
    expect(alignLines(a, b)).toEqual([
      [0, 0],
      [-1, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});
