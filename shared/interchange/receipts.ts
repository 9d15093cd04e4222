import { fieldError } from '../api/errors';
import type { XmlElement } from './xml-tree';
import { XmlSyntaxError, parseXml } from './xml-tree';

/** One receipt from the single window, as either kind of file gives it (DOMAIN.md §2.2, §2.3). */
export interface ParsedReceipt {
  /** `import-response`: DecImportResponse (the file was taken in, or not); `business`: a DEC_RESULT with a CHANNEL. */
  kind: 'import-response' | 'business';
  clientSeqNo: string | null;
  /** 统一编号: SeqNo, SEQ_NO or CUS_CIQ_NO, whichever the producer wrote. */
  seqNo: string | null;
  entryId: string | null;
  /**
   * The CHANNEL code exactly as written (case-sensitive, unknown codes kept). A DecImportResponse
   * has none: ResponseCode 0 becomes 0 (导入成功) and any other code 1 (导入失败).
   */
  channel: string;
  note: string;
  /** NOTICE_DATE as an ISO 8601 instant (a time without zone is China time, UTC+8); '' when absent or unreadable. */
  noticeDate: string;
  /** NOTICE_DATE as written. */
  noticeDateRaw: string;
  /** The remaining fields of the receipt by element name (CUSTOM_MASTER, I_E_DATE, D_DATE, ResponseCode …). */
  fields: Record<string, string>;
}

/**
 * Reads NOTICE_DATE in the two forms receipts use: `20180208T15032200` (yyyyMMdd'T'HHmmss plus
 * hundredths) and ISO 8601 (`2018-02-08T15:03:22`, a space for the T, fractions, a zone or
 * none). A time without a zone is China Standard Time. Returns '' when it is neither.
 */
export function parseNoticeDate(value: string): string {
  const text = value.trim();
  let iso: string | null = null;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?(\d{1,3})?)?$/.exec(text);
  if (compact) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', frac = ''] = compact;
    iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.padEnd(3, '0')}` : ''}+08:00`;
  } else {
    const full = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
    if (full) {
      const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = full;
      const offset =
        zone === undefined
          ? '+08:00'
          : zone === 'Z'
            ? 'Z'
            : zone.includes(':')
              ? zone
              : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`;
    }
  }
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

function fieldsOf(element: XmlElement): Map<string, string> {
  const fields = new Map<string, string>();
  for (const child of element.children) {
    // Only value elements: a nested block some producer adds is not ours to read.
    if (child.children.length === 0) fields.set(child.name, child.text.trim());
  }
  return fields;
}

/** Takes the first non-empty of several names a producer may use; every one of them is consumed. */
const take = (fields: Map<string, string>, ...names: string[]): string | null => {
  let found: string | null = null;
  for (const name of names) {
    const value = fields.get(name);
    if (found === null && value !== undefined && value !== '') found = value;
    fields.delete(name);
  }
  return found;
};

function businessReceipt(result: XmlElement, resultInfo: string): ParsedReceipt {
  const fields = fieldsOf(result);
  const channel = take(fields, 'CHANNEL');
  if (channel === null) throw fieldError('(file)', 'receipts.no-channel', { line: result.line, element: result.name });
  const noticeDateRaw = take(fields, 'NOTICE_DATE') ?? '';
  const note = take(fields, 'NOTE') ?? '';
  return {
    kind: 'business',
    clientSeqNo: take(fields, 'CLIENTSEQ_NO', 'CLIENT_SEQ_NO', 'ClientSeqNo'),
    seqNo: take(fields, 'SEQ_NO', 'CUS_CIQ_NO', 'SeqNo'),
    entryId: take(fields, 'ENTRY_ID', 'EntryId'),
    channel,
    note: resultInfo && !note.includes(resultInfo) ? (note ? `${note}\n${resultInfo}` : resultInfo) : note,
    noticeDate: parseNoticeDate(noticeDateRaw),
    noticeDateRaw,
    fields: Object.fromEntries(fields),
  };
}

function importResponse(root: XmlElement): ParsedReceipt {
  const fields = fieldsOf(root);
  const code = take(fields, 'ResponseCode');
  if (code === null) throw fieldError('(file)', 'receipts.no-response-code');
  fields.set('ResponseCode', code);
  return {
    kind: 'import-response',
    clientSeqNo: take(fields, 'ClientSeqNo'),
    seqNo: take(fields, 'SeqNo'),
    entryId: take(fields, 'EntryId'),
    channel: code === '0' ? '0' : '1',
    note: take(fields, 'ErrorMessage') ?? '',
    noticeDate: '',
    noticeDateRaw: '',
    fields: Object.fromEntries(fields),
  };
}

/**
 * Reads a receipt file's text (already decoded: see main/core/interchange/decode.ts for
 * GB2312/GBK): a DecImportResponse, or a DEC_DATA with one or more DEC_RESULT. Element names
 * are matched by local name in any namespace, unknown elements are kept in `fields` or
 * ignored, unknown CHANNEL codes are kept as written. Anything else is an IMPORT_FAILED error.
 */
export function parseReceipt(text: string): ParsedReceipt[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw fieldError('(file)', 'receipts.not-well-formed', {
      line: error.line,
      column: error.column,
      kind: error.kind,
      detail: error.message,
    });
  }
  if (root.name === 'DecImportResponse') return [importResponse(root)];
  if (root.name === 'DEC_DATA') {
    const info = root.children.find((c) => c.name === 'RESULT_INFO')?.text.trim() ?? '';
    const results = root.children.filter((c) => c.name === 'DEC_RESULT');
    if (results.length === 0) throw fieldError('(file)', 'receipts.no-result');
    return results.map((r) => businessReceipt(r, info));
  }
  if (root.name === 'DEC_RESULT') return [businessReceipt(root, '')];
  throw fieldError('(file)', 'receipts.not-a-receipt', { element: root.name });
}
