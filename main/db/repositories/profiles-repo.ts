import type { Db } from '../connection';

export interface ProfileRow {
  id: string;
  company_name: string;
  customs_code: string;
  uscc: string;
  operator_name: string;
  ic_card: string;
  created_at: string;
  updated_at: string;
}

/** Operator profiles (migration 0005), oldest first. */
export function createProfilesRepo(db: Db) {
  const stmt = {
    all: db.prepare(`SELECT * FROM operator_profiles ORDER BY created_at, id`),
    get: db.prepare(`SELECT * FROM operator_profiles WHERE id = ?`),
    byCard: db.prepare(`SELECT * FROM operator_profiles WHERE ic_card = ?`),
    count: db.prepare(`SELECT count(*) AS n FROM operator_profiles`),
    insert:
      db.prepare(`INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, created_at, updated_at)
      VALUES (@id, @company_name, @customs_code, @uscc, @operator_name, @ic_card, @created_at, @updated_at)`),
    update:
      db.prepare(`UPDATE operator_profiles SET company_name = @company_name, customs_code = @customs_code, uscc = @uscc,
      operator_name = @operator_name, ic_card = @ic_card, updated_at = @updated_at WHERE id = @id`),
    remove: db.prepare(`DELETE FROM operator_profiles WHERE id = ?`),
  };
  return {
    all: (): ProfileRow[] => stmt.all.all() as ProfileRow[],
    get: (id: string): ProfileRow | undefined => stmt.get.get(id) as ProfileRow | undefined,
    byCard: (icCard: string): ProfileRow | undefined => stmt.byCard.get(icCard) as ProfileRow | undefined,
    count: (): number => (stmt.count.get() as { n: number }).n,
    insert: (row: ProfileRow): void => void stmt.insert.run(row),
    update: (row: Omit<ProfileRow, 'created_at'>): void => void stmt.update.run(row),
    remove: (id: string): boolean => stmt.remove.run(id).changes === 1,
  };
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>;
