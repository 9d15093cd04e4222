import type { Migration } from '../migrate';

// 修改申请's editable copy kept as a draft of the request, so that closing the editor or the app loses none of the
// broker's edits: one per declaration (a declaration has at most one modification being prepared), the copy as
// edited and the declaration's revision it was taken from. It is a table of its own, not a row of `declarations`,
// so the copy never shows in the list or counts as a declaration; it goes with its declaration.
export const migration0020: Migration = {
  version: 20,
  name: 'mod-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE mod_drafts (
        declaration_id  TEXT PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
        base_revision   INTEGER NOT NULL,
        doc             TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
    `);
  },
};
