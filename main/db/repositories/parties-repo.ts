import type { Party } from '../../../shared/api';
import type { PartyRole } from '../../../shared/libraries';
import type { Db } from '../connection';
import { createCollector, isInitials, prefixEnd } from './library-search';
import { createNameIndex } from './name-index';

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

const COLUMNS = 'id, overseas, roles, customs_code, uscc, ciq_code, name_zh, name_en, address, note, initials, created_at, updated_at';
/** A role filter that is a no-op when the role is '' (the statements are prepared once). */
const ROLE = `(@role = '' OR instr(',' || roles || ',', ',' || @role || ',') > 0)`;

/** The party library (migration 0006). */
export function createPartiesRepo(db: Db) {
  const stmt = {
    get: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE id = ?`),
    byUscc: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE uscc = ? AND uscc <> ''`),
    byCustomsCode: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE customs_code = ? AND customs_code <> '' AND overseas = 0`),
    byNameZh: db.prepare<[string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE name_zh = ? AND overseas = 0 LIMIT 1`),
    overseas: db.prepare<[string, string], PartyRow>(`SELECT ${COLUMNS} FROM parties WHERE overseas = 1 AND customs_code = ? AND upper(name_en) = ? LIMIT 1`),
    insert: db.prepare(`INSERT INTO parties (${COLUMNS}) VALUES (@id, @overseas, @roles, @customs_code, @uscc, @ciq_code, @name_zh, @name_en, @address, @note, @initials, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE parties SET overseas = @overseas, roles = @roles, customs_code = @customs_code, uscc = @uscc, ciq_code = @ciq_code, name_zh = @name_zh,
      name_en = @name_en, address = @address, note = @note, initials = @initials, updated_at = @updated_at WHERE id = @id`),
    remove: db.prepare(`DELETE FROM parties WHERE id = ?`),
    count: db.prepare<{ role: string }, { n: number }>(`SELECT count(*) AS n FROM parties WHERE ${ROLE}`),
    recent: db.prepare<{ role: string; limit: number; offset: number }, { id: string }>(`SELECT id FROM parties WHERE ${ROLE} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`),
    byCodePrefix: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string; customs_code: string }>(
      `SELECT id, customs_code FROM parties WHERE customs_code >= @from AND customs_code < @to AND ${ROLE} ORDER BY customs_code LIMIT @limit`,
    ),
    byUsccPrefix: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string; uscc: string }>(
      `SELECT id, uscc FROM parties WHERE uscc >= @from AND uscc < @to AND ${ROLE} ORDER BY uscc LIMIT @limit`,
    ),
    byInitials: db.prepare<{ role: string; from: string; to: string; limit: number }, { id: string }>(
      `SELECT id FROM parties WHERE initials >= @from AND initials < @to AND ${ROLE} ORDER BY initials, name_zh LIMIT @limit`,
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

  function load(ids: readonly string[]): Party[] {
    return ids.flatMap((id) => {
      const row = stmt.get.get(id);
      return row ? [toParty(row)] : [];
    });
  }

  return {
    get: (id: string): PartyRow | undefined => stmt.get.get(id),
    byUscc: (uscc: string): PartyRow | undefined => stmt.byUscc.get(uscc),
    byCustomsCode: (code: string): PartyRow | undefined => stmt.byCustomsCode.get(code),
    byNameZh: (name: string): PartyRow | undefined => stmt.byNameZh.get(name),
    overseas: (code: string, nameEnUpper: string): PartyRow | undefined => stmt.overseas.get(code, nameEnUpper),
    insert(row: PartyRow): void {
      stmt.insert.run(row);
      names.set(row.id, row.name_zh, row.name_en);
    },
    update(row: Omit<PartyRow, 'created_at'>): void {
      stmt.update.run(row);
      names.set(row.id, row.name_zh, row.name_en);
    },
    remove(id: string): boolean {
      names.remove(id);
      return stmt.remove.run(id).changes === 1;
    },
    all: (): PartyRow[] => stmt.all.all(),

    /** Parties for a picker: best matches first (see library-search.ts); the newest when nothing is typed. */
    search(query: string, options: { role?: PartyRole; limit: number }): Party[] {
      const q = query.trim();
      const role = options.role ?? '';
      const { limit } = options;
      if (q === '') return load(stmt.recent.all({ role, limit, offset: 0 }).map((r) => r.id));
      const found = createCollector(limit);
      const upper = q.toUpperCase();
      const range = (prefix: string) => ({ role, from: prefix, to: prefixEnd(prefix), limit });
      if (/^[0-9A-Za-z]+$/.test(q)) {
        const codes = stmt.byCodePrefix.all(range(upper));
        found.add(codes.filter((r) => r.customs_code === upper), 0);
        const sccs = stmt.byUsccPrefix.all(range(upper));
        found.add(sccs.filter((r) => r.uscc === upper), 0);
        found.add(codes, 1);
        found.add(sccs, 1);
      }
      if (!found.full() && isInitials(q)) found.add(stmt.byInitials.all(range(q.toLowerCase())), 2);
      if (!found.full() && !/^\d+$/.test(q)) {
        found.add(stmt.byNamePrefix.all(range(q)), 3);
        if (!found.full()) found.add(stmt.byEnPrefix.all(range(q.toLowerCase())), 3);
        const phrase = names.phrase(q);
        if (!found.full() && phrase) found.add(stmt.contains.all({ role, phrase, limit }), 4);
      }
      return load(found.ids().map((h) => h.id));
    },

    /** A page of the library: the newest first, or the matches of a search (as many as `limit`). */
    list(input: { query: string; role?: PartyRole; offset: number; limit: number }): { items: Party[]; total: number } {
      const role = input.role ?? '';
      if (input.query.trim() === '') {
        return { items: load(stmt.recent.all({ role, limit: input.limit, offset: input.offset }).map((r) => r.id)), total: stmt.count.get({ role })?.n ?? 0 };
      }
      const items = this.search(input.query, { ...(input.role ? { role: input.role } : {}), limit: input.offset + input.limit });
      return { items: items.slice(input.offset), total: items.length };
    },
  };
}

export type PartiesRepo = ReturnType<typeof createPartiesRepo>;
