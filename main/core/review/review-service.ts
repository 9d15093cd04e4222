import type { DeclarationReview, ReviewQueueItem, ReviewRemarkInput } from '../../../shared/api';
import { AppError } from '../../../shared/api';
import type { AttachmentRef } from '../../../shared/attachments';
import type { DeclarationDoc } from '../../../shared/catalog';
import { payloadDigest } from '../../../shared/protocol';
import type { DeclarationsRepo, StoredDeclaration } from '../../db/repositories/declarations-repo';
import type { ReviewsRepo, StoredReview } from '../../db/repositories/reviews-repo';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { createLifecycle } from '../lifecycle/lifecycle';
import type { ProfileService } from '../profiles/profile-service';

/** Who prepared and who reviewed a declaration, as its signed submission carries them. */
export interface SubmissionPeople {
  preparer: string;
  reviewer: string | null;
}

/**
 * Second-person review (复核). 提交复核 freezes the content: its digest is the payload digest a signed submission
 * pins (shared/protocol), so a reviewer approves exactly what will be signed. Any edit changes the digest, which voids
 * a submission or an approval without anyone having to remember to; the preparer never reviews their own.
 */
export function createReviewService(
  ctx: CoreContext,
  deps: {
    repo: DeclarationsRepo;
    reviews: ReviewsRepo;
    profiles: ProfileService;
    /** The 随附单据 files the document names, as 申报 signs them (the digest covers them too). */
    attachmentRefs?: (doc: DeclarationDoc) => AttachmentRef[];
  },
) {
  const { repo, reviews, profiles } = deps;
  const lifecycle = createLifecycle(repo);

  function mustGet(id: string): StoredDeclaration {
    const row = repo.get(id);
    if (!row) throw new AppError('declarations.not-found', { id });
    return row;
  }

  /** The digest of the declaration's content now: the payload 申报 would sign (built as declare.ts builds it). */
  function digestOf(row: StoredDeclaration): string {
    const doc = repo.loadDoc(row);
    let attachments: AttachmentRef[];
    try {
      attachments = deps.attachmentRefs?.(doc) ?? [];
    } catch {
      // A file named but missing: the content cannot be what was reviewed (申报 refuses it on its own).
      return 'missing-attachment';
    }
    return payloadDigest({ ieFlag: row.ieFlag, doc, ...(attachments.length > 0 ? { attachments } : {}) });
  }

  function toApi(id: string, review: StoredReview | undefined, digest: string): DeclarationReview {
    return {
      declarationId: id,
      state: review?.state ?? 'none',
      digest: review?.digest ?? null,
      current: review ? review.digest === digest : false,
      preparer: review ? { id: review.preparerId, name: review.preparer } : null,
      reviewer: review?.reviewerId ? { id: review.reviewerId, name: review.reviewer ?? '' } : null,
      remarks: review?.remarks ?? [],
      submittedAt: review?.submittedAt ?? null,
      decidedAt: review?.decidedAt ?? null,
      required: profiles.reviewRequired(),
    };
  }

  function operatorWith(role: 'preparer' | 'reviewer') {
    const me = profiles.current();
    const name = me?.operator.name ?? 'local';
    if (!me || !me.roles.includes(role))
      throw new AppError(role === 'preparer' ? 'review.not-preparer' : 'review.not-reviewer', { operator: name });
    return me;
  }

  const decide = ctx.db.transaction(
    (id: string, verdict: 'approved' | 'returned', remarks: ReviewRemarkInput[]): DeclarationReview => {
      const me = operatorWith('reviewer');
      const row = mustGet(id);
      const review = reviews.get(id);
      const seqNo = row.clientSeqNo;
      if (!review || review.state !== 'submitted') throw new AppError('review.not-submitted', { seqNo });
      if (review.preparerId === me.id)
        throw new AppError('review.own-declaration', { seqNo, operator: me.operator.name });
      const digest = digestOf(row);
      if (verdict === 'approved' && review.digest !== digest)
        throw new AppError('review.changed-since-submitted', { seqNo });
      if (verdict === 'returned' && remarks.length === 0) throw new AppError('review.remarks-required');
      const at = isoAt(ctx.clock);
      const next: StoredReview = {
        ...review,
        state: verdict,
        reviewerId: me.id,
        reviewer: me.operator.name,
        remarks: verdict === 'returned' ? remarks : [],
        decidedAt: at,
      };
      lifecycle.apply(row, verdict === 'approved' ? 'approve-review' : 'return-review', {
        at,
        actor: profiles.actor(),
        changes: verdict === 'approved' ? { digest: review.digest } : { digest: review.digest, remarks },
      });
      reviews.put(next);
      return toApi(id, next, digest);
    },
  );

  const submit = ctx.db.transaction((id: string): DeclarationReview => {
    const me = operatorWith('preparer');
    const row = mustGet(id);
    lifecycle.check(row, 'submit-review');
    const digest = digestOf(row);
    const before = reviews.get(id);
    // Submitting the same content again changes nothing (a double click, a retried call).
    if (before && before.state === 'submitted' && before.digest === digest) return toApi(id, before, digest);
    const at = isoAt(ctx.clock);
    const next: StoredReview = {
      declarationId: id,
      state: 'submitted',
      digest,
      preparerId: me.id,
      preparer: me.operator.name,
      reviewerId: null,
      reviewer: null,
      remarks: [],
      submittedAt: at,
      decidedAt: null,
    };
    lifecycle.apply(row, 'submit-review', { at, actor: profiles.actor(), changes: { digest } });
    reviews.put(next);
    return toApi(id, next, digest);
  });

  return {
    get(id: string): DeclarationReview {
      const row = mustGet(id);
      return toApi(id, reviews.get(id), digestOf(row));
    },
    submit: (id: string) => {
      const result = submit(id);
      ctx.events.emit('declarations.changed', { ids: [id] });
      return result;
    },
    approve: (id: string) => {
      const result = decide(id, 'approved', []);
      ctx.events.emit('declarations.changed', { ids: [id] });
      return result;
    },
    return: (id: string, remarks: ReviewRemarkInput[]) => {
      const result = decide(id, 'returned', remarks);
      ctx.events.emit('declarations.changed', { ids: [id] });
      return result;
    },
    queue(): ReviewQueueItem[] {
      return reviews.waiting(500).flatMap((r) => {
        const row = repo.get(r.declarationId);
        if (!row) return [];
        return [
          {
            declarationId: row.id,
            clientSeqNo: row.clientSeqNo,
            ieFlag: row.ieFlag,
            tradeName: row.tradeName,
            billNo: row.billNo,
            preparer: r.preparer,
            submittedAt: r.submittedAt,
            lineCount: row.lineCount,
          },
        ];
      });
    },
    /**
     * Who prepared and reviewed the content `digest` about to be signed; with 申报前须复核 on, refuses unless exactly that
     * digest was approved.
     */
    peopleFor(row: Pick<StoredDeclaration, 'id' | 'clientSeqNo'>, digest: string): SubmissionPeople {
      const review = reviews.get(row.id);
      const approved = review?.state === 'approved' && review.digest === digest;
      if (profiles.reviewRequired() && !approved) {
        const seqNo = row.clientSeqNo;
        throw new AppError(review?.state === 'approved' ? 'review.approval-void' : 'review.required', { seqNo });
      }
      return {
        preparer: review?.preparer ?? profiles.current()?.operator.name ?? 'local',
        reviewer: approved ? (review.reviewer ?? null) : null,
      };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
