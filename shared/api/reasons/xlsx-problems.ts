/**
 * Why a file could not be read as an .xlsx workbook, as a kind a broker can be told (exceljs reads it with jszip,
 * whose English is about zip records); that English travels beside it as `detail`, for support only.
 */
export const xlsxProblems = ['empty', 'encrypted', 'not-a-workbook', 'damaged', 'other'] as const;
export type XlsxProblem = (typeof xlsxProblems)[number];

/** An OLE compound file: what Excel writes for a password-protected workbook (and for an old .xls). */
const compoundFile = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function problemOf(bytes: Uint8Array, message: string): XlsxProblem {
  if (bytes.length === 0) return 'empty';
  if (compoundFile.every((b, i) => bytes[i] === b)) return 'encrypted';
  if (/is this a zip file/i.test(message)) return 'not-a-workbook';
  if (/corrupted|unexpected signature|end of data|invalid|crc32|bad offset/i.test(message)) return 'damaged';
  return 'other';
}

/** A reason's `{ kind, detail }` for a workbook the library refused. */
export function xlsxProblemParams(bytes: Uint8Array, error: unknown): { kind: XlsxProblem; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: problemOf(bytes, detail), detail };
}

const en: Record<XlsxProblem, string> = {
  empty: 'the file is empty',
  encrypted: 'it is password-protected (or an old Excel 97–2003 workbook): save it without a password as .xlsx',
  'not-a-workbook': 'it is not an Excel workbook, perhaps another kind of file renamed .xlsx',
  damaged: 'the workbook is damaged or cut short',
  other: 'the workbook cannot be read',
};

/** The kind in English; one this version does not know (kept by another version) reads as 'other'. */
export function xlsxProblemEn(kind: string): string {
  return Object.hasOwn(en, kind) ? en[kind as XlsxProblem] : en.other;
}
