import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentText, PageText } from '../../../../shared/extract/document';
import { AppError } from '../../../../shared/api';
import type { OcrEngine, PageImage } from '../ocr-engine';
import { countImagePages, imagePage } from './images';
import { openPdf, renderPdfPage } from './pdf-open';
import { pageTextLayer } from './pdf-text';
import { fileKind, pageOf, type SourceFile } from './source-file';
import { quarterTurn, turnedBox } from './turn';

/** How far the reading of one file is: the page (1-based) of how many, and that page's OCR when it is a picture. */
export interface ReadProgress {
  page: number;
  pages: number;
  ocr: number | null;
}

export interface ReadOptions {
  /** Reads pages that are pictures (scans, images); without it such a page is refused. */
  ocr?: OcrEngine;
  onProgress?: (progress: ReadProgress) => void;
  /** Stops between pages and inside OCR; the promise then rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
}

/** Scanned pages are drawn at 300 dpi for OCR (what OCR engines are tuned for), at most this many pixels a side. */
const OCR_DPI = 300;
const OCR_MAX_SIDE = 4200;

/**
 * The text of an invoice or packing list file, page by page, with where each run of text is: a PDF's text
 * layer, or (a scanned page, an image) what the OCR engine reads from the page's picture. Refuses a file it
 * cannot read with a reason that names it (empty, not a document, damaged, password-protected).
 */
export async function readDocument(file: SourceFile, options: ReadOptions = {}): Promise<DocumentText> {
  const kind = fileKind(file);
  options.signal?.throwIfAborted();
  if (kind === 'pdf') return readPdf(file, options);
  const pages: PageText[] = [];
  const count = countImagePages(file, kind);
  for (let index = 0; index < count; index++) {
    const image = await pageOf(file, index, () => imagePage(kind, file.bytes, index));
    pages.push(await recognized(file, image, index, count, 'image', options));
  }
  return { fileName: file.fileName, pages };
}

async function readPdf(file: SourceFile, options: ReadOptions): Promise<DocumentText> {
  const doc = await openPdf(file, options.signal);
  try {
    const pages: PageText[] = [];
    for (let index = 0; index < doc.numPages; index++) {
      options.signal?.throwIfAborted();
      options.onProgress?.({ page: index + 1, pages: doc.numPages, ocr: null });
      pages.push(await readPdfPage(file, doc, index, options));
    }
    return { fileName: file.fileName, pages };
  } finally {
    await doc.destroy();
  }
}

async function readPdfPage(file: SourceFile, doc: PDFDocumentProxy, index: number, options: ReadOptions) {
  const layer = await pageOf(file, index, async () => pageTextLayer(await doc.getPage(index + 1)));
  if (usable(layer.runs.map((run) => run.text).join(''))) return { index, kind: 'text-pdf' as const, ...layer };
  const image = await pageOf(file, index, () => renderPdfPage(doc, index, { dpi: OCR_DPI, maxSide: OCR_MAX_SIDE }));
  const page = await recognized(file, image, index, doc.numPages, 'scan-pdf', options);
  // The page's size in points (not the picture's pixels), as a text page gives it, turned as OCR turned it.
  const shown = await doc.getPage(index + 1).then((p) => p.getViewport({ scale: 1 }));
  const sideways = quarterTurn(page.rotation) % 180 !== 0;
  return { ...page, width: sideways ? shown.height : shown.width, height: sideways ? shown.width : shown.height };
}

/**
 * Whether a page's text layer holds the page's text: a scan has none, or a few words stamped on it (a page
 * number, a fax header), or glyphs of a font without a Unicode map, which come out as private-use characters.
 */
export function usable(text: string): boolean {
  const readable = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const unreadable = text.match(/[\p{Co}\uFFFD\p{Cc}]/gu)?.length ?? 0;
  return readable >= 20 && readable >= 4 * unreadable;
}

async function recognized(
  file: SourceFile,
  image: PageImage,
  index: number,
  pages: number,
  kind: 'scan-pdf' | 'image',
  options: ReadOptions,
): Promise<PageText> {
  options.signal?.throwIfAborted();
  options.onProgress?.({ page: index + 1, pages, ocr: 0 });
  if (!options.ocr) throw new AppError('extract.needs-ocr', { file: file.fileName, page: index + 1 });
  const result = await options.ocr.recognize(image, index, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (fraction) => options.onProgress?.({ page: index + 1, pages, ocr: fraction }),
  });
  // Upright, as a text page is given: the boxes turned by the quarter turn OCR read the page at (a small skew is
  // left for the parser, which takes it out), and renderPage draws the picture turned by the same.
  const turn = quarterTurn(result.rotation);
  const runs = result.runs.map((run) => ({ ...run, box: { ...turnedBox(run.box, turn), page: index } }));
  const sideways = turn % 180 !== 0;
  // An image's size is its pixels at 72 dpi; a PDF page's is set by the caller.
  return {
    index,
    width: sideways ? image.height : image.width,
    height: sideways ? image.width : image.height,
    kind,
    rotation: result.rotation,
    runs,
  };
}
