import type { LibraryAfter, LibraryPage, Party } from '../../../shared/api';
import type { PartyRole } from '../../../shared/libraries';
import { shortNameInitials } from '../../../shared/libraries/short-name';
import type { Db } from '../connection';
import { SEARCH_CAP, browsePage, keysetStatements, loadByIds, searchPage } from './library-page';
import { createCollector, isInitials, prefixEnd } from './library-search';
import { createNameIndex } from './name-index';

/** A row of the parties table as SQLite returns it; core sees a Party. */
export interface PartyRow {
  id: string;
  overseas: 0 | 1;
  roles: string;
  customs_code: string;
  uscc: string;
  ciq_code: string;
  name_zh: string;
  name_en: string;
  address: string;
  note: string;
  initials: string;
  /** The initials of its short name, the name without the places it starts with ('' when none; migration 0014). */
  short_initials: string;
  created_at: string;
  updated_at: string;
}

export function toParty(row: PartyRow): Party {
  return {
    id: row.id,
    roles: row.roles.split(',').filter(Boolean) as PartyRole[],
    overseas: row.overseas === 1,
    customsCode: row.customs_code,
    uscc: row.uscc,
    ciqCode: row.ciq_code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    address: row.address,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The row a party is stored as, with the initials its name is found by. */
function rowOf(party: Party, initials: string): PartyRow {
  return {
    id: party.id,
    overseas: party.overseas ? 1 : 0,
    roles: party.roles.join(','),
    customs_code: party.customsCode,
    uscc: party.uscc,
    ciq_code: party.ciqCode,
    name_zh: party.nameZh,
    name_en: party.nameEn,
    address: party.address,
    note: party.note,
    initials,
    short_initials: shortNameInitials(party.nameZh, initials),
    created_at: party.createdAt,
    updated_at: party.updatedAt,
  };
}

const one = (row: PartyRow | undefined): Party | undefined => (row ? toParty(row) : undefined);

const COLUMNS =
  'id, overseas, roles, customs_code, uscc, ciq_code, name_zh, name_en, address, note, initials, short_initials, created_at, updated_at';
/** A role filter that is a no-op when the role is '' (the statements are prepared once). */
const ROLE = `(@role = '' OR instr(',' || roles || ',', ',' || @role || ',') > 0)`;

/** A page of the library asked for: a search or a role to filter by, and where the page starts (library-page.ts). */
export interface PartyPageQuery {
  query: string;
  role?: PartyRole;
  offset: number;
  limit: number;
  after?: LibraryAfter;
}

/** The party library (migration 0006). */
export function createPartiesRepo(db: Db) {
  const page = keysetStatements<{ role: string }>(db, 'parties', ROLE);
  const stmt = {
    get: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE id = ?`),
    byUscc: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE uscc = ? AND uscc <> ''`),
    byCustomsCode: db.prepare<[string], PartyRow>(
      `SELECT ${COLUMNS} FROM parties WHERE customs_code = ? AND customs_code <> '' AND overseas = 0`,
    ),
    byNameZh: db.prepare<[string], PartyRow>(
      `SELECT ${COLUMNS} FROM parties WHERE name_zh = ? AND overseas = 0 LIMIT 1`,
    ),
    overseas: db.prepare<[string, string], PartyRow>(
      `SELECT ${COLUMNS} FROM parties WHERE overseas = 1 AND customs_code = ? AND upper(name_en) = ? LIMIT 1`,
    ),
    insert: db.prepare(
      `INSERT INTO parties (${COLUMNS}) VALUES (@id, @overseas, @roles, @customs_code, @uscc, @ciq_code, @name_zh, @name_en, @address, @note, @initials, @short_initials, @created_at, @updated_at)`,
    ),
    update:
      db.prepare(`UPDATE parties SET overseas = @overseas, roles = @roles, customs_code = @customs_code, uscc = @uscc, ciq_code = @ciq_code, name_zh = @name_zh,
      name_en = @name_en, address = @address, note = @note, initials = @initials,
      short_initials = @short_initials, updated_at = @updated_at WHERE id = @id`),
    remove: db.prepare(`DELETE FROM parties WHERE id = ?`),
    byCodePrefix: db.prepare<
      { role: string; from: string; to: string; limit: number },
      { id: string; customs_code: string }
    >(
      `SELECT id, customs_code FROM parties WHERE customs_code >= @from AND customs_code < @to AND ${ROLE} ORDER BY customs_code LIMIT @limit`,
    ),
    byUsccPrefix: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string; uscc: string }>(
      `SELECT id, uscc FROM parties WHERE uscc >= @from AND uscc < @to AND ${ROLE} ORDER BY uscc LIMIT @limit`,
    ),
    byInitials: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM parties WHERE initials >= @from AND initials < @to AND ${ROLE} ORDER BY initials, name_zh LIMIT @limit`,
    ),
    byShortInitials: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM parties WHERE short_initials >= @from AND short_initials < @to AND ${ROLE} ORDER BY short_initials, name_zh LIMIT @limit`,
    ),
    byNamePrefix: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM parties WHERE name_zh >= @from AND name_zh < @to AND ${ROLE} ORDER BY name_zh LIMIT @limit`,
    ),
    byEnPrefix: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM parties WHERE lower(name_en) >= @from AND lower(name_en) < @to AND ${ROLE} ORDER BY lower(name_en) LIMIT @limit`,
    ),
    // Name text anywhere (Chinese or English): the phrase of the query's grams in the name index (migration 0007).
    contains: db.prepare<{ role: string; phrase: string; limit: number }, { id: string }>(
      `SELECT parties.id FROM party_names JOIN parties ON parties.seq = party_names.rowid WHERE party_names MATCH @phrase AND ${ROLE} LIMIT @limit`,
    ),
    all: db.prepare<[], PartyRow>(`SELECT ${COLUMNS} FROM parties ORDER BY name_zh, name_en, id`),
  };

  const names = createNameIndex(db, 'parties');

  const load = loadByIds(stmt.get, toParty);

  /** The ids `search` finds, best first. */
  function ranked(query: string, options: { role?: PartyRole; limit: number }): string[] {
    const q = query.trim();
    const role = options.role ?? '';
    const { limit } = options;
    if (q === '') return page.recent.all({ role, limit, offset: 0 }).map((r) => r.id);
    const found = createCollector(limit);
    const upper = q.toUpperCase();
    const range = (prefix: string) => ({ role, from: prefix, to: prefixEnd(prefix), limit });
    if (/^[0-9A-Za-z]+$/.test(q)) {
      const codes = stmt.byCodePrefix.all(range(upper));
      found.add(
        codes.filter((r) => r.customs_code === upper),
        0,
      );
      const sccs = stmt.byUsccPrefix.all(range(upper));
      found.add(
        sccs.filter((r) => r.uscc === upper),
        0,
      );
      found.add(codes, 1);
      found.add(sccs, 1);
    }
    if (!found.full() && isInitials(q)) {
      found.add(stmt.byInitials.all(range(q.toLowerCase())), 2);
      // A short name's initials (xg for 上海鲜果贸易有限公司) rank with the name's own.
      if (!found.full()) found.add(stmt.byShortInitials.all(range(q.toLowerCase())), 2);
    }
    if (!found.full() && !/^\d+$/.test(q)) {
      found.add(stmt.byNamePrefix.all(range(q)), 3);
      if (!found.full()) found.add(stmt.byEnPrefix.all(range(q.toLowerCase())), 3);
      const phrase = names.phrase(q);
      if (!found.full() && phrase) found.add(stmt.contains.all({ role, phrase, limit }), 4);
    }
    return found.ids().map((h) => h.id);
  }

  return {
    get: (id: string): Party | undefined => one(stmt.get.get(id)),
    byUscc: (uscc: string): Party | undefined => one(stmt.byUscc.get(uscc)),
    byCustomsCode: (code: string): Party | undefined => one(stmt.byCustomsCode.get(code)),
    byNameZh: (name: string): Party | undefined => one(stmt.byNameZh.get(name)),
    overseas: (code: string, nameEnUpper: string): Party | undefined => one(stmt.overseas.get(code, nameEnUpper)),
    insert(party: Party, initials: string): void {
      stmt.insert.run(rowOf(party, initials));
      names.set(party.id, party.nameZh, party.nameEn);
    },
    /** Writes everything but createdAt, which stays as it was. */
    update(party: Party, initials: string): void {
      const { created_at: _created, ...row } = rowOf(party, initials);
      stmt.update.run(row);
      names.set(party.id, party.nameZh, party.nameEn);
    },
    remove(id: string): boolean {
      names.remove(id);
      return stmt.remove.run(id).changes === 1;
    },
    all: (): Party[] => stmt.all.all().map(toParty),

    /** Parties for a picker: best matches first (see library-search.ts); the newest when nothing is typed. */
    search(query: string, options: { role?: PartyRole; limit: number }): Party[] {
      return load(ranked(query, options));
    },

    /**
     * A page of the library: the newest first, from `after` (the last row of the page before) or
     * `offset`; or a page of a search's best matches. See library-page.ts.
     */
    list(input: PartyPageQuery): LibraryPage<Party> {
      const role = input.role ?? '';
      if (input.query.trim() !== '')
        return searchPage(
          ranked(input.query, { ...(input.role ? { role: input.role } : {}), limit: SEARCH_CAP + 1 }),
          input,
          load,
        );
      return browsePage(page, { role }, input, load);
    },
  };
}

export type PartiesRepo = ReturnType<typeof createPartiesRepo>;
