import { fieldError } from '../api/errors';
import type { XmlElement } from '../interchange/xml-tree';
import { XmlSyntaxError, parseXml } from '../interchange/xml-tree';
import { textElement, unwritableCode } from '../interchange/xml-text';
import { parseNoticeDate } from '../interchange/receipts';
import type { DecModChange } from './dec-mod-list';
import type { DecModHead } from './mod-request';

/**
 * The 修撤单 as a file for the e-port client's OutBox, and the client's answers to it in InBox
 * (docs/modify-cancel.md, "The e-port folder bridge", says which parts are sourced and which are ours).
 *
 * Layout: the head's nodes directly under the root and one `Items/Item` per changed field — as the e-port
 * operator's own reader of the 修撤单 message takes it apart (ep-util's DecModCusMessage). The root's name
 * `DecModMessage` and the namespace (the declaration message's) are ours: that reader checks neither.
 */
export const DEC_MOD_ROOT = 'DecModMessage';
const NAMESPACE = 'http://www.chinaport.gov.cn/dec';

/** The head's nodes in the order of the source's mapping; Sign/SignTime are left to the operator's card. */
const HEAD_ORDER = [
  'DecModType',
  'EntryId',
  'CustomsCode',
  'TradeCode',
  'TradeName',
  'AgentCode',
  'AgentName',
  'DecModNote',
  'DecSeqNo',
  'IeFlag',
  'OperType',
  'TradeCreditCode',
  'AgentCreditCode',
] as const;

function element(name: string, value: string): string {
  const code = unwritableCode(value);
  if (code !== null) throw fieldError(name, 'xml.unwritable-char', { field: name, char: code });
  return textElement(name, value);
}

/** The request file: unsigned (the e-port client signs it with the operator's card, as it does a DecMessage). */
export function writeDecModMessage(input: { head: DecModHead; changes: readonly DecModChange[]; operType: string }) {
  const values: Record<(typeof HEAD_ORDER)[number], string> = { ...input.head, OperType: input.operType };
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${DEC_MOD_ROOT} xmlns="${NAMESPACE}">`];
  for (const name of HEAD_ORDER) out.push(`  ${element(name, values[name])}`);
  out.push('  <Items>');
  for (const c of input.changes) {
    out.push('    <Item>');
    for (const [name, value] of [
      ['No', String(c.no)],
      ['FieldCode', c.fieldCode],
      ['FieldName', c.fieldName],
      ['OldValue', c.oldValue],
      ['NewValue', c.newValue],
      ['OldName', c.oldName],
      ['NewName', c.newName],
    ] as const)
      out.push(`      ${element(name, value)}`);
    out.push('    </Item>');
  }
  out.push('  </Items>', `</${DEC_MOD_ROOT}>`, '');
  return out.join('\n');
}

/**
 * What an InBox/FailBox file says about a 修撤单: `taken-in` (the single window holds it, under its 修撤单统一编号),
 * `waiting` (a step on the way, its note kept), `approved` or `refused` (its note the reason), or `returned` (one of
 * our request files the e-port client gave back in FailBox). The keys that name the request: the 修撤单统一编号 and,
 * when the file carries them, the 海关编号 (EntryId) and the declaration's 统一编号 (DecSeqNo).
 */
export interface DecModAnswer {
  kind: 'taken-in' | 'waiting' | 'approved' | 'refused' | 'returned';
  element: string;
  modSeqNo: string | null;
  entryId: string | null;
  decSeqNo: string | null;
  note: string;
  /** ISO 8601, '' when the file gives no time. */
  at: string;
}

/**
 * HzApprovalResult's FeedbackResults: S is sourced (the sample pairs it with 海关接收入库成功，等待受理, so it is a step,
 * not an answer); the codes of the final answer are not found in any source, and Y / N are ours.
 */
export const feedbackResults: Readonly<Record<string, DecModAnswer['kind']>> = {
  S: 'waiting',
  Y: 'approved',
  N: 'refused',
};

const ANSWER_ROOTS = new Set(['DecModSaveResponse', 'HzApprovalResult', DEC_MOD_ROOT]);

const child = (e: XmlElement, name: string): XmlElement | undefined => e.children.find((c) => c.name === name);
const value = (e: XmlElement, name: string): string | null => child(e, name)?.text.trim() || null;

/** Unwraps the network envelope the sourced samples come in: DxpMsg/Data (Base64) → DataInfo/SignedData/Data/…. */
function unwrap(root: XmlElement, decodeBase64: (text: string) => string): XmlElement {
  let at = root;
  if (at.name === 'DxpMsg') {
    const data = value(at, 'Data');
    if (data === null) throw fieldError('(file)', 'receipts.decmod-no-field', { element: 'DxpMsg', field: 'Data' });
    at = parseXml(decodeBase64(data));
  }
  if (at.name === 'DataInfo') {
    const inner = child(child(at, 'SignedData') ?? at, 'Data')?.children[0];
    if (!inner)
      throw fieldError('(file)', 'receipts.decmod-no-field', { element: 'DataInfo', field: 'SignedData/Data' });
    at = inner;
  }
  return at;
}

/**
 * Reads a file as a 修撤单 answer; null when it is no 修撤单 document at all (the caller reads it as a declaration's
 * receipt). A 修撤单 document missing what names the request or its outcome is refused naming the element.
 */
export function parseDecModAnswer(text: string, decodeBase64: (text: string) => string): DecModAnswer | null {
  let root: XmlElement;
  try {
    root = unwrap(parseXml(text), decodeBase64);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return null;
    throw error;
  }
  if (!ANSWER_ROOTS.has(root.name)) return null;
  const require = (name: string): string => {
    const found = value(root, name);
    if (found === null) throw fieldError('(file)', 'receipts.decmod-no-field', { element: root.name, field: name });
    return found;
  };
  const keys = { element: root.name, entryId: value(root, 'EntryId'), decSeqNo: value(root, 'DecSeqNo') };
  if (root.name === 'DecModSaveResponse') {
    const code = require('ResultCode');
    const modSeqNo = value(root, 'DecModSeqNo');
    if (code === '0' && modSeqNo === null) require('DecModSeqNo');
    return {
      ...keys,
      kind: code === '0' ? 'taken-in' : 'refused',
      modSeqNo,
      note: value(root, 'ResultMessage') ?? '',
      at: '',
    };
  }
  if (root.name === 'HzApprovalResult') {
    const modSeqNo = require('DestResourceId');
    const code = require('FeedbackResults');
    const kind = feedbackResults[code];
    if (!kind) throw fieldError('(file)', 'receipts.decmod-unknown-result', { element: root.name, code });
    return {
      ...keys,
      kind,
      modSeqNo,
      note: value(root, 'ResultNote') ?? '',
      at: parseNoticeDate(value(root, 'FeedbackTime') ?? ''),
    };
  }
  // One of our own request files, given back.
  require('EntryId');
  return { ...keys, kind: 'returned', modSeqNo: null, note: '', at: '' };
}
