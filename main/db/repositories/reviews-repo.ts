import type { Db } from '../connection';

/** A remark a reviewer pinned to a field (its path as findings name it, e.g. head.TrafName or lines.0.GModel). */
export interface ReviewRemark {
  path: string;
  text: string;
}

/** A declaration's review (migration 0016): the digest frozen at 提交复核 and what the reviewer decided. */
export interface StoredReview {
  declarationId: string;
  state: 'submitted' | 'approved' | 'returned';
  digest: string;
  preparerId: string;
  preparer: string;
  reviewerId: string | null;
  reviewer: string | null;
  remarks: ReviewRemark[];
  submittedAt: string;
  decidedAt: string | null;
}

interface ReviewRow {
  declaration_id: string;
  state: StoredReview['state'];
  digest: string;
  preparer_id: string;
  preparer: string;
  reviewer_id: string | null;
  reviewer: string | null;
  remarks: string;
  submitted_at: string;
  decided_at: string | null;
}

const fromRow = (r: ReviewRow): StoredReview => ({
  declarationId: r.declaration_id,
  state: r.state,
  digest: r.digest,
  preparerId: r.preparer_id,
  preparer: r.preparer,
  reviewerId: r.reviewer_id,
  reviewer: r.reviewer,
  remarks: JSON.parse(r.remarks) as ReviewRemark[],
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
});

export function createReviewsRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT * FROM declaration_reviews WHERE declaration_id = ?`),
    put: db.prepare(`INSERT INTO declaration_reviews (declaration_id, state, digest, preparer_id, preparer, reviewer_id,
        reviewer, remarks, submitted_at, decided_at)
      VALUES (@declaration_id, @state, @digest, @preparer_id, @preparer, @reviewer_id, @reviewer, @remarks, @submitted_at,
        @decided_at)
      ON CONFLICT (declaration_id) DO UPDATE SET state = excluded.state, digest = excluded.digest,
        preparer_id = excluded.preparer_id, preparer = excluded.preparer, reviewer_id = excluded.reviewer_id,
        reviewer = excluded.reviewer, remarks = excluded.remarks, submitted_at = excluded.submitted_at,
        decided_at = excluded.decided_at`),
    waiting: db.prepare(`SELECT r.* FROM declaration_reviews r JOIN declarations d ON d.id = r.declaration_id
      WHERE r.state = 'submitted' AND d.deleted_at IS NULL ORDER BY r.submitted_at, r.declaration_id LIMIT ?`),
  };
  return {
    get: (declarationId: string): StoredReview | undefined => {
      const row = stmt.get.get(declarationId) as ReviewRow | undefined;
      return row ? fromRow(row) : undefined;
    },
    put: (r: StoredReview): void =>
      void stmt.put.run({
        declaration_id: r.declarationId,
        state: r.state,
        digest: r.digest,
        preparer_id: r.preparerId,
        preparer: r.preparer,
        reviewer_id: r.reviewerId,
        reviewer: r.reviewer,
        remarks: JSON.stringify(r.remarks),
        submitted_at: r.submittedAt,
        decided_at: r.decidedAt,
      }),
    /** Reviews waiting for a reviewer, oldest submitted first. */
    waiting: (limit: number): StoredReview[] => (stmt.waiting.all(limit) as ReviewRow[]).map(fromRow),
  };
}

export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;
