import { AppError } from '../../../../shared/api';

/** A file the broker picked, as its bytes. */
export interface SourceFile {
  fileName: string;
  bytes: Uint8Array;
}

export type SourceKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

const startsWith = (bytes: Uint8Array, at: number, magic: number[]) => magic.every((b, i) => bytes[at + i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * What a file is, by its first bytes, not its name (a phone app's "scan.pdf" is often a JPEG). A PDF may have
 * a few bytes of junk before its header (mail gateways add them), which PDF readers accept.
 */
export function fileKind(file: SourceFile): SourceKind {
  const { bytes, fileName } = file;
  if (bytes.length === 0) throw new AppError('extract.file-empty', { file: fileName });
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  for (let at = 0; at <= Math.min(1024, bytes.length - PDF.length); at++) if (startsWith(bytes, at, PDF)) return 'pdf';
  throw new AppError('extract.unsupported-file', { file: fileName });
}

/** What `make` gives for page `index`; a failure of the file's own (not a cancel, not a reason) is a damaged page. */
export async function pageOf<T>(file: SourceFile, index: number, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (error instanceof AppError || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new AppError('extract.page-damaged', { file: file.fileName, page: index + 1 });
  }
}
