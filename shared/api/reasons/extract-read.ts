import { reason } from './define';

type File = { file: string };

/**
 * Reading the customer's invoice or packing list file (PDF, JPG, PNG, TIFF) into text: why a file gives none.
 * Each names the file, since the broker picks several at once.
 */
export const extractReadReasons = {
  'extract.file-empty': reason<File>('BAD_INPUT', (p) => `${p.file} is empty; nothing was read from it`),
  'extract.file-damaged': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is damaged or incomplete and cannot be read; ask the sender for the file again`,
  ),
  'extract.file-encrypted': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file} is password-protected; open it with its password, save a copy without one, and read that`,
  ),
  'extract.file-no-pages': reason<File>('BAD_INPUT', (p) => `${p.file} has no pages; nothing was read from it`),
  'extract.page-damaged': reason<File & { page: number }>(
    'BAD_INPUT',
    (p) => `Page ${p.page} of ${p.file} is damaged and cannot be read; ask the sender for the file again`,
  ),
  'extract.needs-ocr': reason<File & { page: number }>(
    'INVALID_STATE',
    (p) => `Page ${p.page} of ${p.file} is a scan, and this installation has no text recognition to read it`,
  ),
} as const;
