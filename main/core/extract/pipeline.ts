import type { DocumentText, Extraction, ParsedDocument } from '../../../shared/extract/document';
import { AppError, causeDetail } from '../../../shared/api';
import type { PageImage } from './ocr-engine';
import type { ReadProgress } from './read/read-document';
import { fileKind, type SourceFile } from './read/source-file';

/** A file the broker picked, as its bytes. */
export type ExtractFile = SourceFile;
export type { ReadProgress };

/**
 * The parts the pipeline joins, given by the composition root: reading (text layer or OCR), parsing, proposing with
 * the product library, and a page as a picture for the review. Injected so the pipeline can be tested with documents
 * made by hand, and so a build without a part refuses plainly.
 */
export interface ExtractParts {
  read(
    file: ExtractFile,
    options: { signal: AbortSignal; onProgress: (p: ReadProgress) => void },
  ): Promise<DocumentText>;
  parse(text: DocumentText): ParsedDocument;
  propose(documents: ParsedDocument[]): Extraction | Promise<Extraction>;
  /** `turn`: the page's `rotation` as read, so that the picture is in the frame of its text's boxes. */
  renderPage(file: ExtractFile, page: number, options: { maxWidth: number; turn?: number }): Promise<PageImage>;
  /** Stops what reading keeps running (the OCR engine's workers). */
  close?(): Promise<void>;
}

/**
 * Refuses, naming it, a file the reader cannot take (by its first bytes); a spreadsheet is told apart by its name,
 * since its lines go through the column mapping, which reads its cells exactly.
 */
export function checkFile(file: ExtractFile): void {
  try {
    fileKind(file);
  } catch (error) {
    if (/\.(xlsx|xls|csv)$/i.test(file.fileName)) throw new AppError('extract.spreadsheet', { file: file.fileName });
    throw error;
  }
}

export interface PipelineProgress extends ReadProgress {
  /** 0-based file being read. */
  file: number;
}

/**
 * Reads every file (one after another: OCR already uses both cores of a broker's machine), parses each, and proposes
 * goods lines and head values from all of them together (an invoice and its packing list are matched line by line).
 * A cancel stops between pages; the reader rejects with an AbortError, which is passed on.
 */
export async function runPipeline(
  files: readonly ExtractFile[],
  parts: ExtractParts,
  options: { signal: AbortSignal; onProgress: (p: PipelineProgress) => void },
): Promise<{ texts: DocumentText[]; extraction: Extraction }> {
  const texts: DocumentText[] = [];
  for (const [index, file] of files.entries()) {
    options.signal.throwIfAborted();
    options.onProgress({ file: index, page: 0, pages: 0, ocr: null });
    let text: DocumentText;
    try {
      text = await parts.read(file, {
        signal: options.signal,
        onProgress: (p) => options.onProgress({ file: index, ...p }),
      });
    } catch (error) {
      if (options.signal.aborted || error instanceof AppError) throw error;
      throw new AppError('extract.unreadable', { file: file.fileName, detail: causeDetail(error) });
    }
    texts.push(text);
  }
  options.signal.throwIfAborted();
  const extraction = await parts.propose(texts.map((t) => parts.parse(t)));
  return { texts, extraction };
}
