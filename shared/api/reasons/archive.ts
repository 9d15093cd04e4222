import { reason } from './define';

type File = { file: string };
type Line = File & { line: number };
/** An attached 随附单据 file, by its EdocID and the name it was attached under. */
type AttachedFile = File & { edocId: string; fileName: string };

/** Archives (.swdx): export and import of everything. */
export const archiveReasons = {
  'archive.no-file': reason<File>('NOT_FOUND', (p) => `There is no file ${p.file}`),
  'archive.no-folder': reason<File & { folder: string }>(
    'BAD_INPUT',
    (p) => `${p.file}: the folder ${p.folder} does not exist`,
  ),
  'archive.file-exists': reason<File>(
    'BAD_INPUT',
    (p) => `${p.file}: a file with this name exists already; choose another name`,
  ),
  'archive.not-compressed': reason<File & { detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file} is not an SW Desk archive (it cannot be decompressed: ${p.detail}); nothing was imported`,
  ),
  'archive.unreadable': reason<File & { detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file} cannot be read: ${p.detail}; nothing was imported`,
  ),
  'archive.data-after-end': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} has data after its end marker; nothing was imported`,
  ),
  'archive.damaged-end': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} has a damaged end marker; nothing was imported`,
  ),
  'archive.no-manifest': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} is not an SW Desk archive (its first line is not a manifest); nothing was imported`,
  ),
  'archive.too-new': reason<File & { version: number }>(
    'IMPORT_FAILED',
    (p) =>
      `${p.file} was written by a newer SW Desk (archive format ${p.version}); install the newer version to import it`,
  ),
  'archive.bad-manifest': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} is not an SW Desk archive (its manifest is not one); nothing was imported`,
  ),
  'archive.empty': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} is empty or not an SW Desk archive; nothing was imported`,
  ),
  'archive.incomplete': reason<File>(
    'IMPORT_FAILED',
    (p) =>
      `${p.file} is incomplete (its end marker is missing — was it cut short while copying?); nothing was imported`,
  ),
  'archive.checksum': reason<File>(
    'IMPORT_FAILED',
    (p) => `${p.file} was altered or damaged (its content does not match its checksum); nothing was imported`,
  ),
  'archive.file-damaged': reason<AttachedFile>(
    'IMPORT_FAILED',
    (p) =>
      `${p.file}: the attached file ${p.fileName} (${p.edocId}) is damaged or altered (its bytes do not match its SHA-256); nothing was imported`,
  ),
  'archive.file-missing': reason<AttachedFile>(
    'IMPORT_FAILED',
    (p) =>
      `${p.file}: the attached file ${p.fileName} (${p.edocId}) is not in the archive nor on this machine; nothing was imported`,
  ),
  'archive.export-file-missing': reason<Omit<AttachedFile, 'file'>>(
    'INVALID_STATE',
    (p) =>
      `The attached file ${p.fileName} (${p.edocId}) is missing or altered in the data folder, so the archive would not carry it; nothing was exported`,
  ),
  'archive.line-not-json': reason<Line>(
    'IMPORT_FAILED',
    (p) => `${p.file}, line ${p.line}: not JSON; nothing was imported`,
  ),
  'archive.bad-record': reason<Line & { detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file}, line ${p.line}: ${p.detail}; nothing was imported`,
  ),
} as const;
