import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { ApiIssue, OperatorProfile } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { ProfileInput } from '../../../shared/profiles/profile-check';
import { normalizeProfile, profileProblems } from '../../../shared/profiles/profile-check';
import type { ProfilesRepo, StoredProfile } from '../../db/repositories/profiles-repo';
import type { SettingsRepo } from '../../db/repositories/settings-repo';
import type { Clock } from '../context';
import { isoAt } from '../context';
import { actorOf, profileDeclarationFields } from './profile-fields';
import type { OperatorRole } from '../../../shared/profiles/roles';
import { operatorRoles } from '../../../shared/profiles/roles';

const CURRENT_KEY = 'profiles.current';

const allRoles: OperatorRole[] = [...operatorRoles];
const REVIEW_KEY = 'review.required';

function toValues(profile: StoredProfile) {
  return { company: profile.company, operator: profile.operator };
}

/** Refuses a profile with wrong values, naming each field (and changing nothing). */
function checked(input: ProfileInput): ProfileInput {
  const problems = profileProblems(input);
  if (problems.length > 0) {
    const issues: ApiIssue[] = problems.map((p) =>
      reasonIssue(p.field, 'profiles.problem', { problem: p.code, field: p.field, max: p.max ?? 0 }),
    );
    throw new AppError('libraries.fields-invalid', { count: issues.length }, issues);
  }
  return normalizeProfile(input);
}

/**
 * Operator profiles: the first-run setup creates the first; Settings adds, edits, switches and
 * removes them. The current profile fills new declarations and names the actor of revisions.
 */
export function createProfileService(deps: { profiles: ProfilesRepo; settings: SettingsRepo; clock: Clock }) {
  const { profiles, settings } = deps;

  function current(): StoredProfile | null {
    const id = settings.read(CURRENT_KEY, z.string().nullable(), null);
    const chosen = id ? profiles.get(id) : undefined;
    // A current profile that no longer exists (or none chosen yet) falls back to the first one.
    return chosen ?? profiles.all()[0] ?? null;
  }

  function toApi(row: StoredProfile, currentId: string | null): OperatorProfile {
    return {
      id: row.id,
      ...toValues(row),
      roles: row.roles,
      current: row.id === currentId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  function mustGet(id: string): StoredProfile {
    const row = profiles.get(id);
    if (!row) throw new AppError('profiles.not-found', { id });
    return row;
  }

  function refuseCardInUse(icCard: string, exceptId: string | null): void {
    const other = profiles.byCard(icCard);
    if (other && other.id !== exceptId) {
      const params = { card: icCard, operator: other.operator.name };
      throw new AppError('profiles.card-in-use', params, [
        reasonIssue('operator.icCard', 'profiles.card-in-use', params),
      ]);
    }
  }

  return {
    current,
    needsSetup: (): boolean => profiles.count() === 0,

    list(): OperatorProfile[] {
      const currentId = current()?.id ?? null;
      return profiles.all().map((row) => toApi(row, currentId));
    },

    create(input: ProfileInput & { makeCurrent?: boolean }): OperatorProfile {
      const values = checked(input);
      refuseCardInUse(values.operator.icCard, null);
      const at = isoAt(deps.clock);
      const row: StoredProfile = {
        id: uuidv7(),
        company: values.company,
        operator: values.operator,
        roles: input.roles ?? allRoles,
        createdAt: at,
        updatedAt: at,
      };
      profiles.insert(row);
      if (input.makeCurrent !== false || profiles.count() === 1) settings.write(CURRENT_KEY, row.id);
      return toApi(row, current()?.id ?? null);
    },

    update(id: string, input: ProfileInput): OperatorProfile {
      const existing = mustGet(id);
      const values = checked(input);
      refuseCardInUse(values.operator.icCard, id);
      const row: StoredProfile = {
        id,
        company: values.company,
        operator: values.operator,
        roles: input.roles ?? existing.roles,
        createdAt: existing.createdAt,
        updatedAt: isoAt(deps.clock),
      };
      profiles.update(row);
      return toApi(row, current()?.id ?? null);
    },

    delete(id: string): { deleted: number } {
      const row = mustGet(id);
      if (profiles.count() === 1) throw new AppError('profiles.only-one', { operator: row.operator.name });
      if (current()?.id === id) throw new AppError('profiles.current', { operator: row.operator.name });
      return { deleted: profiles.remove(id) ? 1 : 0 };
    },

    select(id: string): OperatorProfile {
      const row = mustGet(id);
      settings.write(CURRENT_KEY, id);
      return toApi(row, id);
    },

    /** Who is acting now, as revisions record it ('local' before the first-run setup). */
    actor(): string {
      const row = current();
      return row ? actorOf(toValues(row)) : 'local';
    },

    /** 申报前须复核: whether a declaration is declared only once its current content is approved (off by default). */
    reviewRequired: (): boolean => settings.read(REVIEW_KEY, z.boolean(), false),
    setReviewRequired: (required: boolean): void => settings.write(REVIEW_KEY, required),

    /** The fields a new declaration takes from the current profile; null before the setup. */
    declarationFields() {
      const row = current();
      return row ? profileDeclarationFields(toValues(row)) : null;
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
