import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../../shared/api';
import type { PageImage } from '../ocr-engine';
import { loadSkia } from './canvas';
import { scaled } from './images';
import { documentParams, pdfjs } from './pdfjs';
import type { SourceFile } from './source-file';

/**
 * Opens a PDF, refusing with a reason that names the file what pdfjs cannot open: a password (pdfjs's
 * PasswordException), or a file that is no PDF or is cut short (InvalidPDFException and the rest). A PDF
 * encrypted with an empty user password (print and copy restrictions only) opens like any other.
 */
export async function openPdf(file: SourceFile, signal?: AbortSignal): Promise<PDFDocumentProxy> {
  signal?.throwIfAborted();
  const lib = await pdfjs();
  const task = lib.getDocument(documentParams(file.bytes));
  const abort = () => void task.destroy();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) {
      await doc.destroy();
      throw new AppError('extract.file-no-pages', { file: file.fileName });
    }
    return doc;
  } catch (error) {
    signal?.throwIfAborted();
    if (error instanceof AppError) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new AppError('extract.file-encrypted', { file: file.fileName });
    throw new AppError('extract.file-damaged', { file: file.fileName });
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * A page drawn as a PNG as a viewer shows it (its /Rotate applied), turned further clockwise by `turn` degrees (a
 * quarter turn: the page's text runs sideways), on white: at `dpi`, its longer side at most `maxSide` pixels; or
 * `maxWidth` pixels wide at most (the review's picture, never above 3×).
 */
export async function renderPdfPage(
  doc: PDFDocumentProxy,
  index: number,
  size: ({ dpi: number; maxSide: number } | { maxWidth: number }) & { turn?: number },
): Promise<PageImage> {
  const page = await doc.getPage(index + 1);
  const rotation = page.rotate + (size.turn ?? 0);
  const points = page.getViewport({ scale: 1, rotation });
  const scale =
    'dpi' in size
      ? Math.min(size.dpi / 72, size.maxSide / Math.max(points.width, points.height))
      : Math.min(3, size.maxWidth / points.width);
  const viewport = page.getViewport({ scale, rotation });
  const { createCanvas } = await loadSkia();
  const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdfjs types its canvas as the DOM's; @napi-rs/canvas is the same 2D API in Node.
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  page.cleanup();
  return scaled(canvas);
}
