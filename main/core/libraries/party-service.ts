import { v7 as uuidv7 } from 'uuid';
import type { ApiIssue, LibraryPage, Party } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';
import type { PartyConflict, PartyInput, PartyRole } from '../../../shared/libraries';
import { isOverseas, normalizeParty, partyInput, partyProblems } from '../../../shared/libraries';
import type { PartiesRepo, PartyPageQuery } from '../../db/repositories/parties-repo';
import { pinyinInitials } from '../code-tables/pinyin';
import type { CoreContext } from '../context';
import { isoAt } from '../context';
import { refuseAfterWithSearch } from './library-paging';

/**
 * How a name is found by its initials: pinyin initials of a Chinese name, first letters of an English one (ACME Trading
 * → at).
 */
export function nameInitials(nameZh: string, nameEn: string): string {
  if (nameZh !== '') return pinyinInitials(nameZh);
  return nameEn
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
}

export function partyOf(id: string, p: PartyInput, at: { created: string; updated: string }): Party {
  return { id, ...partyInput(p), overseas: isOverseas(p), createdAt: at.created, updatedAt: at.updated };
}

/** Refuses a party with wrong values, naming each field (and changing nothing). */
function checked(input: PartyInput): PartyInput {
  const problems = partyProblems(input);
  if (problems.length > 0) {
    const issues: ApiIssue[] = problems.map((p) =>
      reasonIssue(p.field, 'libraries.party-problem', { problem: p.code, field: p.field, max: p.max ?? 0 }),
    );
    throw new AppError('libraries.fields-invalid', { count: issues.length }, issues);
  }
  return normalizeParty(input);
}

/**
 * The party already here that a party is (its USCC, its customs code, or — for a domestic
 * party with neither — its name; an overseas party by code and English name), or a conflict
 * when its identities point at two different parties here.
 */
export function findExisting(
  repo: PartiesRepo,
  p: PartyInput,
): { row: Party | undefined; conflict: PartyConflict | null } {
  if (isOverseas(p)) return { row: repo.overseas(p.customsCode, p.nameEn.toUpperCase()), conflict: null };
  const byUscc = p.uscc ? repo.byUscc(p.uscc) : undefined;
  const byCode = p.customsCode ? repo.byCustomsCode(p.customsCode) : undefined;
  if (byUscc && byCode && byUscc.id !== byCode.id) {
    return {
      row: undefined,
      conflict: {
        kind: 'split',
        uscc: p.uscc,
        usccParty: byUscc.nameZh,
        customsCode: p.customsCode,
        codeParty: byCode.nameZh,
      },
    };
  }
  if (byUscc && byUscc.overseas) {
    const conflict: PartyConflict = { kind: 'overseas', uscc: p.uscc, usccParty: '', customsCode: '', codeParty: '' };
    return { row: undefined, conflict };
  }
  const row = byUscc ?? byCode ?? (!p.uscc && !p.customsCode ? repo.byNameZh(p.nameZh) : undefined);
  return { row, conflict: null };
}

/** An imported party merged into the one here: values the file leaves blank keep what is here; roles are added. */
export function mergeParty(here: PartyInput, incoming: PartyInput): PartyInput {
  const pick = (a: string, b: string) => (b !== '' ? b : a);
  return normalizeParty({
    roles: [...here.roles, ...incoming.roles],
    customsCode: pick(here.customsCode, incoming.customsCode),
    uscc: pick(here.uscc, incoming.uscc),
    ciqCode: pick(here.ciqCode, incoming.ciqCode),
    nameZh: pick(here.nameZh, incoming.nameZh),
    nameEn: pick(here.nameEn, incoming.nameEn),
    address: pick(here.address, incoming.address),
    note: pick(here.note, incoming.note),
  });
}

/** The party library: add, change, remove and find parties; a refusal names the field. */
export function createPartyService(ctx: CoreContext, deps: { repo: PartiesRepo }) {
  const { repo } = deps;
  const changed = () => ctx.events.emit('libraries.changed', { kind: 'parties' });

  function refuseTaken(p: PartyInput, exceptId: string | null): void {
    const issues: ApiIssue[] = [];
    const byUscc = p.uscc ? repo.byUscc(p.uscc) : undefined;
    if (byUscc && byUscc.id !== exceptId)
      issues.push(
        reasonIssue('uscc', 'libraries.party-taken', {
          what: 'uscc',
          value: p.uscc,
          other: byUscc.nameZh || byUscc.nameEn,
        }),
      );
    const byCode = !isOverseas(p) && p.customsCode ? repo.byCustomsCode(p.customsCode) : undefined;
    if (byCode && byCode.id !== exceptId)
      issues.push(
        reasonIssue('customsCode', 'libraries.party-taken', {
          what: 'customs-code',
          value: p.customsCode,
          other: byCode.nameZh,
        }),
      );
    if (issues.length > 0) throw new AppError('common.fields-taken', { count: issues.length }, issues);
  }

  return {
    save(input: PartyInput & { id?: string }): Party {
      const values = checked(input);
      const at = isoAt(ctx.clock);
      const initials = nameInitials(values.nameZh, values.nameEn);
      if (input.id) {
        const existing = repo.get(input.id);
        if (!existing) throw new AppError('libraries.party-not-found', { id: input.id });
        refuseTaken(values, existing.id);
        const party = partyOf(existing.id, values, { created: existing.createdAt, updated: at });
        repo.update(party, initials);
        changed();
        return party;
      }
      refuseTaken(values, null);
      const party = partyOf(uuidv7(), values, { created: at, updated: at });
      repo.insert(party, initials);
      changed();
      return party;
    },

    delete(ids: readonly string[]): { deleted: number } {
      const remove = ctx.db.transaction(() => ids.reduce((n, id) => n + (repo.remove(id) ? 1 : 0), 0));
      const deleted = remove();
      if (deleted > 0) changed();
      return { deleted };
    },

    search(input: { query: string; role?: PartyRole; limit: number }): Party[] {
      return repo.search(input.query, { limit: input.limit, ...(input.role ? { role: input.role } : {}) });
    },

    /**
     * A page of the library (see main/db/repositories/library-page.ts); `after` only pages the library without a
     * search.
     */
    list(input: PartyPageQuery): LibraryPage<Party> {
      refuseAfterWithSearch(input);
      return repo.list(input);
    },
  };
}

export type PartyService = ReturnType<typeof createPartyService>;
