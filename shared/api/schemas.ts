import { z } from 'zod';
import { taxBillSchema } from '../taxes/bill-schema';
import { declarationDocSchema, rowSchema, MAX_LINES, MAX_VALUE_LENGTH } from '../catalog/document';
import { decModChangeSchema, decModHeadSchema, MAX_MOD_NOTE } from '../modify/mod-request';
import { displayStatusKeys, workflows } from '../status/display-status';
import { reasonMessageSchema } from './errors';

export const idSchema = z.string().uuid();
/** A caller's id for one change, the same when the call is sent again (letters, digits, '-', '_'; 8–64). */
export const requestIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const ieFlagSchema = z.enum(['I', 'E']);
/** The fewest characters a passphrase sealing the signing keys may have (the renderer's box asks for as many). */
export const PASSPHRASE_MIN = 8;
export const passphraseSchema = z.string().min(PASSPHRASE_MIN).max(1024);
export const workflowSchema = z.enum(workflows);

const tableIdSchema = z.string().regex(/^[a-z][A-Za-z]*$/);

/** Edits are small operations, so autosave writes only what changed and each revision records it. */
export const patchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: z.string().min(1).max(80), value: z.string().max(MAX_VALUE_LENGTH) }),
  z.object({
    op: z.literal('insertRow'),
    table: tableIdSchema,
    index: z.number().int().min(0).max(999).optional(),
    row: rowSchema.optional(),
  }),
  z.object({ op: z.literal('removeRow'), table: tableIdSchema, index: z.number().int().min(0).max(999) }),
  z.object({
    op: z.literal('moveRow'),
    table: tableIdSchema,
    from: z.number().int().min(0).max(999),
    to: z.number().int().min(0).max(999),
  }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;

export const displayStatusSchema = z.enum(displayStatusKeys);

export const declarationSummarySchema = z.object({
  id: idSchema,
  clientSeqNo: z.string(),
  ieFlag: ieFlagSchema,
  workflow: workflowSchema,
  status: displayStatusSchema,
  channel: z.string().nullable(),
  entryId: z.string().nullable(),
  seqNo: z.string().nullable(),
  tradeName: z.string(),
  billNo: z.string(),
  contrNo: z.string(),
  lineCount: z.number().int(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 申报日期: when it was last declared (signed and queued); null for a draft never declared or taken back. */
  declaredAt: z.string().nullable(),
  /** 监管方式, 件数, 毛重 and 录入员 as keyed (the list's optional columns). */
  tradeMode: z.string(),
  packNo: z.string(),
  grossWet: z.string(),
  inputerName: z.string(),
  /**
   * 两步申报: the step DecHead/Type says (summary 概要, complete 完整; null one-step), the 进口日期 its 完整申报's deadline
   * counts from, and when a 概要 was released (the first release receipt taken here; null otherwise).
   */
  twoStep: z.enum(['summary', 'complete']).nullable(),
  ieDate: z.string(),
  releasedAt: z.string().nullable(),
});
export type DeclarationSummary = z.infer<typeof declarationSummarySchema>;

export const receiptEntrySchema = z.object({
  channel: z.string(),
  note: z.string(),
  noticeDate: z.string(),
  entryId: z.string().nullable(),
  seqNo: z.string().nullable(),
  receivedAt: z.string(),
  source: z.string(),
});
export type ReceiptEntry = z.infer<typeof receiptEntrySchema>;

/** The 税费单 customs sent for a declaration (declarations.taxBill), with the receipt that carried it. */
export const taxBillEntrySchema = z.object({
  bill: taxBillSchema,
  channel: z.string(),
  noticeDate: z.string(),
  entryId: z.string().nullable(),
});
export type TaxBillEntry = z.infer<typeof taxBillEntrySchema>;

/** Another declaration carrying the same 提运单号 (declarations.withBillNo). */
export const billNoUseSchema = z.object({ id: z.string(), clientSeqNo: z.string(), status: displayStatusSchema });
export type BillNoUse = z.infer<typeof billNoUseSchema>;

/** Errors the hub returned when it rejected a submission, pointing at fields. */
export const rejectionSchema = z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }));

export const declarationRecordSchema = declarationSummarySchema.extend({
  doc: declarationDocSchema,
  /** The hub's errors on the last submission that still stand (an edit of a field clears its own). */
  rejection: rejectionSchema.nullable(),
});
export type DeclarationRecord = z.infer<typeof declarationRecordSchema>;

/** The identifiers the list searches (each a prefix match on its own indexed column). */
export const listSearchFields = ['clientSeqNo', 'billNo', 'contrNo', 'tradeName', 'entryId', 'seqNo'] as const;
export const listSortKeys = [
  'updatedAt',
  'createdAt',
  'declaredAt',
  'clientSeqNo',
  'tradeName',
  'billNo',
  'contrNo',
  'entryId',
  'seqNo',
] as const;

export const listQuerySchema = z.object({
  text: z.string().max(100).optional(),
  /** Search `text` in this identifier only; in all of them when absent. */
  field: z.enum(listSearchFields).optional(),
  status: z.array(displayStatusSchema).max(20).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  sort: z.enum(listSortKeys).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export const syncStateSchema = z.enum(['not-configured', 'offline', 'online', 'syncing']);
export const syncStatusSchema = z.object({
  state: syncStateSchema,
  hubUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  outbox: z.object({ queued: z.number().int(), sending: z.number().int(), rejected: z.number().int() }),
  /**
   * The signing key waits for its passphrase (a restart without a passphrase file): nothing is sent and no
   * receipt is fetched until the broker unlocks it. Absent from an older main: not locked.
   */
  keyLocked: z.boolean().optional(),
  /** What went wrong last, to be worded in the UI language (the English text beside it for logs). */
  lastError: reasonMessageSchema.nullable(),
  lastSyncAt: z.string().nullable(),
  /** The 随附单据 files going up to the hub before their submissions, in bytes; null or absent when none. */
  upload: z.object({ sentBytes: z.number().int(), totalBytes: z.number().int() }).nullable().optional(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const keyStatusSchema = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  algorithm: z.enum(['ed25519', 'sm2']).nullable(),
  keyId: z.string().nullable(),
  publicKey: z.string().nullable(),
  /** How the active key is sealed (or, with no key yet, how a new one would be). */
  protection: z.enum(['safe-storage', 'passphrase']),
  /** Whether this host can seal keys with the OS keychain (the desktop app, when the OS offers one). */
  keychain: z.boolean(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
});

/** One check with its reason (zod's own URL check carries none): http(s), a host, no spaces. */
export const hubUrlSchema = z.string().refine((value) => /^https?:\/\/[^\s/?#]+(\/\S*)?$/.test(value), {
  message: 'The hub URL must start with http:// or https:// and name the hub',
  params: { reason: 'input.hub-url' },
});

export const lineLimit = MAX_LINES;

export const outboxStateSchema = z.enum(['queued', 'sending', 'accepted', 'rejected', 'withdrawn']);
export const outboxEntrySchema = z.object({
  submissionId: z.string(),
  declarationId: z.string(),
  clientSeqNo: z.string(),
  state: outboxStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** What went wrong last, to be worded in the UI language (the English text beside it for logs). */
  lastError: reasonMessageSchema.nullable(),
  hubSeq: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** One entry of a declaration's timeline: what was done locally, sent, and received. */
export const timelineEntrySchema = z.object({
  revision: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  changes: z.unknown(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** 修撤单: the case (1–6, 海关总署令第220号 Art. 5) and the broker's note. */
export const modReasonSchema = {
  reasonCase: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  note: z.string().trim().max(MAX_MOD_NOTE),
};

/** A modification or cancellation request as the declaration's timeline shows it. */
export const modRequestEntrySchema = z.object({
  requestId: z.string(),
  kind: z.enum(['modify', 'cancel']),
  state: z.enum(['queued', 'sending', 'sent', 'approved', 'refused']),
  reasonCase: z.number().int(),
  note: z.string(),
  head: decModHeadSchema,
  changes: z.array(decModChangeSchema),
  modSeqNo: z.string().nullable(),
  lastError: reasonMessageSchema.nullable(),
  answer: z.object({ at: z.string(), note: z.string(), reasons: z.array(reasonMessageSchema) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ModRequestEntry = z.infer<typeof modRequestEntrySchema>;

export const signatureAlgorithmSchema = z.enum(['ed25519', 'sm2']);
export const keyInfoSchema = z.object({
  keyId: z.string(),
  algorithm: signatureAlgorithmSchema,
  active: z.boolean(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
