import { z } from 'zod';
import type { Row } from '../catalog/document';
import { reasonMessageSchema } from '../api/errors';
import { canonicalJson } from '../protocol/canonical';
import { signedEnvelopeFields, signedSchema } from '../protocol/signed';

/**
 * The cases a party may ask for a modification or cancellation in (海关总署令第220号 Art. 5, docs/modify-cancel.md),
 * numbered in the order of the article (the numbers are ours: no code table was found).
 */
export const modReasonCases = [1, 2, 3, 4, 5, 6] as const;
export type ModReasonCase = (typeof modReasonCases)[number];

export const modReasonLabels: Readonly<Record<ModReasonCase, { zh: string; en: string }>> = {
  1: { zh: '出口放行后因装运、配载等原因退关或变更运输工具', en: 'Export shut out or transport changed after release' },
  2: { zh: '装运、运输、存储过程中溢短装或不可抗力灭失、短损', en: 'Over/short shipment, or loss by force majeure' },
  3: { zh: '办理退补税、担保或其他海关手续需要修改或撤销', en: 'Duty refund/supplement or another customs procedure' },
  4: { zh: '按贸易惯例先暂时价格成交、实际结算时修正', en: 'Provisional price settled later' },
  5: { zh: '进口货物直接退运', en: 'Imported goods returned directly' },
  6: { zh: '计算机、网络系统等技术原因导致电子数据申报错误', en: 'Data declared wrongly by a technical fault' },
};

/** 1 修改申请, 2 撤销申请 (DecModType). */
export const decModTypes = { modify: '1', cancel: '2' } as const;
export type ModKind = keyof typeof decModTypes;

/** The DecModHead a request carries (docs/modify-cancel.md lists each node and what fills it). */
export const decModHeadSchema = z.object({
  DecModType: z.enum(['1', '2']),
  EntryId: z.string().regex(/^\d{18}$/),
  DecSeqNo: z.string().max(18),
  CustomsCode: z.string().max(4),
  IeFlag: z.enum(['I', 'E']),
  TradeCode: z.string().max(18),
  TradeName: z.string().max(100),
  TradeCreditCode: z.string().max(18),
  AgentCode: z.string().max(18),
  AgentName: z.string().max(100),
  AgentCreditCode: z.string().max(18),
  DecModNote: z.string().max(255),
});
export type DecModHead = z.infer<typeof decModHeadSchema>;

export const decModChangeSchema = z.object({
  no: z.number().int().positive(),
  table: z.enum(['head', 'lines']),
  row: z.number().int().min(0).nullable(),
  fieldCode: z.string().min(1).max(64),
  fieldName: z.string().max(64),
  oldValue: z.string().max(1000),
  newValue: z.string().max(1000),
  oldName: z.string().max(200),
  newName: z.string().max(200),
});

/** The longest note a broker may add (DecModNote holds the case's words and the note: 255 characters in all). */
export const MAX_MOD_NOTE = 200;

/** DecModNote: the case's words, then the broker's note. */
export function decModNote(reasonCase: ModReasonCase, note: string): string {
  const words = modReasonLabels[reasonCase].zh;
  return note.trim() === '' ? words : `${words}；${note.trim()}`;
}

/** The DecModHead of a request about a declaration (its head as declared, its 海关编号 and 统一编号). */
export function buildDecModHead(input: {
  kind: ModKind;
  head: Row;
  entryId: string;
  seqNo: string | null;
  ieFlag: 'I' | 'E';
  reasonCase: ModReasonCase;
  note: string;
}): DecModHead {
  const h = (key: string) => input.head[key] ?? '';
  return {
    DecModType: decModTypes[input.kind],
    EntryId: input.entryId,
    DecSeqNo: input.seqNo ?? '',
    CustomsCode: h('CustomMaster'),
    IeFlag: input.ieFlag,
    TradeCode: h('TradeCode'),
    TradeName: h('TradeName'),
    TradeCreditCode: h('TradeCoScc'),
    AgentCode: h('AgentCode'),
    AgentName: h('AgentName'),
    AgentCreditCode: h('AgentCodeScc'),
    DecModNote: decModNote(input.reasonCase, input.note),
  };
}

/**
 * A modification or cancellation request as signed: the request id (the hub's idempotency key, as a submission's id
 * is), the declaration's own number here, when and by which key, the head and the changed fields (none for a
 * cancellation). The signature covers the canonical JSON of the whole envelope.
 */
export const modEnvelopeSchema = z.object({
  requestId: z.string().uuid(),
  docType: z.literal('decmod'),
  ...signedEnvelopeFields,
  reasonCase: z.number().int().min(1).max(6),
  head: decModHeadSchema,
  changes: z.array(decModChangeSchema).max(2000),
});
export type ModEnvelope = z.infer<typeof modEnvelopeSchema>;

/** A request as signed: the signature is over `modEnvelopeSigningText(envelope)`. */
export const signedModRequestSchema = signedSchema(modEnvelopeSchema);
export type SignedModRequest = z.infer<typeof signedModRequestSchema>;

/** The exact text that is signed: the canonical JSON of the envelope. */
export function modEnvelopeSigningText(envelope: ModEnvelope): string {
  return canonicalJson(envelope);
}

/**
 * The hub's answer to a request (its receipt): approved or refused with the reasons, each naming the field or the
 * declaration, under the hub's 修撤单统一编号. The same request id sent again gets the same receipt.
 */
export const modReceiptSchema = z.object({
  requestId: z.string().uuid(),
  outcome: z.enum(['approved', 'refused']),
  modSeqNo: z.string().max(18),
  at: z.string(),
  note: z.string().max(200),
  reasons: z.array(reasonMessageSchema).max(2000),
});
export type ModReceipt = z.infer<typeof modReceiptSchema>;
