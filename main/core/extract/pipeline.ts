import type { DocumentText, Extraction, ParsedDocument } from '../../../shared/extract/document';
import { AppError } from '../../../shared/api';
import type { PageImage } from './ocr-engine';

/** A file the broker picked, as its bytes. */
export interface ExtractFile {
  fileName: string;
  bytes: Uint8Array;
}

/** How far the reading of one file is: the page (1-based) of how many, and that page's OCR when it is a picture. */
export interface ReadProgress {
  page: number;
  pages: number;
  ocr: number | null;
}

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
  renderPage(file: ExtractFile, page: number, options: { maxWidth: number }): Promise<PageImage>;
}

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What a file is, by its first bytes (a name can lie: a scan saved as .pdf by a phone app is often a JPEG). A
 * spreadsheet is refused here by name: its lines go through the column mapping, which reads its cells exactly.
 */
export function fileKind(file: ExtractFile): FileKind {
  const { bytes, fileName } = file;
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (/\.(xlsx|xls|csv)$/i.test(fileName)) throw new AppError('extract.spreadsheet', { file: fileName });
  throw new AppError('extract.unsupported-file', { file: fileName });
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
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError('extract.unreadable', { file: file.fileName, detail });
    }
    texts.push(text);
  }
  options.signal.throwIfAborted();
  const extraction = await parts.propose(texts.map((t) => parts.parse(t)));
  return { texts, extraction };
}
