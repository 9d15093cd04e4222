import { z } from 'zod';
import { idSchema } from './schemas';

// Second-person review (复核) in the contract: a declaration's review, submitting, approving, returning, the queue.

export const reviewRemarkSchema = z
  .object({
    /** The field the remark is pinned to, as findings name it (head.TrafName, lines.0.GModel …). */
    path: z.string().min(1).max(200),
    text: z.string().trim().min(1).max(500),
  })
  .strict();
export type ReviewRemarkInput = z.infer<typeof reviewRemarkSchema>;

export const reviewStateSchema = z.enum(['none', 'submitted', 'approved', 'returned']);

export const reviewSchema = z.object({
  declarationId: z.string(),
  state: reviewStateSchema,
  /** The digest frozen at 提交复核 (the payload digest the signed submission pins); null before any. */
  digest: z.string().nullable(),
  /** Whether the declaration's content is still the digest's (false: edited since; an approval no longer holds). */
  current: z.boolean(),
  preparer: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  remarks: z.array(z.object({ path: z.string(), text: z.string() })),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The firm's rule 申报前须复核. */
  required: z.boolean(),
});
export type DeclarationReview = z.infer<typeof reviewSchema>;

export const reviewQueueItemSchema = z.object({
  declarationId: z.string(),
  clientSeqNo: z.string(),
  ieFlag: z.enum(['I', 'E']),
  tradeName: z.string(),
  billNo: z.string(),
  preparer: z.string(),
  submittedAt: z.string(),
  /** 商品项数: how much the reviewer has to check. */
  lineCount: z.number().int(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const byId = z.object({ id: idSchema }).strict();

export const reviewMethods = {
  'review.get': method(byId, reviewSchema),
  /** 提交复核 by the current operator (a 录入员): freezes the content's digest. */
  'review.submit': method(byId, reviewSchema),
  /** 复核通过 by the current operator (a 复核员, not the preparer) of exactly the submitted digest. */
  'review.approve': method(byId, reviewSchema),
  /** 退回 with remarks pinned to fields. */
  'review.return': method(
    z.object({ id: idSchema, remarks: z.array(reviewRemarkSchema).max(50) }).strict(),
    reviewSchema,
  ),
  /** Declarations waiting for a reviewer, oldest first. */
  'review.queue': method(z.object({}).strict(), z.array(reviewQueueItemSchema)),
} as const;
