import { z } from 'zod';
import { taxBillSchema } from '../taxes/bill-schema';
import { signatureAlgorithms, signedSubmissionSchema } from './envelope';

/** The hub's JSON wire types, shared by hub/ (which serves them) and main/ (which calls them). */

export const MAX_BATCH = 100;

export const enrollmentRequestSchema = z.object({
  code: z.string().min(4).max(64),
  publicKey: z.string().min(16).max(1024),
  algorithm: z.enum(signatureAlgorithms),
  clientName: z.string().min(1).max(100),
});
export type EnrollmentRequest = z.infer<typeof enrollmentRequestSchema>;

export const enrollmentResponseSchema = z.object({ clientId: z.string(), keyId: z.string() });
export type EnrollmentResponse = z.infer<typeof enrollmentResponseSchema>;

export const fieldErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const submitRequestSchema = z.object({
  submissions: z.array(signedSubmissionSchema).min(1).max(MAX_BATCH),
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const submissionOutcomes = ['accepted', 'duplicate', 'conflict', 'rejected'] as const;
export type SubmissionOutcome = (typeof submissionOutcomes)[number];

export const submitResultSchema = z.object({
  submissionId: z.string(),
  outcome: z.enum(submissionOutcomes),
  hubSeq: z.number().int().nullable(),
  errors: z.array(fieldErrorSchema),
});
export type SubmitResult = z.infer<typeof submitResultSchema>;

export const submitResponseSchema = z.object({ results: z.array(submitResultSchema) });
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

export const submissionStateSchema = z.object({
  submissionId: z.string(),
  state: z.enum(['accepted', 'rejected']),
  payloadDigest: z.string(),
  hubSeq: z.number().int().nullable(),
  receivedAt: z.string(),
  errors: z.array(fieldErrorSchema),
  preparer: z
    .string()
    .nullable()
    .describe('Who prepared the declaration, as its signed envelope names them; null when it names nobody'),
  reviewer: z
    .string()
    .nullable()
    .describe(
      'Who reviewed (复核) exactly the signed content, as its signed envelope names them; null when nobody did',
    ),
});
export type SubmissionState = z.infer<typeof submissionStateSchema>;

export const receiptSchema = z.object({
  /** Position in hub order; the client stores the last one it applied as its cursor. */
  cursor: z.string(),
  receiptId: z.string(),
  submissionId: z.string(),
  clientSeqNo: z.string(),
  channel: z.string().min(1).max(8),
  note: z.string(),
  noticeDate: z.string(),
  seqNo: z.string().nullable(),
  entryId: z.string().nullable(),
  errors: z.array(fieldErrorSchema),
  /** The 税费单 the hub computed for an import (on its release receipt): the estimate's code and shape. */
  taxBill: taxBillSchema.optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const receiptsResponseSchema = z.object({
  receipts: z.array(receiptSchema),
  /** The cursor to ask with next (unchanged when nothing new arrived). */
  cursor: z.string(),
});
export type ReceiptsResponse = z.infer<typeof receiptsResponseSchema>;

export const hubErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(fieldErrorSchema).optional(),
  }),
});
export type HubError = z.infer<typeof hubErrorSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.string(),
  /** The hub's database, checked by this request (a hub whose database does not answer says 503). */
  store: z
    .object({ kind: z.enum(['sqlite', 'postgres']), schemaVersion: z.number().int(), latencyMs: z.number() })
    .optional(),
  /** What this hub takes; absent from hubs older than the setting (they take 4 MB files). */
  limits: z.object({ attachmentBytes: z.number().int().min(1) }).optional(),
});
export type HubHealth = z.infer<typeof healthSchema>;
