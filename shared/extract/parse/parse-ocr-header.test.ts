import { describe, expect, it } from 'vitest';
import type { DocumentLine, ParsedDocument } from '../document';
import type { TextLine } from '../../../test-support/shared/document-text';
import { tableLine, textDocument, textPage } from '../../../test-support/shared/document-text';
import { parseDocument } from './parse-document';

// What an OCR engine's runs do to a goods table's header that a text layer's do not: header cells joined into one
// run, a word's ink boxed short of its spaces, a header word misread. Each case is set as Tesseract gave the runs.

const values = (line: DocumentLine) =>
  Object.fromEntries(
    Object.entries(line).flatMap(([k, v]) => (k === 'index' ? [] : [[k, (v as { value: string }).value]])),
  );

describe('parseDocument on OCR runs of a goods table header', () => {
  it.each([
    ["most of a box height after its header word, as Tesseract boxes a word's ink", 0.8],
    ['further off, where a monospaced print sets its space wider than the ink of "N.W."', 1.3],
  ])('takes a bracketed unit an OCR engine sets %s as part of that header', (_, gap) => {
    // The header's words `gap` box heights apart (the box as high as the 9-point font); the weights set right,
    // under "(KGS)".
    const after = (x: number, word: string) => x + word.length * 0.55 * 9 + gap * 9;
    const page = textPage(0, [
      [
        [40, 'No.'],
        [70, 'Description'],
        [250, 'Qty'],
        [330, 'CTNS'],
        [390, 'N.W.'],
        [after(390, 'N.W.'), '(KGS)'],
        [470, 'G.W.'],
        [after(470, 'G.W.'), '(KGS)'],
      ],
      [
        [40, '1'],
        [70, 'Bolt'],
        [250, '1,000 PCS'],
        [335, '4'],
        [after(390, 'N.W.') + 5, '40.5'],
        [after(470, 'G.W.') + 5, '42.0'],
      ],
    ]);
    const doc = parseDocument(textDocument('packing.pdf', [page]));
    expect(doc.lines.map((l) => [l.packages?.value, l.netWeight?.value, l.grossWeight?.value])).toEqual([
      ['4', '40.5', '42.0'],
    ]);
  });

  it.each<[joined: string, fileName: string, lines: TextLine[], read: Record<string, string>]>([
    [
      // Tesseract reading the page as one block joins header cells set closer than its word gap: "数量 Q'ty" with the
      // next column's "单价 (USD) Unit", and "金额 (USD)" with "原产国" as "Amount (USD)" with "Origin" under it.
      'over several columns, at a Chinese header word or after a bracket',
      'invoice.pdf',
      [
        [
          [40, '序号'],
          [80, '品名'],
          [250, "数量 Q'ty 单价 (USD) Unit"],
          [420, '金额 (USD) 原产国'],
        ],
        [
          [40, 'No.'],
          [80, 'Description'],
          [305, 'Price (USD)'],
          [420, 'Amount (USD) Origin'],
        ],
        [
          [40, '1'],
          [80, 'Bolt'],
          [250, '1,000 PCS'],
          [310, '0.25'],
          [430, '250.00'],
          [480, 'Italy'],
        ],
      ],
      {
        itemNo: '1',
        nameEn: 'Bolt',
        quantity: '1000',
        unit: 'PCS',
        unitPrice: '0.25',
        amount: '250.00',
        origin: 'Italy',
      },
    ],
    [
      'across two columns of Chinese header words read without a space ("件数净重")',
      'packing.pdf',
      [
        [
          [40, 'No.'],
          [80, 'Description'],
          [250, 'Qty'],
          [300, '件数净重 (千克) 毛重 (千克)'],
        ],
        [
          [40, '1'],
          [80, 'Bolt'],
          [250, '1,000 PCS'],
          [305, '4'],
          [328, '40.5'],
          [378, '42.0'],
        ],
      ],
      {
        itemNo: '1',
        nameEn: 'Bolt',
        quantity: '1000',
        unit: 'PCS',
        packages: '4',
        netWeight: '40.5',
        grossWeight: '42.0',
      },
    ],
  ])('parts a header run OCR joined %s', (_, fileName, lines, read) => {
    const doc = parseDocument(textDocument(fileName, [textPage(0, lines)]));
    expect(doc.lines.map(values)).toEqual([read]);
  });

  it('names weight columns whose headers OCR garbled by what they hold: net at least half the gross on each line', () => {
    // "净重 (千克)" and "毛重 (千克)" as Tesseract read them from a narrow ruled table; the weights under them are right,
    // one gross weight misread ("31.51" as "3151"). A column of volumes beside the gross weight is no net weight.
    const x = { no: 40, name: 70, model: 140, qty: 200, ctns: 250, a: 300, b: 360, c: 420 };
    const line = (cells: readonly string[]) =>
      tableLine(x, Object.fromEntries(Object.keys(x).map((k, i) => [k, cells[i]])));
    const page = (a: string, b: string, c: string, unit = '') =>
      textPage(0, [
        line(['序号', '品名', '型号', '数量', '件数', a, b, c]),
        line(['1', '毛巾', 'T-1', '287', '3', `31.57${unit}`, `36.25${unit}`, '0.12']),
        line(['2', '毛巾', 'T-2', '262', '4', `28.82${unit}`, `3151${unit}`, '0.16']),
        line(['3', '运动鞋', 'S-3', '2360', '102', `1840.80${unit}`, `2033.29${unit}`, '4.08']),
        tableLine(x, { name: '合计', qty: '2909', ctns: '109', a: '1901.19', b: '2101.05', c: '4.36' }),
      ]);
    const weights = (doc: ParsedDocument) => [
      doc.lines.map((l) => [l.netWeight?.value, l.grossWeight?.value]),
      [doc.totals.netWeight?.value, doc.totals.grossWeight?.value],
    ];
    expect(weights(parseDocument(textDocument('packing.pdf', [page('HH (T 5)', 'EH(TR)', 'XX')])))).toEqual([
      [
        ['31.57', '36.25'],
        ['28.82', '3151'],
        ['1840.80', '2033.29'],
      ],
      ['1901.19', '2101.05'],
    ]);
    // One header read: the garbled one beside it is named when its numbers fit, the volumes never.
    const net = parseDocument(textDocument('packing.pdf', [page('HH (T 5)', '毛重', 'XX')]));
    expect(net.lines.map((l) => l.netWeight?.value)).toEqual(['31.57', '28.82', '1840.80']);
    const gross = parseDocument(textDocument('packing.pdf', [page('件数', '净重', 'EH(TR)')]));
    expect(gross.lines.map((l) => l.grossWeight?.value)).toEqual([undefined, undefined, undefined]);
    // Weights printed with their unit, whatever its spelling (KGM, the code an ERP may write), are weighed alike.
    const withUnit = parseDocument(textDocument('packing.pdf', [page('HH (T 5)', 'EH(TR)', 'XX', ' KGM')]));
    expect(weights(withUnit)[0]).toEqual([
      ['31.57', '36.25'],
      ['28.82', '3151'],
      ['1840.80', '2033.29'],
    ]);
  });

  it('names a header misread by a letter ("CTINS", "CINS") when the rest of its line is a header', () => {
    const x = { name: 40, qty: 200, ctns: 260, nw: 320 };
    const page = (ctns: string) =>
      textPage(0, [
        tableLine(x, { name: 'Description', qty: "Q'ty", ctns, nw: 'N.W. (KGS)' }),
        tableLine(x, { name: 'Bolt', qty: '1,000 PCS', ctns: '4', nw: '40.5' }),
      ]);
    for (const ctns of ['CTINS', 'CINS', 'CTNS'])
      expect(parseDocument(textDocument('packing.pdf', [page(ctns)])).lines[0]?.packages?.value).toBe('4');
  });

  it('ends the table at a totals row whose Chinese label OCR garbled ("合计: TOTAL:" read "Ait: TOTAL:")', () => {
    const x = { name: 40, qty: 200, amount: 300 };
    const page = (label: string) =>
      textPage(0, [
        tableLine(x, { name: 'Description', qty: "Q'ty", amount: 'Amount (USD)' }),
        tableLine(x, { name: 'Theodolite', qty: '2', amount: '9,000.00' }),
        tableLine(x, { name: 'Tripod', qty: '4', amount: '400.00' }),
        tableLine(x, { name: label, amount: '9,400.00' }),
      ]);
    for (const label of ['Ait: TOTAL:', '合计: TOTAL', 'TOTAL']) {
      const doc = parseDocument(textDocument('invoice.png', [page(label)]));
      // The totals row is no goods line, and its amount is the document's total.
      expect(doc.lines.map((l) => l.nameEn?.value)).toEqual(['Theodolite', 'Tripod']);
      expect(doc.totals.amount?.value).toBe('9400.00');
    }
  });
});
