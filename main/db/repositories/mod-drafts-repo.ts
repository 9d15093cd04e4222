import type { DeclarationDoc } from '../../../shared/catalog';
import type { Db } from '../connection';

/** 修改申请's editable copy of a declaration customs holds, kept until the request is queued or the copy discarded. */
export interface ModDraft {
  declarationId: string;
  /** The declaration's revision the copy was taken from. */
  baseRevision: number;
  doc: DeclarationDoc;
  createdAt: string;
  updatedAt: string;
}

interface Stored extends Omit<ModDraft, 'doc'> {
  doc: string;
}

/** The modification drafts: one per declaration, the copy as the broker left it. */
export function createModDraftsRepo(db: Db) {
  const stmt = {
    get: db.prepare(`SELECT declaration_id AS declarationId, base_revision AS baseRevision, doc,
      created_at AS createdAt, updated_at AS updatedAt FROM mod_drafts WHERE declaration_id = ?`),
    save: db.prepare(`INSERT INTO mod_drafts (declaration_id, base_revision, doc, created_at, updated_at)
      VALUES (@declarationId, @baseRevision, @doc, @at, @at)
      ON CONFLICT (declaration_id) DO UPDATE SET base_revision = excluded.base_revision, doc = excluded.doc,
      updated_at = excluded.updated_at`),
    remove: db.prepare(`DELETE FROM mod_drafts WHERE declaration_id = ?`),
  };
  return {
    get(declarationId: string): ModDraft | undefined {
      const row = stmt.get.get(declarationId) as Stored | undefined;
      return row ? { ...row, doc: JSON.parse(row.doc) as DeclarationDoc } : undefined;
    },
    /** Writes the copy as it is now (the first save makes the draft, later ones replace its content). */
    save(draft: { declarationId: string; baseRevision: number; doc: DeclarationDoc; at: string }): void {
      stmt.save.run({ ...draft, doc: JSON.stringify(draft.doc) });
    },
    /** Removes the draft; false when there was none. */
    remove(declarationId: string): boolean {
      return stmt.remove.run(declarationId).changes === 1;
    },
  };
}

export type ModDraftsRepo = ReturnType<typeof createModDraftsRepo>;
