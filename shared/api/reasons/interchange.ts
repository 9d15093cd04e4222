import { causeInEnglish } from '../failure-cause';
import { problems, reason } from './define';
import type { XmlProblem } from './xml-problems';
import { xmlProblemEn } from './xml-problems';
import type { XlsxProblem } from './xlsx-problems';
import { xlsxProblemEn } from './xlsx-problems';

type File = { file: string };
type At = { line: number; element: string };
type NotWellFormed = { line: number; column: number; kind: XmlProblem; detail: string };

/** Files in and out: DecMessage XML, receipts, goods-line spreadsheets, the e-port client's folders. */
export const interchangeReasons = {
  'interchange.unknown-encoding': reason<{ encoding: string }>(
    'IMPORT_FAILED',
    (p) =>
      `The file declares the encoding "${p.encoding}", which cannot be read (expected UTF-8, GB2312, GBK or GB18030)`,
  ),
  /** `kind`: what is wrong (xlsx-problems.ts); `detail`, the zip library's English, for support only. */
  'interchange.bad-xlsx': reason<File & { kind: XlsxProblem; detail: string }>(
    'IMPORT_FAILED',
    (p) => `"${p.file}" is not a readable .xlsx workbook (${xlsxProblemEn(p.kind)})`,
  ),
  'interchange.no-worksheet': reason<File>('IMPORT_FAILED', (p) => `"${p.file}" has no worksheet`),
  'interchange.no-such-sheet': reason<File & { sheet: string; sheets: string }>(
    'IMPORT_FAILED',
    (p) => `"${p.file}" has no worksheet "${p.sheet}" (it has ${p.sheets})`,
  ),
  'interchange.bad-pasted-text': reason<{ line: number; column: number }>(
    'IMPORT_FAILED',
    (p) =>
      `The pasted text cannot be read: the quoted field opened on line ${p.line}, column ${p.column} has no closing "`,
  ),
  'interchange.old-xls': reason<File>(
    'IMPORT_FAILED',
    (p) => `"${p.file}" is an old Excel 97–2003 workbook: save it as .xlsx (or .csv) and import that`,
  ),
  'interchange.lines-file-type': reason<File>(
    'IMPORT_FAILED',
    (p) => `"${p.file}": goods lines are read from .xlsx, .csv or tab-separated .txt files`,
  ),
  'interchange.bad-csv': reason<File & { line: number; column: number }>(
    'IMPORT_FAILED',
    (p) =>
      `"${p.file}" is not valid CSV: the quoted field opened on line ${p.line}, column ${p.column} has no closing "`,
  ),
  'interchange.no-import-profile': reason<{ id: string }>('NOT_FOUND', (p) => `There is no import profile ${p.id}`),
  'interchange.imp-path-not-full': reason<{ path: string }>(
    'BAD_INPUT',
    (p) => `ImpPath must be a full path (e.g. D:\\ImpPath\\Deccus001), not "${p.path}"`,
  ),
  'interchange.imp-path-not-folder': reason<{ path: string }>(
    'BAD_INPUT',
    (p) => `ImpPath ${p.path} does not exist or is not a folder`,
  ),
  // The e-port client bridge's folders.
  'bridge.folders-unreachable': reason<{ path: string }>(
    'INVALID_STATE',
    (p) =>
      `The e-port client folders are not reachable in ${p.path} (OutBox, InBox and FailBox must exist and be writable)`,
  ),
  'bridge.no-writable-folder': reason<{ path: string; folder: string }>(
    'BAD_INPUT',
    (p) =>
      `ImpPath ${p.path} has no writable ${p.folder} folder: choose the folder that holds OutBox, InBox and FailBox`,
  ),
  'bridge.backup-folder': reason<{ path: string }>('BAD_INPUT', (p) => `The backup folder ${p.path} cannot be created`),
  'bridge.waiting-in-outbox': reason('INVALID_STATE', () => 'In OutBox, waiting for the e-port client to take it'),
  /** `cause`: a kind of shared/api/failure-cause.ts; `detail`, the system's words, for support. */
  'bridge.write-failed': reason<{ cause: string; detail: string }>(
    'INTERNAL',
    (p) => `The declaration could not be written to OutBox (${causeInEnglish(p.cause)}); it is tried again`,
  ),
  /** A 随附单据 the declaration names is neither attached in the editor nor in its attachment folder (yet). */
  'bridge.attachment-missing': reason<{ file: string; folder: string }>(
    'INVALID_STATE',
    (p) => `The attachment ${p.file} is neither attached nor in ${p.folder}; the declaration waits for it`,
  ),
  /**
   * A file from the e-port client that could not be processed: why, as the reason that refused it (`problem`, its
   * parameters packed by nestedParams) worded in turn, or else as the kind of the system's failure (`cause`).
   */
  'bridge.file-failed': reason<{ file: string; problem: string; problemParams: string; cause: string; detail: string }>(
    'IMPORT_FAILED',
    (p, nested) =>
      `${p.file} was not processed: ${(p.problem !== '' && nested(p.problem, p.problemParams)) || causeInEnglish(p.cause)}`,
  ),
  /** A file from the e-port client that could not be read, moved aside to `movedTo`: why, as for bridge.file-failed. */
  'bridge.file-set-aside': reason<{
    file: string;
    movedTo: string;
    problem: string;
    problemParams: string;
    cause: string;
    detail: string;
  }>(
    'IMPORT_FAILED',
    (p, nested) =>
      `${p.file} could not be read and was moved to ${p.movedTo}: ${(p.problem !== '' && nested(p.problem, p.problemParams)) || causeInEnglish(p.cause)}`,
  ),
  // A DecMessage file being read.
  'xml.encoding-guessed': reason('IMPORT_FAILED', () => 'The file is not valid UTF-8; it was read as GB18030 (GBK)'),
  'xml.encoding-not-as-declared': reason<{ declared: string }>(
    'IMPORT_FAILED',
    (p) => `The file declares the encoding ${p.declared} but is written in UTF-8; it was read as UTF-8`,
  ),
  'xml.client-seq-no-replaced': reason<{ given: string; clientSeqNo: string }>(
    'IMPORT_FAILED',
    (p) => `ClientSeqNo "${p.given}" is not 1–20 letters and digits; the draft was given ${p.clientSeqNo}`,
  ),
  'xml.client-seq-no-in-use': reason<{ given: string; clientSeqNo: string }>(
    'IMPORT_FAILED',
    (p) =>
      `ClientSeqNo ${p.given} already belongs to another declaration here; the imported copy was given ${p.clientSeqNo}`,
  ),
  /** `kind` says what is wrong (xml-problems.ts); `detail`, the parser's own words, is for support only. */
  'xml.not-well-formed': reason<NotWellFormed>(
    'IMPORT_FAILED',
    (p) =>
      `The file is not well-formed XML (line ${p.line}, column ${p.column}: ${xmlProblemEn(p.kind)}); it may be truncated or damaged`,
  ),
  'xml.wrong-root': reason<{ found: string; expected: string }>(
    'IMPORT_FAILED',
    (p) => `The root element is <${p.found}>, not <${p.expected}>: this is not a goods declaration message`,
  ),
  'xml.no-namespace': reason<{ element: string; expected: string }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> has no namespace; expected xmlns="${p.expected}"`,
  ),
  'xml.wrong-namespace': reason<{ element: string; found: string; expected: string }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> is in the namespace "${p.found}", not "${p.expected}"`,
  ),
  'xml.cannot-import': reason<{ count: number }>(
    'IMPORT_FAILED',
    (p) => `The DecMessage cannot be imported: ${problems(p.count)}`,
  ),
  'xml.duplicate-element': reason<At & { parent: string }>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: <${p.element}> appears twice in <${p.parent}>`,
  ),
  'xml.not-a-value': reason<At>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: <${p.element}> must hold a value, not elements`,
  ),
  'xml.value-too-long': reason<At & { length: number; max: number }>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: <${p.element}> holds ${p.length} characters; at most ${p.max} can be kept`,
  ),
  'xml.duplicate-section': reason<At>('IMPORT_FAILED', (p) => `line ${p.line}: <${p.element}> appears twice`),
  'xml.repeated-block': reason<{ element: string; count: number }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> appears ${p.count} times; a message has at most one`,
  ),
  'xml.missing-head': reason('IMPORT_FAILED', () => 'The message has no <DecHead>'),
  'xml.bad-ie-flag': reason<{ value: string }>(
    'IMPORT_FAILED',
    (p) => `<IEFlag> must be I (import) or E (export), not "${p.value}"`,
  ),
  'xml.too-many-lines': reason<{ count: number; max: number }>(
    'IMPORT_FAILED',
    (p) => `The message has ${p.count} goods lines; a declaration holds at most ${p.max}`,
  ),
  'xml.too-many-rows': reason<{ table: string; count: number; max: number }>(
    'IMPORT_FAILED',
    (p) => `${p.table} has ${p.count} rows; at most ${p.max} can be kept`,
  ),
  'xml.text-ignored': reason<At>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: text directly inside <${p.element}> was ignored`,
  ),
  'xml.unknown-element': reason<At & { parent: string }>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: <${p.element}> does not belong in <${p.parent}>; it was ignored`,
  ),
  'xml.foreign-namespace': reason<At & { namespace: string }>(
    'IMPORT_FAILED',
    (p) => `line ${p.line}: <${p.element}> is in another namespace ("${p.namespace}"); it was ignored`,
  ),
  'xml.parent-key-replaced': reason<{ element: string; actual: string; expected: string }>(
    'IMPORT_FAILED',
    (p) =>
      `<${p.element}> ${p.actual} differs from its parent record (${p.expected || 'empty'}); the parent's value was kept`,
  ),
  'xml.gno-renumbered': reason<{ gNo: string; position: number }>(
    'IMPORT_FAILED',
    (p) =>
      `<GNo>${p.gNo}</GNo> of goods line ${p.position} was renumbered ${p.position}: lines are numbered by their position`,
  ),
  // A declaration being written as a DecMessage.
  'xml.cannot-write': reason<{ count: number }>(
    'VALIDATION_FAILED',
    (p) => `The declaration cannot be written as a DecMessage: ${problems(p.count)}`,
  ),
  'xml.unwritable-char': reason<{ field: string; char: string }>(
    'VALIDATION_FAILED',
    (p) => `${p.field} holds the character ${p.char}, which XML cannot carry`,
  ),
  'xml.unknown-field': reason<{ element: string; key: string }>(
    'VALIDATION_FAILED',
    (p) => `${p.element} has no element ${p.key}`,
  ),
  'xml.unknown-table': reason<{ table: string }>(
    'VALIDATION_FAILED',
    (p) => `A goods declaration has no table "${p.table}"`,
  ),
  'xml.single-block': reason<{ element: string; count: number }>(
    'VALIDATION_FAILED',
    (p) => `${p.element} appears once in a message; the declaration holds ${p.count} of them`,
  ),
  'xml.no-parent-row': reason<{ section: string; row: number; parent: string }>(
    'VALIDATION_FAILED',
    (p) => `${p.section} row ${p.row} belongs to no ${p.parent} record`,
  ),
  // A receipt file being read.
  'receipts.not-well-formed': reason<NotWellFormed>(
    'IMPORT_FAILED',
    (p) => `The receipt is not well-formed XML (line ${p.line}, column ${p.column}: ${xmlProblemEn(p.kind)})`,
  ),
  'receipts.no-channel': reason<At>('IMPORT_FAILED', (p) => `line ${p.line}: <${p.element}> has no CHANNEL`),
  'receipts.no-response-code': reason('IMPORT_FAILED', () => '<DecImportResponse> has no ResponseCode'),
  'receipts.no-result': reason('IMPORT_FAILED', () => '<DEC_DATA> holds no DEC_RESULT'),
  'receipts.not-a-receipt': reason<{ element: string }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> is not a receipt (expected DecImportResponse or DEC_DATA)`,
  ),
  // An answer to a modification or cancellation request (修撤单) being read.
  'receipts.decmod-no-field': reason<{ element: string; field: string }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> has no ${p.field}: the answer to the modification or cancellation request was not applied`,
  ),
  'receipts.decmod-unknown-result': reason<{ element: string; code: string }>(
    'IMPORT_FAILED',
    (p) => `<${p.element}> has the unknown FeedbackResults ${p.code}: the answer was not applied`,
  ),
} as const;
