import type { Migration } from '../migrate';

// What takes back the last write of lines accepted from a customer's invoice and packing list: the revision that write
// made and the edit that reverts it (JSON patch operations), kept with the write in its transaction so that 撤销 is
// still offered after the program restarts. One per declaration (a later write replaces it); it goes with its
// declaration.
export const migration0021: Migration = {
  version: 21,
  name: 'extract-undos',
  up(db) {
    db.exec(`
      CREATE TABLE extract_undos (
        declaration_id  TEXT PRIMARY KEY REFERENCES declarations (id) ON DELETE CASCADE,
        revision        INTEGER NOT NULL,
        ops             TEXT NOT NULL,
        lines           INTEGER NOT NULL,
        file_names      TEXT NOT NULL,
        written_at      TEXT NOT NULL
      );
    `);
  },
};
