import { causeInEnglish } from '../failure-cause';
import { reason } from './define';

/** Why an archive could not be decompressed, as a broker can be told it; zlib's words are the `detail`. */
export const gzipProblems = ['not-gzip', 'cut-short', 'damaged', 'other'] as const;
export type GzipProblem = (typeof gzipProblems)[number];

/** The kind of zlib's error (its code and message: Z_BUF_ERROR at a cut end, a bad header, a bad block or check). */
export function gzipProblemOf(error: { code?: unknown; message: string }): GzipProblem {
  if (/incorrect header check|unknown compression method/i.test(error.message)) return 'not-gzip';
  if (error.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(error.message)) return 'cut-short';
  return error.code === 'Z_DATA_ERROR' ? 'damaged' : 'other';
}

const gzipEn: Record<GzipProblem, string> = {
  'not-gzip': 'it is not compressed as an archive is',
  'cut-short': 'it ends too early: it was cut short while copying',
  damaged: 'its compressed data is damaged',
  other: 'it cannot be decompressed',
};

/** A kind in English; one this version does not know reads as 'other'. */
export function gzipProblemEn(kind: string): string {
  return Object.hasOwn(gzipEn, kind) ? gzipEn[kind as GzipProblem] : gzipEn.other;
}

/**
 * Which part of an archive's record is not what SW Desk writes, as a broker can be told it; the specifics (the
 * field, the row, zod's words) are the `detail`, shown only under 详情.
 */
export const recordProblems = [
  'not-a-record',
  'declaration-head',
  'declaration-row',
  'template',
  'product',
  'defaults',
  'not-json',
] as const;
export type RecordProblem = (typeof recordProblems)[number];

const recordEn: Record<RecordProblem, string> = {
  'not-a-record': 'it is not a record SW Desk writes',
  'declaration-head': "a declaration's head is damaged",
  'declaration-row': "one of a declaration's rows is damaged",
  template: 'a template is not a declaration',
  product: 'a product does not hold goods-line values',
  defaults: 'the saved default values are damaged',
  'not-json': 'it holds text that is not JSON',
};

/** A kind in English; one this version does not know reads as 'not-a-record'. */
export function recordProblemEn(kind: string): string {
  return Object.hasOwn(recordEn, kind) ? recordEn[kind as RecordProblem] : recordEn['not-a-record'];
}

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
  'archive.not-compressed': reason<File & { kind: GzipProblem; detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file} is not a whole SW Desk archive (${gzipProblemEn(p.kind)}); nothing was imported`,
  ),
  /** `cause`: a kind of shared/api/failure-cause.ts; `detail`, the system's words, for support. */
  'archive.unreadable': reason<File & { cause: string; detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file} cannot be read (${causeInEnglish(p.cause)}); nothing was imported`,
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
  'archive.bad-record': reason<Line & { kind: string; detail: string }>(
    'IMPORT_FAILED',
    (p) => `${p.file}, line ${p.line}: ${recordProblemEn(p.kind)}; nothing was imported`,
  ),
} as const;
