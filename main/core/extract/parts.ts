import type { FindProduct } from '../../../shared/extract/propose';
import { proposeExtraction } from '../../../shared/extract/propose';
import { parseDocument } from '../../../shared/extract/parse';
import type { CodeFinder } from '../../../shared/interchange/lines';
import type { OcrEngine } from './ocr-engine';
import type { ExtractParts } from './pipeline';

// The reader and the OCR engine are loaded when a document is first read: pdfjs, its canvas and tesseract.js are
// megabytes that every start of the app (and of every test's desk) would otherwise parse for nothing.
const reader = () => import('./read/read-document');
const pictures = () => import('./read/render-page');

/**
 * The OCR engine, started at the first page that needs it (its workers and models take memory a broker who only
 * reads text PDFs never needs), and stopped with the app.
 */
function lazyOcr(): OcrEngine {
  let engine: Promise<OcrEngine> | null = null;
  const started = () => (engine ??= import('./ocr/tesseract-engine').then((m) => m.tesseractEngine()));
  return {
    recognize: async (image, page, options) => (await started()).recognize(image, page, options),
    close: async () => {
      const running = engine;
      engine = null;
      await (await running)?.close();
    },
  };
}

/**
 * The parts the app reads documents with: the reader (text layer, or OCR for a picture), the parser, and the proposer
 * with the code tables and the product library (products released before propose their 商品编号 and 申报要素).
 */
export function createExtractParts(deps: {
  codes: CodeFinder;
  findProduct: FindProduct;
  /** The OCR engine when not the app's own (the bench's, which keeps what it read). */
  ocr?: OcrEngine;
}): ExtractParts {
  const ocr = deps.ocr ?? lazyOcr();
  return {
    read: async (file, options) => (await reader()).readDocument(file, { ...options, ocr }),
    parse: (text) => parseDocument(text, { codes: deps.codes }),
    propose: (documents) => proposeExtraction(documents, { codes: deps.codes, findProduct: deps.findProduct }),
    renderPage: async (file, page, options) => (await pictures()).renderPage(file, page, options),
    close: () => ocr.close(),
  };
}
