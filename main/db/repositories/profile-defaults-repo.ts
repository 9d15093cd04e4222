import type { Row } from '../../../shared/catalog';
import type { Db } from '../connection';

export interface ProfileDefaultsRow {
  profile_id: string;
  head: string;
  line: string;
  updated_at: string;
}

/** An operator's default values for new declarations (migration 0006), one row per profile. */
export function createProfileDefaultsRepo(db: Db) {
  const stmt = {
    get: db.prepare<[string], ProfileDefaultsRow>(`SELECT * FROM profile_defaults WHERE profile_id = ?`),
    put: db.prepare(`INSERT INTO profile_defaults (profile_id, head, line, updated_at) VALUES (@profile_id, @head, @line, @updated_at)
      ON CONFLICT (profile_id) DO UPDATE SET head = excluded.head, line = excluded.line, updated_at = excluded.updated_at`),
  };
  return {
    get(profileId: string): { head: Row; line: Row } {
      const row = stmt.get.get(profileId);
      return row ? { head: JSON.parse(row.head) as Row, line: JSON.parse(row.line) as Row } : { head: {}, line: {} };
    },
    put(profileId: string, values: { head: Row; line: Row }, at: string): void {
      stmt.put.run({ profile_id: profileId, head: JSON.stringify(values.head), line: JSON.stringify(values.line), updated_at: at });
    },
  };
}

export type ProfileDefaultsRepo = ReturnType<typeof createProfileDefaultsRepo>;
