import { AppError } from '../../../../shared/api';
import type { PageImage } from '../ocr-engine';
import { countImagePages, imagePage } from './images';
import { openPdf, renderPdfPage } from './pdf-open';
import { quarterTurn } from './turn';
import { fileKind, pageOf, type SourceFile } from './source-file';

/**
 * A page as the picture the review shows beside the proposed lines, `maxWidth` pixels wide at most, turned
 * clockwise by `turn` degrees (the page's `rotation` as read: text that runs sideways, a scan OCR turned upright):
 * the same frame the page's text boxes are in (a PDF page as a viewer shows it, an image with its EXIF orientation
 * applied, then turned), so a box highlights it without more arithmetic. `page` counts from 0.
 */
export async function renderPage(
  file: SourceFile,
  page: number,
  options: { maxWidth: number; turn?: number },
): Promise<PageImage> {
  const kind = fileKind(file);
  if (kind === 'pdf') {
    const doc = await openPdf(file);
    try {
      if (!Number.isInteger(page) || page < 0 || page >= doc.numPages) throw noPage(file, page);
      return await renderPdfPage(doc, page, { maxWidth: options.maxWidth, turn: quarterTurn(options.turn ?? 0) });
    } finally {
      await doc.destroy();
    }
  }
  const count = countImagePages(file, kind);
  if (!Number.isInteger(page) || page < 0 || page >= count) throw noPage(file, page);
  return pageOf(file, page, () => imagePage(kind, file.bytes, page, options));
}

function noPage(file: SourceFile, page: number): AppError {
  return new AppError('extract.no-page', { file: file.fileName, page: page + 1 });
}
