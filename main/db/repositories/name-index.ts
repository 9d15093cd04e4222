import type { Db } from '../connection';
import { gramsPhrase, nameGrams } from '../../../shared/libraries';

/**
 * The "name contains" index of a library table (migration 0007): an FTS5 table of each row's
 * name grams (shared/libraries/name-grams.ts) under the row's `seq`, a number of its own — not the
 * rowid, which VACUUM (and so a backup) may renumber in a table without an INTEGER PRIMARY KEY.
 */
export function createNameIndex(db: Db, table: 'products' | 'parties') {
  const fts = table === 'products' ? 'product_names' : 'party_names';
  const stmt = {
    seqOf: db.prepare<[string], { seq: number | null }>(`SELECT seq FROM ${table} WHERE id = ?`),
    nextSeq: db.prepare<[], { next: number }>(`SELECT coalesce(max(seq), 0) + 1 AS next FROM ${table}`),
    setSeq: db.prepare(`UPDATE ${table} SET seq = ? WHERE id = ?`),
    remove: db.prepare(`DELETE FROM ${fts} WHERE rowid = ?`),
    insert: db.prepare(`INSERT INTO ${fts} (rowid, grams) VALUES (?, ?)`),
  };
  return {
    /** Indexes (or re-indexes) a row's name texts; call after the row is written, in the same transaction. */
    set(id: string, ...texts: string[]): void {
      let seq = stmt.seqOf.get(id)?.seq ?? null;
      if (seq === null) {
        seq = stmt.nextSeq.get()?.next ?? 1;
        stmt.setSeq.run(seq, id);
      } else stmt.remove.run(seq);
      stmt.insert.run(seq, nameGrams(...texts));
    },
    /** Drops a row's entry; call before the row is deleted. */
    remove(id: string): void {
      const seq = stmt.seqOf.get(id)?.seq;
      if (seq !== null && seq !== undefined) stmt.remove.run(seq);
    },
    /** The MATCH text for names holding `query`, or null when it is too short to look up this way. */
    phrase: (query: string): string | null => gramsPhrase(query),
    fts,
  };
}

export type NameIndex = ReturnType<typeof createNameIndex>;
