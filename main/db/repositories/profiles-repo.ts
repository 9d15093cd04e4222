import type { OperatorRole } from '../../../shared/profiles/roles';
import { formatRoles, parseRoles } from '../../../shared/profiles/roles';
import type { Db } from '../connection';

/** A row of operator_profiles as SQLite returns it. */
interface ProfileRow {
  id: string;
  company_name: string;
  customs_code: string;
  uscc: string;
  operator_name: string;
  ic_card: string;
  roles: string;
  created_at: string;
  updated_at: string;
}

/** An operator profile as core sees it: the declaring company and the operator, named as the contract names them. */
export interface StoredProfile {
  id: string;
  company: { name: string; customsCode: string; uscc: string };
  operator: { name: string; icCard: string };
  roles: OperatorRole[];
  createdAt: string;
  updatedAt: string;
}

function fromRow(row: ProfileRow): StoredProfile {
  return {
    id: row.id,
    company: { name: row.company_name, customsCode: row.customs_code, uscc: row.uscc },
    operator: { name: row.operator_name, icCard: row.ic_card },
    roles: parseRoles(row.roles),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(profile: StoredProfile): ProfileRow {
  return {
    id: profile.id,
    company_name: profile.company.name,
    customs_code: profile.company.customsCode,
    uscc: profile.company.uscc,
    operator_name: profile.operator.name,
    ic_card: profile.operator.icCard,
    roles: formatRoles(profile.roles),
    created_at: profile.createdAt,
    updated_at: profile.updatedAt,
  };
}

/** Operator profiles (migration 0005), oldest first. */
export function createProfilesRepo(db: Db) {
  const stmt = {
    all: db.prepare(`SELECT * FROM operator_profiles ORDER BY created_at, id`),
    get: db.prepare(`SELECT * FROM operator_profiles WHERE id = ?`),
    byCard: db.prepare(`SELECT * FROM operator_profiles WHERE ic_card = ?`),
    count: db.prepare(`SELECT count(*) AS n FROM operator_profiles`),
    insert:
      db.prepare(`INSERT INTO operator_profiles (id, company_name, customs_code, uscc, operator_name, ic_card, roles, created_at, updated_at)
      VALUES (@id, @company_name, @customs_code, @uscc, @operator_name, @ic_card, @roles, @created_at, @updated_at)`),
    update:
      db.prepare(`UPDATE operator_profiles SET company_name = @company_name, customs_code = @customs_code, uscc = @uscc,
      operator_name = @operator_name, ic_card = @ic_card, roles = @roles, updated_at = @updated_at WHERE id = @id`),
    remove: db.prepare(`DELETE FROM operator_profiles WHERE id = ?`),
  };
  return {
    all: (): StoredProfile[] => (stmt.all.all() as ProfileRow[]).map(fromRow),
    get: (id: string): StoredProfile | undefined => one(stmt.get.get(id)),
    byCard: (icCard: string): StoredProfile | undefined => one(stmt.byCard.get(icCard)),
    count: (): number => (stmt.count.get() as { n: number }).n,
    insert: (profile: StoredProfile): void => void stmt.insert.run(toRow(profile)),
    /** Writes everything but createdAt, which stays as it was. */
    update: (profile: StoredProfile): void => {
      const { created_at: _created, ...row } = toRow(profile);
      stmt.update.run(row);
    },
    remove: (id: string): boolean => stmt.remove.run(id).changes === 1,
  };
}

function one(row: unknown): StoredProfile | undefined {
  return row ? fromRow(row as ProfileRow) : undefined;
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>;
