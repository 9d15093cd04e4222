import { describe, expect, it } from 'vitest';
import {
  invoicePairTruth,
  invoicePdf,
  invoiceScanPng,
  invoiceText,
  packingListText,
} from '../../test-support/main/invoice-fixtures';
import { seededRandom } from '../../test-support/shared/seeded-random';
import { amountInChinese, amountInWords } from './printed';
import { decimal, drawShipment, quantityText } from './shipment';
import { layouts } from './layouts';
import { truthDocument, truthExtraction } from './truth';

const runText = (t: ReturnType<typeof invoiceText>) => t.pages.flatMap((p) => p.runs.map((r) => r.text)).join('\n');
const plain = (s: string) => s.replace(/,/g, '');

describe('generated shipments and their truth', () => {
  it('adds up: each amount is quantity × price rounded, totals are the sums, gross exceeds net', () => {
    const r = seededRandom('shipment sums');
    for (let n = 0; n < 20; n++) {
      const s = drawShipment(r.int(2 ** 31));
      expect(s.lines.length).toBeGreaterThanOrEqual(1);
      expect(s.lines.length).toBeLessThanOrEqual(60);
      for (const l of s.lines) {
        expect(l.amount).toBe(Math.round((l.quantity * l.unitPrice) / 1000));
        // As printed too: the quantity's text times the price's text is the amount's text, to the cent.
        // In whole thousandths and cents: 3413.70 × 0.75 in floating point is 2560.27499…, not 2560.275.
        const thousandths = Math.round(Number(quantityText(l.quantity)) * 1000);
        const cents = Math.round(Number(decimal(l.unitPrice, 2)) * 100);
        const printed = Math.round((thousandths * cents) / 1000);
        expect(printed, `${quantityText(l.quantity)} × ${decimal(l.unitPrice, 2)}`).toBe(l.amount);
        expect(l.grossWeight).toBeGreaterThan(l.netWeight);
      }
      expect(s.totals.amount).toBe(s.lines.reduce((t, l) => t + l.amount, 0));
      expect(drawShipment(s.seed)).toEqual(s);
    }
  });

  it('keeps in the truth only what a layout prints, as decimals and codes', () => {
    const s = drawShipment(4242, 3);
    for (const layout of layouts) {
      const invoice = truthDocument(layout, s, 'invoice', 'i.pdf');
      const printed = layout.columns('invoice', s).flatMap((c) => c.prints);
      expect(Object.keys(invoice.lines[0] ?? {}).sort()).toEqual(['index', ...printed].sort());
      expect(invoice.totals.amount).toBe(decimal(s.totals.amount, 2));
      const extraction = truthExtraction(layout, s);
      expect(extraction.lines[0]?.GUnit).toMatch(/^\d{3}$/);
      expect(extraction.head.TransMode).toMatch(/^[1-7]$/);
    }
  });

  it('says amounts in words in English and in Chinese capitals', () => {
    expect(amountInWords(1_234_550, 'US DOLLARS')).toBe(
      'SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE AND CENTS FIFTY ONLY.',
    );
    expect(amountInChinese(1_234_550, '美元')).toBe('美元壹万贰仟叁佰肆拾伍元伍角');
    expect(amountInChinese(100_000_800, '人民币')).toBe('人民币壹佰万零捌元整');
  });
});

describe('the committed invoice pair', () => {
  it('is a PDF pair, a PNG scan, and truth whose every value is on the laid-out page', () => {
    expect(new TextDecoder().decode(invoicePdf().bytes.slice(0, 5))).toBe('%PDF-');
    expect([...invoiceScanPng().bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const truth = invoicePairTruth();
    const text = plain(runText(invoiceText()));
    for (const line of truth.invoice.lines)
      for (const [field, value] of Object.entries(line))
        if (field !== 'index' && field !== 'origin') expect(text).toContain(plain(String(value)));
    expect(text).toContain(truth.invoice.head.invoiceNo);
    const packing = plain(runText(packingListText()));
    for (const line of truth.packingList.lines) expect(packing).toContain(line.grossWeight);
    expect(truth.extraction.lines).toHaveLength(truth.invoice.lines.length);
  });
});
