import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageImage, OcrEngine, OcrOptions, OcrResult } from '../ocr-engine';
import { rejectionOf } from '../../../../test-support/main/app-error';
import { handmadePdf, ucs2Text } from '../../../../test-support/main/handmade-pdf';
import {
  darkPixels,
  jpegWithOrientation,
  multiPageTiff,
  textPicture,
} from '../../../../test-support/main/page-pictures';
import { readDocument, type ReadProgress } from './read-document';
import { renderPage } from './render-page';
import { unifiedHan } from './pdf-text';
import { jpegOrientation } from './images';
import { parseDocument } from '../../../../shared/extract/parse';
import { invoicePdf as corpusInvoicePdf } from '../../../../test-support/main/invoice-fixtures';

/** Stands in for the OCR engine: says which picture it was given, so a test can see what reached it. */
class OcrDouble implements OcrEngine {
  readonly seen: PageImage[] = [];
  constructor(private readonly rotation = 0) {}
  async recognize(image: PageImage, page: number, options?: OcrOptions): Promise<OcrResult> {
    options?.signal?.throwIfAborted();
    this.seen.push(image);
    options?.onProgress?.(0.5);
    const text = `picture ${image.width}x${image.height}`;
    return {
      runs: [{ text, box: { page, x: 0.1, y: 0.1, w: 0.5, h: 0.05 }, confidence: 0.9 }],
      rotation: this.rotation,
    };
  }
  async close(): Promise<void> {}
}

async function invoicePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const upright = doc.addPage([595, 842]);
  upright.drawText('Invoice No. INV-2026-0042', { x: 50, y: 780, size: 14, font });
  upright.drawText('Total USD 12,345.60', { x: 350, y: 100, size: 12, font });
  const turned = doc.addPage([595, 842]);
  turned.setRotation(degrees(90));
  // Drawn bottom-to-top, so that the page turned clockwise by /Rotate shows it reading left to right.
  turned.drawText('Packing list of the landscape page', { x: 60, y: 100, size: 12, font, rotate: degrees(90) });
  return doc.save();
}

describe('readDocument on a text PDF', () => {
  it('gives each run a box where it was drawn, on an upright page and on one turned by /Rotate, and renderPage draws the same frame', async () => {
    const file = { fileName: 'invoice.pdf', bytes: await invoicePdf() };
    const progress: ReadProgress[] = [];
    const text = await readDocument(file, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { page: 1, pages: 2, ocr: null },
      { page: 2, pages: 2, ocr: null },
    ]);
    const [first, second] = text.pages;
    expect(first).toMatchObject({ index: 0, kind: 'text-pdf', width: 595, height: 842, rotation: 0 });
    const invoiceNo = first?.runs.find((run) => run.text === 'Invoice No. INV-2026-0042');
    // Drawn 50 pt from the left, its baseline 62 pt from the top, 14 pt type.
    expect(invoiceNo?.box.x).toBeCloseTo(50 / 595, 2);
    expect(invoiceNo?.box.y).toBeGreaterThan((62 - 14) / 842);
    expect(invoiceNo?.box.y ?? 0).toBeLessThan(62 / 842);
    expect((invoiceNo?.box.y ?? 0) + (invoiceNo?.box.h ?? 0)).toBeGreaterThan(62 / 842);
    // /Rotate 90 shows the page landscape, its text reading upright.
    expect(second).toMatchObject({ index: 1, kind: 'text-pdf', width: 842, height: 595, rotation: 0 });
    const packing = second?.runs[0];
    expect(packing?.box.page).toBe(1);
    expect(packing?.box.w ?? 0).toBeGreaterThan(packing?.box.h ?? 0);
    for (const [index, page] of text.pages.entries()) {
      const picture = await renderPage(file, index, { maxWidth: 600 });
      expect(picture.width).toBe(600);
      for (const run of page.runs) expect(await darkPixels(picture.png, run.box), run.text).toBeGreaterThan(20);
      expect(await darkPixels(picture.png, { x: 0.02, y: 0.6, w: 0.05, h: 0.3 })).toBe(0);
    }
  });

  it('gives a page whose text runs sideways upright, so a landscape table set on a portrait page parses like any other', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    // A landscape table set on a portrait page: its lines read from the bottom up, each cell drawn on its own.
    const rows = [
      ['Description', 'Qty', 'Unit Price', 'Amount'],
      ['Steel bolts M8', '1000', '0.12', '120.00'],
      ['Glass tumbler', '250', '1.50', '375.00'],
    ];
    const columns = [0, 250, 350, 480];
    for (const [i, row] of rows.entries())
      for (const [j, cell] of row.entries())
        page.drawText(cell, { x: 100 + i * 20, y: 100 + (columns[j] ?? 0), size: 12, font, rotate: degrees(90) });
    // Upright on the portrait page, so sideways on the page turned; big enough to be dark when drawn 600 px wide.
    page.drawText('p. 1', { x: 500, y: 40, size: 11, font });
    const file = { fileName: 'sideways.pdf', bytes: await doc.save() };
    const text = await readDocument(file);
    const [read] = text.pages;
    // Turned a quarter clockwise: landscape, the header first from the top and each run wider than tall.
    expect(read).toMatchObject({ rotation: 90, width: 842, height: 595 });
    const header = read?.runs.find((run) => run.text === 'Description');
    expect(header?.box.w ?? 0).toBeGreaterThan(3 * (header?.box.h ?? 0));
    expect(header?.box.x).toBeCloseTo(100 / 842, 2);
    expect(header?.box.y ?? 1).toBeLessThan(read?.runs.find((run) => run.text === '1000')?.box.y ?? 0);
    const parsed = parseDocument(text);
    expect(parsed.lines.map((line) => [line.nameEn?.value, line.quantity?.value, line.amount?.value])).toEqual([
      ['Steel bolts M8', '1000', '120.00'],
      ['Glass tumbler', '250', '375.00'],
    ]);
    // renderPage turned by the page's rotation draws the frame the boxes are in.
    const picture = await renderPage(file, 0, { maxWidth: 600, turn: read?.rotation ?? 0 });
    expect(picture.width).toBe(600);
    expect(picture.height).toBe(Math.round((600 * 595) / 842));
    for (const run of read?.runs ?? []) expect(await darkPixels(picture.png, run.box), run.text).toBeGreaterThan(3);
  });

  it('reads Chinese in a font that is not embedded, through the CMaps shipped with pdfjs-dist, from a Node Buffer too', async () => {
    const line = '商业发票 发票号 INV-0042 数量 单价 原产国 中国';
    const bytes = Buffer.from(handmadePdf([{ content: ucs2Text(line, 50, 780) }]));
    const [page] = (await readDocument({ fileName: '发票.pdf', bytes })).pages;
    expect(bytes.length).toBeGreaterThan(0);
    expect(page?.runs.map((run) => run.text).join(' ')).toBe(line);
    expect(page?.runs[0]?.box.x).toBeCloseTo(50 / 595, 2);
  });
});

describe('readDocument on a PDF Chromium printed', () => {
  it('gives the ideographs a CJK font shares with Kangxi radicals as ideographs, not as the radicals', async () => {
    // Chromium maps the glyph of 皮, 革, 手 and 乙 back to the radicals ⽪⾰⼿⼄: the names were split apart.
    const page = (await readDocument(corpusInvoicePdf())).pages[0];
    const text = page?.runs.map((run) => run.text).join(' ') ?? '';
    expect(text).not.toMatch(/[\u2F00-\u2FDF]/);
    // Each radical came in a font of its own beside the ideographs of another: the cell is still one run.
    const cells = page?.runs.map((run) => run.text) ?? [];
    expect(cells).toContain('皮革手提包');
    expect(cells).toContain('聚乙烯颗粒');
    expect(unifiedHan('⽪⾰⼿提包 ⼄烯 ⼈⺠币 ⻆ Leather １２')).toBe('皮革手提包 乙烯 人民币 角 Leather １２');
    // Radicals of the supplement and Extension A characters a CJK font draws with an ideograph's glyph.
    expect(unifiedHan('⻘岛 硅㬵密封圈 ⻝品 ⻣架')).toBe('青岛 硅胶密封圈 食品 骨架');
  });
});

describe('readDocument joins what a PDF draws in pieces', () => {
  it('gives a word set in two fonts as one run, a word space as a space, and keeps table cells apart', async () => {
    const doc = await PDFDocument.create();
    const sans = await doc.embedFont(StandardFonts.Helvetica);
    const mono = await doc.embedFont(StandardFonts.Courier);
    const page = doc.addPage([595, 842]);
    const size = 10;
    // Pieces drawn one after another on one baseline, each where the last one's advance ends (plus a gap).
    const line = (y: number, pieces: [string, typeof sans, number][]) => {
      let x = 50;
      for (const [text, font, gap] of pieces) {
        x += gap * size;
        page.drawText(text, { x, y, size, font });
        x += font.widthOfTextAtSize(text, size);
      }
    };
    line(700, [
      ['INV-', sans, 0],
      ['2026', mono, 0],
      ['/0042', sans, 0],
      ['Stainless', sans, 4],
      ['steel', mono, 0.3],
      ['bolt', sans, 0.3],
      ['1,000', mono, 3],
    ]);
    // A line's height under it: a run of its own; a glyph kerned back into the last; a label and its value apart.
    line(686, [
      ['INV-', sans, 0],
      ['IMP', sans, 3],
      ['. & EXP', sans, -0.25],
      ['Terms:', mono, 3],
      ['FOB', sans, 0.64],
    ]);
    const [read] = (await readDocument({ fileName: 'pieces.pdf', bytes: await doc.save() })).pages;
    const texts = (read?.runs ?? []).map((run) => run.text).sort();
    expect(texts).toEqual(['1,000', 'FOB', 'IMP. & EXP', 'INV-', 'INV-2026/0042', 'Stainless steel bolt', 'Terms:']);
    const invoiceNo = read?.runs.find((run) => run.text === 'INV-2026/0042');
    const width = sans.widthOfTextAtSize('INV-/0042', size) + mono.widthOfTextAtSize('2026', size);
    expect(invoiceNo?.box.x).toBeCloseTo(50 / 595, 3);
    expect(invoiceNo?.box.w).toBeCloseTo(width / 595, 2);
  });
});

describe('readDocument on pictures (OCR test double)', () => {
  it('sends a scanned PDF page to the OCR engine as a picture of the page at 300 dpi, with progress, and keeps a text page as text', async () => {
    const doc = await PDFDocument.create();
    const scan = doc.addPage([595, 842]);
    const picture = await doc.embedPng(textPicture('SCANNED INVOICE 12345', 620, 877).png());
    scan.drawImage(picture, { x: 0, y: 0, width: 595, height: 842 });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('Packing List No. PL-7 for the scanned invoice', { x: 50, y: 780, font });
    const ocr = new OcrDouble();
    const progress: ReadProgress[] = [];
    const text = await readDocument(
      { fileName: 'scan.pdf', bytes: await doc.save() },
      { ocr, onProgress: (p) => progress.push(p) },
    );
    expect(text.pages.map((p) => p.kind)).toEqual(['scan-pdf', 'text-pdf']);
    expect(text.pages[0]).toMatchObject({
      width: 595,
      height: 842,
      runs: [{ text: 'picture 2479x3508', box: { page: 0 } }],
    });
    expect(ocr.seen).toHaveLength(1);
    expect(
      await darkPixels(ocr.seen[0]?.png ?? new Uint8Array(), { x: 0.1, y: 0.15, w: 0.4, h: 0.06 }),
    ).toBeGreaterThan(100);
    expect(progress).toEqual([
      { page: 1, pages: 2, ocr: null },
      { page: 1, pages: 2, ocr: 0 },
      { page: 1, pages: 2, ocr: 0.5 },
      { page: 2, pages: 2, ocr: null },
    ]);
  });

  it('sends a PNG, a JPEG and every page of a multi-page TIFF to the OCR engine, keeping the rotation it reports', async () => {
    const ocr = new OcrDouble(90);
    const pngFile = { fileName: 'scan.png', bytes: textPicture('PNG', 300, 400).png() };
    const png = await readDocument(pngFile, { ocr });
    // Read turned a quarter clockwise: given upright, landscape, the box turned with it.
    expect(png.pages).toMatchObject([{ kind: 'image', width: 400, height: 300, rotation: 90 }]);
    const box = png.pages[0]?.runs[0]?.box;
    expect([box?.x, box?.y, box?.w, box?.h].map((v) => Number(v?.toFixed(3)))).toEqual([0.85, 0.1, 0.05, 0.5]);
    expect(await renderPage(pngFile, 0, { maxWidth: 400, turn: 90 })).toMatchObject({ width: 400, height: 300 });
    const jpeg = await readDocument({ fileName: 'scan.jpg', bytes: textPicture('JPEG', 320, 200).jpeg() }, { ocr });
    expect(jpeg.pages[0]?.runs[0]?.text).toBe('picture 320x200');
    const pages = [textPicture('TIFF ONE', 200, 300).rgba(), textPicture('TIFF TWO', 240, 180).rgba()];
    const tiff = await readDocument({ fileName: 'fax.tif', bytes: multiPageTiff(pages) }, { ocr });
    expect(tiff.pages.map((p) => [p.index, p.width, p.height, p.runs[0]?.box.page])).toEqual([
      [0, 300, 200, 0],
      [1, 180, 240, 1],
    ]);
    const second = ocr.seen.at(-1);
    expect(await darkPixels(second?.png ?? new Uint8Array(), { x: 0.1, y: 0.1, w: 0.5, h: 0.12 })).toBeGreaterThan(20);
  });

  it('turns a photo upright by its EXIF orientation before OCR, and draws it so for the review', async () => {
    // A phone held upright stores the picture as its sensor lies, a quarter turn anticlockwise, and says so (6).
    const stored = textPicture('PHOTO', 320, 200);
    const file = { fileName: 'photo.jpg', bytes: jpegWithOrientation(stored.jpeg(), 6) };
    const ocr = new OcrDouble();
    const [page] = (await readDocument(file, { ocr })).pages;
    expect(page).toMatchObject({ kind: 'image', width: 200, height: 320, rotation: 0 });
    const seen = ocr.seen[0];
    expect([seen?.width, seen?.height]).toEqual([200, 320]);
    // The word, near the stored picture's top-left, is near the top-right once turned a quarter clockwise.
    const word = { x: 0.1, y: 0.14, w: 0.3, h: 0.07 };
    const turned = { x: 1 - word.y - word.h, y: word.x, w: word.h, h: word.w };
    expect(await darkPixels(seen?.png ?? new Uint8Array(), turned)).toBeGreaterThan(20);
    expect(await darkPixels(seen?.png ?? new Uint8Array(), word)).toBe(0);
    const picture = await renderPage(file, 0, { maxWidth: 100 });
    expect([picture.width, picture.height]).toEqual([100, 160]);
    // A scanner's TIFF may say the same with its Orientation tag.
    const tiffPage = { ...textPicture('FAX', 240, 180).rgba(), orientation: 6 };
    const [fax] = (await readDocument({ fileName: 'fax.tif', bytes: multiPageTiff([tiffPage]) }, { ocr })).pages;
    expect([fax?.width, fax?.height, ocr.seen[1]?.width, ocr.seen[1]?.height]).toEqual([180, 240, 180, 240]);
    expect(jpegOrientation(stored.jpeg())).toBe(1);
    expect(jpegOrientation(jpegWithOrientation(stored.jpeg(), 8))).toBe(8);
  });

  it('stops when cancelled, before the next page and inside OCR', async () => {
    const controller = new AbortController();
    const pages = [textPicture('ONE', 100, 100).rgba(), textPicture('TWO', 100, 100).rgba()];
    const ocr = new OcrDouble();
    const reading = readDocument(
      { fileName: 'fax.tif', bytes: multiPageTiff(pages) },
      { ocr, signal: controller.signal, onProgress: (p) => p.ocr === 0.5 && controller.abort() },
    );
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(ocr.seen).toHaveLength(1);
  });
});

/** An image file with its compressed data overwritten from the middle on. */
function spoilt(image: Uint8Array): Uint8Array {
  const out = image.slice();
  for (let i = Math.floor(out.length / 2); i < out.length - 2; i++) out[i] = (i * 37) & 0xff;
  return out;
}

describe('readDocument refuses what it cannot read, naming the file', () => {
  const pdf = handmadePdf([{ content: ucs2Text('发票', 50, 780) }]);
  it.each([
    ['empty.pdf', new Uint8Array(), 'extract.file-empty'],
    ['notes.docx', new TextEncoder().encode('PK\u0003\u0004 a Word file'), 'extract.unsupported-file'],
    ['cut.pdf', pdf.slice(0, 200), 'extract.file-damaged'],
    ['garbage.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Cat'), 'extract.file-damaged'],
    ['locked.pdf', handmadePdf([{ content: ucs2Text('发票', 50, 780) }], { encrypt: true }), 'extract.file-encrypted'],
    // Cut off before its picture: Skia would end the process on it.
    ['cut.png', textPicture('X', 50, 50).png().slice(0, 60), 'extract.page-damaged'],
    // Bytes wrong in its data: Skia's decoders would end the process on them.
    ['spoilt.png', spoilt(textPicture('PNG', 300, 200).png()), 'extract.page-damaged'],
    ['spoilt.jpg', spoilt(textPicture('JPEG', 300, 200).jpeg()), 'extract.page-damaged'],
    ['cut.tif', multiPageTiff([textPicture('X', 50, 50).rgba()]).slice(0, 6), 'extract.file-damaged'],
  ])('%s', async (fileName, bytes, reason) => {
    const error = await rejectionOf(() => readDocument({ fileName, bytes }, { ocr: new OcrDouble() }));
    expect(error.reason).toBe(reason);
    expect(error.params).toMatchObject({ file: fileName });
  });

  it('a scanned page when no OCR engine is given', async () => {
    const error = await rejectionOf(() =>
      readDocument({ fileName: 'scan.png', bytes: textPicture('X', 50, 50).png() }),
    );
    expect(error.reason).toBe('extract.needs-ocr');
    expect(error.params).toEqual({ file: 'scan.png', page: 1 });
  });
});

describe('renderPage', () => {
  it('draws a page no wider than asked, an image page too, and refuses a page the file does not have', async () => {
    const file = { fileName: 'invoice.pdf', bytes: await invoicePdf() };
    expect(await renderPage(file, 1, { maxWidth: 421 })).toMatchObject({ width: 421, height: 298 });
    const tiff = {
      fileName: 'fax.tif',
      bytes: multiPageTiff([textPicture('A', 100, 80).rgba(), textPicture('B', 800, 400).rgba()]),
    };
    expect(await renderPage(tiff, 1, { maxWidth: 400 })).toMatchObject({ width: 400, height: 200 });
    const error = await rejectionOf(() => renderPage(file, 2, { maxWidth: 400 }));
    expect([error.reason, error.params]).toEqual(['extract.no-page', { file: 'invoice.pdf', page: 3 }]);
  });
});
