import { sqlMigration } from './sql-migration';

// Second-person review (复核): each operator has roles — 录入员 (preparer), 复核员 (reviewer) or both — and every
// declaration has at most one review at a time: the content's digest frozen when it was submitted for review, who
// submitted it, and who approved or returned it with their remarks pinned to fields. Operators already here keep
// doing all they did before (both roles). The review is kept beside the declaration (not a workflow state) so a
// declaration under review stays a draft for everything else; its history entries record each step and its author.
export const migration0016 = sqlMigration(
  16,
  'review',
  `
      ALTER TABLE operator_profiles ADD COLUMN roles TEXT NOT NULL DEFAULT 'preparer,reviewer';

      CREATE TABLE declaration_reviews (
        declaration_id TEXT PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
        state          TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
        digest         TEXT NOT NULL,
        preparer_id    TEXT NOT NULL,
        preparer       TEXT NOT NULL,
        reviewer_id    TEXT,
        reviewer       TEXT,
        remarks        TEXT NOT NULL DEFAULT '[]',
        submitted_at   TEXT NOT NULL,
        decided_at     TEXT
      );
      CREATE INDEX declaration_reviews_state ON declaration_reviews (state, submitted_at);
    `,
);
