import type { PartyConflict, PartyProblem } from '../../libraries/party';
import { describePartyConflict, describePartyProblem } from '../../libraries/party';
import type { ProfileProblem } from '../../profiles/profile-check';
import { describeProfileProblem } from '../../profiles/profile-check';
import { reason } from './define';

type FieldProblem = { problem: string; field: string; max: number };

/** A party field's problem as a sentence (shared with the renderer's Chinese). */
export function describeParty(p: FieldProblem, locale: 'zh-CN' | 'en'): string {
  return describePartyProblem({ code: p.problem, field: p.field, max: p.max } as PartyProblem, locale);
}

function describeProfile(p: FieldProblem): string {
  return describeProfileProblem({ code: p.problem, field: p.field, max: p.max } as ProfileProblem);
}

/** The party and product libraries, operator defaults and operator profiles. */
export const libraryReasons = {
  /** Fields that need correcting, each named in the error's issues. */
  'libraries.fields-invalid': reason<{ count: number }>(
    'BAD_INPUT',
    (p) => `${p.count} field(s) need correcting; nothing was saved`,
  ),
  /** A party field's problem (shared/libraries/party.ts `PartyProblem`: its code, field and byte limit). */
  'libraries.party-problem': reason<FieldProblem>('BAD_INPUT', (p) => describeParty(p, 'en')),
  /** A file's party whose identities point at two parties here, found as the import writes (row: the file's row). */
  'libraries.party-conflict': reason<PartyConflict & { row: number }>(
    'CONFLICT',
    (p) => `Row ${p.row} conflicts with the library: ${describePartyConflict(p, 'en')}; nothing was imported`,
  ),
  'libraries.party-taken': reason<{ what: 'uscc' | 'customs-code'; value: string; other: string }>(
    'CONFLICT',
    (p) => `${p.what === 'uscc' ? 'USCC' : 'Customs code'} ${p.value} already belongs to "${p.other}"`,
  ),
  'libraries.party-not-found': reason<{ id: string }>(
    'NOT_FOUND',
    (p) => `Party ${p.id} does not exist (it may have been deleted)`,
  ),
  /** A product field's problem, in both languages as the product checks write them (shared/interchange/lines). */
  'libraries.product-problem': reason<{ problem: string; en: string; zh: string }>('BAD_INPUT', (p) => p.en),
  'libraries.product-taken': reason<{ partNo: string; customer: string }>(
    'CONFLICT',
    (p) =>
      `The library already holds a product with ${p.partNo === '' ? 'this HS code, name and specification' : `part number ${p.partNo}`}${p.customer === '' ? '' : ` for ${p.customer}`}: change that one instead`,
  ),
  'libraries.product-not-found': reason<{ id: string }>(
    'NOT_FOUND',
    (p) => `Product ${p.id} does not exist (it may have been deleted)`,
  ),
  'libraries.defaults-need-profile': reason(
    'INVALID_STATE',
    () => 'Default values belong to an operator profile: create one first (Settings, operators and declaring unit)',
  ),
  'libraries.head-not-defaultable': reason<{ field: string }>(
    'BAD_INPUT',
    (p) =>
      `head.${p.field} cannot have a default value (it is not a field you key in, or the operator profile fills it)`,
  ),
  'libraries.line-not-defaultable': reason<{ field: string }>(
    'BAD_INPUT',
    (p) => `line.${p.field} cannot have a default value (goods lines have no such field you key in)`,
  ),
  'libraries.after-with-search': reason(
    'BAD_INPUT',
    () => '`after` pages the list without a search; a search pages by offset (start it again from offset 0)',
  ),
  'profiles.problem': reason<FieldProblem>('BAD_INPUT', (p) => describeProfile(p)),
  'profiles.not-found': reason<{ id: string }>(
    'NOT_FOUND',
    (p) => `Operator profile ${p.id} does not exist (it may have been deleted)`,
  ),
  'profiles.card-in-use': reason<{ card: string; operator: string }>(
    'CONFLICT',
    (p) => `IC card number ${p.card} already belongs to the operator ${p.operator}`,
  ),
  'profiles.only-one': reason<{ operator: string }>(
    'INVALID_STATE',
    (p) => `${p.operator} is the only operator profile; add another before removing it`,
  ),
  'profiles.current': reason<{ operator: string }>(
    'INVALID_STATE',
    (p) => `${p.operator} is the current operator; switch to another operator before removing this profile`,
  ),
} as const;
