import { shortNameInitials } from '../../../shared/libraries/short-name';
import { sqlMigration } from './sql-migration';

// A party found by the initials of its short name (上海鲜果贸易有限公司 by xg, for 鲜果): the initials of
// the name without the places it starts with (shared/libraries/short-name.ts), '' when it starts with
// none, in a column of their own with an index, searched as a prefix range beside the name's own
// initials. Parties already here take them from the initials they have.
export const migration0014 = sqlMigration(
  14,
  'party-short-names',
  `
      ALTER TABLE parties ADD COLUMN short_initials TEXT NOT NULL DEFAULT '';
      CREATE INDEX parties_short_initials ON parties (short_initials);
    `,
  (db) => {
    const set = db.prepare(`UPDATE parties SET short_initials = ? WHERE id = ?`);
    const rows = db.prepare(`SELECT id, name_zh, initials FROM parties WHERE name_zh <> ''`);
    for (const row of rows.all() as Array<{ id: string; name_zh: string; initials: string }>) {
      const short = shortNameInitials(row.name_zh, row.initials);
      if (short !== '') set.run(short, row.id);
    }
  },
);
