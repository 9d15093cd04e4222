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

/** A declaration's distinct 商品编号, in order and comma-joined, as a subquery (NULL when no line has one). */
const codeTs = `nullif(json_extract(data, '$.CodeTS'), '')`;
const goodsCodes = (declarationId: string) => `(SELECT group_concat(DISTINCT ${codeTs} ORDER BY ${codeTs})
  FROM declaration_rows WHERE declaration_id = ${declarationId} AND tbl = 'lines')`;

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
    // The template the first revision names: by the id recorded since drafts kept it, else by the name recorded
    // before (a template renamed since is then not found, and the review compares with a declaration instead).
    templateOf: db.prepare<[string], { id: string }>(`SELECT t.id FROM declaration_revisions r JOIN templates t
      ON t.id = json_extract(r.changes, '$.templateId')
        OR (json_extract(r.changes, '$.templateId') IS NULL AND t.name = json_extract(r.changes, '$.template'))
      WHERE r.declaration_id = ? AND r.revision = 1`),
    // Same direction, same 境内收发货人 customs code (on its index, migration 0015), made before this one, not
    // 已撤单, and the same set of 商品编号 (distinct, in order; a line without one does not count).
    lastOfCustomer: db.prepare<[string], { id: string }>(`WITH me AS (
        SELECT id, ie_flag, created_at, json_extract(head, '$.TradeCode') AS code, ${goodsCodes('declarations.id')} AS goods
        FROM declarations WHERE id = ?)
      SELECT d.id FROM declarations d JOIN me ON json_extract(d.head, '$.TradeCode') = me.code
      WHERE d.deleted_at IS NULL AND d.id <> me.id AND d.ie_flag = me.ie_flag AND d.workflow <> 'cancelled'
        AND (d.created_at < me.created_at OR (d.created_at = me.created_at AND d.id < me.id))
        AND ${goodsCodes('d.id')} = me.goods
      ORDER BY d.created_at DESC, d.id DESC LIMIT 1`),
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
    /** The id of the template the declaration was started from, while that template is kept. */
    templateOf: (declarationId: string): string | undefined => stmt.templateOf.get(declarationId)?.id,
    /**
     * The id of the same customer's last declaration of the same goods before this one, for a review to compare
     * against when the declaration came from no template.
     */
    lastOfCustomer: (declarationId: string): string | undefined => stmt.lastOfCustomer.get(declarationId)?.id,
  };
}

export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;
