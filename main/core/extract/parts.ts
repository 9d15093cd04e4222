import { AppError } from '../../../shared/api';
import type { OcrEngine } from './ocr-engine';
import { tesseractEngine } from './ocr/tesseract-engine';
import type { ExtractParts } from './pipeline';
import { readDocument } from './read/read-document';
import { renderPage } from './read/render-page';

/**
 * The reading, parsing and proposing parts as this build has them. A part not yet in the build refuses plainly,
 * naming the file, rather than proposing nothing as if the document had no lines.
 */
export function createExtractParts(): ExtractParts {
  const missing = (fileName: string): never => {
    throw new AppError('extract.no-reader', { file: fileName });
  };
  // One OCR engine for the app's life, made at the first scanned page (its threads start then, not at start-up).
  let engine: OcrEngine | undefined;
  const ocr: OcrEngine = {
    recognize: (image, page, options) => (engine ??= tesseractEngine()).recognize(image, page, options),
    close: async () => engine?.close(),
  };
  return {
    read: (file, options) => readDocument(file, { ...options, ocr }),
    parse: (text) => missing(text.fileName),
    propose: (documents) => missing(documents[0]?.fileName ?? ''),
    renderPage: (file, page, options) => renderPage(file, page, options),
  };
}
