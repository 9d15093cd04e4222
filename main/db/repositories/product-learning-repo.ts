import type { Db } from '../connection';

/** The ledger that makes the product library learn from each released submission once (product_learning). */
export function createProductLearningRepo(db: Db) {
  const claim = db.prepare(
    `INSERT OR IGNORE INTO product_learning (declaration_id, submission_id, learned_at, products) VALUES (?, ?, ?, 0)`,
  );
  const count = db.prepare(`UPDATE product_learning SET products = ? WHERE declaration_id = ? AND submission_id = ?`);
  return {
    /** Marks the release as learned from; false when it already was. */
    claim(declarationId: string, submissionId: string, at: string): boolean {
      return claim.run(declarationId, submissionId, at).changes > 0;
    },
    /** How many products the release added or updated. */
    recordCount(declarationId: string, submissionId: string, products: number): void {
      count.run(products, declarationId, submissionId);
    },
  };
}

export type ProductLearningRepo = ReturnType<typeof createProductLearningRepo>;
