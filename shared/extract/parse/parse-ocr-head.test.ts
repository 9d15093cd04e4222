import { describe, expect, it } from 'vitest';
import { textDocument, textPage, type TextLine } from '../../../test-support/shared/document-text';
import { parseDocument } from './parse-document';

// Head values as an OCR engine reads them: a party's label line joined to the name under it and garbled, marks
// misread in a name, the address taken for the name.

const sellerOf = (lines: readonly TextLine[]) =>
  parseDocument(
    textDocument('invoice.png', [
      textPage(0, [[[200, 'NORDIC MACHINERY AB']], [[220, 'COMMERCIAL INVOICE']], ...lines]),
    ]),
  ).head.seller?.value;

describe('parseDocument on OCR runs of an invoice head', () => {
  it('takes the seller from the letterhead when the seller label reads it worse or not at all', () => {
    // The label and the name under it read as one garbled line: no seller label at all.
    expect(
      sellerOf([
        [
          [40, 'pry MACHINERY AB'],
          [400, 'Invoice No.:'],
          [470, 'INV-1'],
        ],
      ]),
    ).toBe('NORDIC MACHINERY AB');
    // The same name with a space or a mark misread, or the signature's "For and on behalf of" it.
    expect(sellerOf([[[40, 'Seller:']], [[40, 'NORDIC MACHINERYAB']]])).toBe('NORDIC MACHINERY AB');
    expect(sellerOf([[[40, '卖方签章 For and on behalf of NORDIC MACHINERY AB']]])).toBe('NORDIC MACHINERY AB');
    // The name missed, its address read under the label instead.
    expect(sellerOf([[[40, 'Seller:']], [[40, '12 Industrivagen, Goteborg, Sweden']]])).toBe('NORDIC MACHINERY AB');
  });

  it('keeps the seller its label names when that is another company than the letterhead', () => {
    // A trading agent's letterhead over the seller it acts for.
    expect(sellerOf([[[40, 'Seller:']], [[40, 'GOTEBORG PUMPS AB']]])).toBe('GOTEBORG PUMPS AB');
    const plain = parseDocument(
      textDocument('invoice.png', [
        textPage(0, [[[220, 'COMMERCIAL INVOICE']], [[40, 'Seller:']], [[40, 'Acme Pumps']]]),
      ]),
    );
    expect(plain.head.seller?.value).toBe('Acme Pumps');
  });

  it('reads an invoice number past a mark OCR made of a speck, and never a word without a digit', () => {
    const invoiceNo = (line: TextLine) =>
      parseDocument(textDocument('invoice.png', [textPage(0, [line])])).head.invoiceNo?.value;
    // A speck under the label's colon read as "一", in the label's cell; letters read from a rule's end.
    expect(
      invoiceNo([
        [400, 'Invoice No.: 一'],
        [480, 'SW/2026/8692'],
      ]),
    ).toBe('SW/2026/8692');
    expect(
      invoiceNo([
        [400, 'Invoice No'],
        [440, 'MN'],
        [480, 'SW/2026/4145'],
      ]),
    ).toBe('SW/2026/4145');
    expect(
      invoiceNo([
        [400, 'Invoice No.:'],
        [480, 'we.'],
      ]),
    ).toBeUndefined();
  });

  it('drops a piece of a word OCR read a second time over the whole word', () => {
    const page = textPage(0, [
      [
        [400, 'Invoice No.:'],
        [480, 'SW/2026/8886'],
        [485, 'W/202'],
      ],
    ]);
    expect(parseDocument(textDocument('invoice.png', [page])).head.invoiceNo?.value).toBe('SW/2026/8886');
  });

  it('reads a bilingual label whose Chinese OCR garbled by its English, and a value set a little off its line', () => {
    const date = (page: ReturnType<typeof textPage>) =>
      parseDocument(textDocument('invoice.png', [page])).head.invoiceDate?.value;
    expect(
      date(
        textPage(0, [
          [
            [400, 'HHA: Date:'],
            [480, '2026-02-11'],
          ],
        ]),
      ),
    ).toBe('2026-02-11');
    // The value's line 0.7 of a box height above the label's, so the two are read as lines of their own.
    const page = textPage(0, [
      [
        [400, 'Date:'],
        [480, '06 MAR 2026'],
      ],
    ]);
    const value = page.runs.find((r) => r.text === '06 MAR 2026');
    if (value) value.box = { ...value.box, y: value.box.y - value.box.h * 0.7 };
    expect(date(page)).toBe('2026-03-06');
  });
});
