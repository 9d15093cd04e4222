import type { ProfileInput } from '../../shared/profiles/profile-check';
import type { CoreContext } from '../../main/core/context';
import type { ProfileService } from '../../main/core/profiles/profile-service';
import { createProfileService } from '../../main/core/profiles/profile-service';
import { createProfilesRepo } from '../../main/db/repositories/profiles-repo';
import type { CoreFixture } from './core-fixture';

/** The operator of the sample declaration (resources/samples/import-general-trade.json). */
export const wangFang: ProfileInput = {
  company: { name: '上海捷通报关有限公司', customsCode: '3120980123', uscc: '91310115MA1H7AAA0F' },
  operator: { name: '王芳', icCard: '8931000012345' },
};

/** A second operator of the same company. */
export const liQiang: ProfileInput = { company: wangFang.company, operator: { name: '李强', icCard: '8931000067890' } };

/**
 * The operator profiles over a fixture's database, and the fixture's context acting as the current profile's operator,
 * as the desk wires them: what the services made with `ctx` record is done by whoever the current profile is.
 */
export function profilesOf(f: CoreFixture): { profiles: ProfileService; ctx: CoreContext } {
  const profiles = createProfileService({ profiles: createProfilesRepo(f.db), settings: f.settings, clock: f.clock });
  return { profiles, ctx: { ...f.ctx, actor: () => profiles.actor() } };
}
