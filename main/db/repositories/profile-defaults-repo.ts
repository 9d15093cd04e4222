import type { Row } from '../../../shared/catalog';
import type { DefaultValues, DefaultsDirection, DirectedDefaults } from '../../../shared/libraries';
import type { Db } from '../connection';

export interface ProfileDefaultsRow {
  profile_id: string;
  head: string;
  line: string;
  import_head: string;
  import_line: string;
  export_head: string;
  export_line: string;
  updated_at: string;
}

const none = (): DefaultValues => ({ head: {}, line: {} });
const parse = (head: string, line: string): DefaultValues => ({
  head: JSON.parse(head) as Row,
  line: JSON.parse(line) as Row,
});

/** The columns each direction's values live in (migrations 0006 and 0009). */
const columns: Record<DefaultsDirection, { head: string; line: string }> = {
  both: { head: 'head', line: 'line' },
  I: { head: 'import_head', line: 'import_line' },
  E: { head: 'export_head', line: 'export_line' },
};

/** An operator's default values for new declarations (migrations 0006, 0009), one row per profile. */
export function createProfileDefaultsRepo(db: Db) {
  const put = Object.fromEntries(
    Object.entries(columns).map(([direction, c]) => [
      direction,
      db.prepare(`INSERT INTO profile_defaults (profile_id, ${c.head}, ${c.line}, updated_at) VALUES (@profile_id, @head, @line, @updated_at)
        ON CONFLICT (profile_id) DO UPDATE SET ${c.head} = excluded.${c.head}, ${c.line} = excluded.${c.line}, updated_at = excluded.updated_at`),
    ]),
  ) as Record<DefaultsDirection, ReturnType<Db['prepare']>>;
  const get = db.prepare<[string], ProfileDefaultsRow>(`SELECT * FROM profile_defaults WHERE profile_id = ?`);
  return {
    get(profileId: string): DirectedDefaults {
      const row = get.get(profileId);
      if (!row) return { ...none(), import: none(), export: none() };
      return {
        ...parse(row.head, row.line),
        import: parse(row.import_head, row.import_line),
        export: parse(row.export_head, row.export_line),
      };
    },
    /** Replaces one direction's values (`both`: the shared ones); the others stay. */
    put(profileId: string, direction: DefaultsDirection, values: DefaultValues, at: string): void {
      put[direction].run({
        profile_id: profileId,
        head: JSON.stringify(values.head),
        line: JSON.stringify(values.line),
        updated_at: at,
      });
    },
  };
}

export type ProfileDefaultsRepo = ReturnType<typeof createProfileDefaultsRepo>;
