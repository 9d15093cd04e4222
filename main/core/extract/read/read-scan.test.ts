import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { scannedInvoice, scannedInvoicePages } from '../../../../test-support/main/scanned-page';
import { tesseractEngine } from '../ocr/tesseract-engine';
import { readDocument } from './read-document';

// The real OCR engine (tesseract.js with its Chinese and English models) on a scanned PDF: a page drawn by the
// real Chromium, taken as a PNG and put in a PDF as its only content. OCR takes seconds of CPU under load.
const engine = tesseractEngine();
afterAll(() => engine.close());

describe('readDocument on a scanned PDF with the real OCR engine', () => {
  it(
    'reads the invoice number, the Chinese seller and the amount, with boxes where they were drawn on the page',
    { timeout: 240_000 },
    async () => {
      const [scan] = await scannedInvoicePages([{ turn: 0 }]);
      if (!scan) throw new Error('no scanned page');
      const doc = await PDFDocument.create();
      // 300 dpi: the page as many points as the picture has pixels at 72/300, so it is drawn back at its own size.
      const [width, height] = [(scan.image.width * 72) / 300, (scan.image.height * 72) / 300];
      doc.addPage([width, height]).drawImage(await doc.embedPng(scan.image.png), { x: 0, y: 0, width, height });
      const text = await readDocument({ fileName: 'scan.pdf', bytes: await doc.save() }, { ocr: engine });
      const [page] = text.pages;
      expect(page).toMatchObject({ kind: 'scan-pdf', width, height });
      for (const mark of ['invoiceNo', 'seller', 'amount'] as const) {
        const wanted = scannedInvoice[mark].replace(/\s+/g, '');
        const run = page?.runs.find((r) => r.text.replace(/\s+/g, '').includes(wanted));
        expect(run, `${wanted} among ${JSON.stringify(page?.runs.map((r) => r.text))}`).toBeDefined();
        const drawn = scan.drawn[mark];
        expect(run?.box.page).toBe(0);
        expect(run?.box.x ?? 1).toBeLessThanOrEqual(drawn.x + 0.015);
        expect(run?.box.y ?? 1).toBeLessThanOrEqual(drawn.y + 0.015);
        expect((run?.box.x ?? 0) + (run?.box.w ?? 0)).toBeGreaterThanOrEqual(drawn.x + drawn.w - 0.015);
        expect((run?.box.y ?? 0) + (run?.box.h ?? 0)).toBeGreaterThanOrEqual(drawn.y + drawn.h - 0.015);
      }
    },
  );
});
