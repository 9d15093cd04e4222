import { z } from 'zod';
import { declarationDocSchema } from '../catalog/document';
import { declarationSummarySchema, idSchema } from './schemas';

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

/**
 * A declaration waiting for review, as the queue lists it: its columns taken from the declaration summary, so the two
 * cannot drift (lineCount, 商品项数, is how much the reviewer has to check), and who submitted it when.
 */
export const reviewQueueItemSchema = declarationSummarySchema
  .pick({ clientSeqNo: true, ieFlag: true, tradeName: true, billNo: true, lineCount: true })
  .extend({ declarationId: z.string(), preparer: z.string(), submittedAt: z.string() });
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

/** What a review compares a declaration with: the template it was started from, or an earlier declaration. */
export const reviewBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('template'), id: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('declaration'),
    id: z.string(),
    clientSeqNo: z.string(),
    entryId: z.string().nullable(),
    /** 申报日期 when it was declared, else when it was made. */
    at: z.string(),
  }),
]);
export type ReviewBasis = z.infer<typeof reviewBasisSchema>;

/**
 * The two documents a reviewer's differences are worked out from (shared/review/review-diff.ts), each as a template
 * keeps a document — what was keyed, in the parts the template holds — so customs' and the app's own numbers never
 * count as a difference. Null when there is nothing to compare with.
 */
export const reviewComparisonSchema = z
  .object({ basis: reviewBasisSchema, base: declarationDocSchema, current: declarationDocSchema })
  .nullable();
export type ReviewComparison = z.infer<typeof reviewComparisonSchema>;

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
  /**
   * What to compare the declaration with: the template it was started from; else the same customer's (境内收发货人
   * 海关编码) last earlier declaration of the same direction and the same set of 商品编号, not 已撤单; else nothing.
   */
  'review.comparison': method(byId, reviewComparisonSchema),
} as const;
