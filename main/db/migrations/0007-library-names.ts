import { nameGrams } from '../../../shared/libraries/name-grams';
import { sqlMigration } from './sql-migration';

// "Name contains" for the party and product libraries at a million rows (ARCHITECTURE
// budget: lookups p99 ≤ 20 ms for 2+ characters): an FTS5 index of each name's two-character
// grams (shared/libraries/name-grams.ts), contentless with deletes, keyed by a `seq` column of
// the row's own — the rowid of a table without an INTEGER PRIMARY KEY may change on VACUUM. Rows
// already in the libraries are numbered and indexed here.
export const migration0007 = sqlMigration(
  7,
  'library-names',
  `
      ALTER TABLE products ADD COLUMN seq INTEGER;
      CREATE UNIQUE INDEX products_seq ON products (seq);
      ALTER TABLE parties ADD COLUMN seq INTEGER;
      CREATE UNIQUE INDEX parties_seq ON parties (seq);
      CREATE VIRTUAL TABLE product_names USING fts5(grams, content = '', contentless_delete = 1);
      CREATE VIRTUAL TABLE party_names USING fts5(grams, content = '', contentless_delete = 1);
    `,
  (db) => {
    const index = (table: 'products' | 'parties', fts: string, texts: (row: Record<string, string>) => string[]) => {
      const setSeq = db.prepare(`UPDATE ${table} SET seq = ? WHERE id = ?`);
      const insert = db.prepare(`INSERT INTO ${fts} (rowid, grams) VALUES (?, ?)`);
      let seq = 0;
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY created_at, id`).all() as Array<
        Record<string, string>
      >) {
        seq++;
        setSeq.run(seq, row.id);
        insert.run(seq, nameGrams(...texts(row)));
      }
    };
    index('products', 'product_names', (r) => [r.g_name ?? '']);
    index('parties', 'party_names', (r) => [r.name_zh ?? '', r.name_en ?? '']);
  },
);
