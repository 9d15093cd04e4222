import crypto from 'node:crypto';
import type { CodeRow } from '../../../shared/code-tables/normalize';
import type { SearchHit } from '../../../shared/code-tables/search';
import { codeTableDefs, findCodeTable } from '../../../shared/code-tables/tables';
import { timed } from '../../db/connection';
import type { Db } from '../../db/connection';
import type { Logger } from '../../logging/logger';
import { pinyinInitials } from './pinyin';

export type CodeTableOrigin = 'builtin' | 'import' | 'hub';

/** A table's content as the store installs it: a built-in package, an imported file, a hub table. */
export interface CodeTableContent {
  id: string;
  version: string;
  origin: CodeTableOrigin;
  complete: boolean;
  source: string;
  columns: readonly string[];
  rows: readonly CodeRow[];
}

export interface CodeTableSummary {
  id: string;
  zh: string;
  en: string;
  /** What the product ships for the table (shared/code-tables/tables.ts). */
  builtin: 'complete' | 'partial' | 'none';
  /** null when nothing is installed (an import-only table before its file is imported). */
  version: string | null;
  origin: CodeTableOrigin | null;
  complete: boolean;
  rowCount: number;
  source: string | null;
  updatedAt: string | null;
}

interface TableRow {
  id: string;
  version: string;
  origin: CodeTableOrigin;
  complete: number;
  source: string;
  columns: string;
  row_count: number;
  sha256: string;
  updated_at: string;
}

/** A stable fingerprint of a table's rows (the hub's code-table versions use the same idea). */
export function rowsDigest(rows: readonly CodeRow[]): string {
  const hash = crypto.createHash('sha256');
  for (const row of rows)
    hash.update(JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).update('\n');
  return hash.digest('hex');
}

/** The end of a prefix range: every string that starts with `prefix` sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * The code tables in SQLite: install a table's content in one transaction (replacing what was
 * there), list them, search a table and get a code. Every change bumps `generation`, which the
 * in-memory lookup watches.
 */
export function createCodeTableStore(db: Db, options: { now?: () => string; logger?: Logger } = {}) {
  const now = options.now ?? (() => new Date().toISOString());
  const stmt = {
    table: db.prepare<[string], TableRow>(`SELECT * FROM code_tables WHERE id = ?`),
    tables: db.prepare<[], TableRow>(`SELECT * FROM code_tables ORDER BY id`),
    upsertTable:
      db.prepare(`INSERT INTO code_tables (id, version, origin, complete, source, columns, row_count, sha256, updated_at)
      VALUES (@id, @version, @origin, @complete, @source, @columns, @row_count, @sha256, @updated_at)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, origin = excluded.origin, complete = excluded.complete, source = excluded.source,
        columns = excluded.columns, row_count = excluded.row_count, sha256 = excluded.sha256, updated_at = excluded.updated_at`),
    deleteRows: db.prepare(`DELETE FROM code_rows WHERE tbl = ?`),
    insertRow: db.prepare(
      `INSERT INTO code_rows (tbl, code, name_zh, name_en, initials, data) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[string, string], { data: string }>(`SELECT data FROM code_rows WHERE tbl = ? AND code = ?`),
    all: db.prepare<[string], { data: string; initials: string }>(
      `SELECT data, initials FROM code_rows WHERE tbl = ? ORDER BY code`,
    ),
    byCodePrefix: db.prepare<[string, string, string, number], Hit>(
      `SELECT code, name_zh, name_en FROM code_rows WHERE tbl = ? AND code >= ? AND code < ? ORDER BY code LIMIT ?`,
    ),
    byInitials: db.prepare<[string, string, string, number], Hit>(
      `SELECT code, name_zh, name_en FROM code_rows WHERE tbl = ? AND initials >= ? AND initials < ? ORDER BY initials, code LIMIT ?`,
    ),
  };
  let generation = 0;
  // Name text has no index (it is matched anywhere in the name), so the name step works on a
  // compact in-memory copy of each searched table's names, rebuilt after a change: names sorted
  // for prefix matches by binary search, and a scan for the rest that stops at `limit`.
  interface NameIndex {
    at: number;
    rows: Array<Hit & { en: string }>;
    byZh: Array<Hit & { en: string }>;
    byEn: Array<Hit & { en: string }>;
  }
  const names = new Map<string, NameIndex>();
  const allNames = db.prepare<[string], Hit>(
    `SELECT code, name_zh, name_en FROM code_rows WHERE tbl = ? ORDER BY code`,
  );
  function namesOf(table: string): NameIndex {
    const cached = names.get(table);
    if (cached && cached.at === generation) return cached;
    const rows = allNames.all(table).map((r) => ({ ...r, en: r.name_en.toLowerCase() }));
    const index = {
      at: generation,
      rows,
      byZh: [...rows].sort((a, b) => (a.name_zh < b.name_zh ? -1 : a.name_zh > b.name_zh ? 1 : 0)),
      byEn: [...rows].sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0)),
    };
    names.set(table, index);
    return index;
  }

  /** Rows of `sorted` whose `key` starts with `prefix` (binary search to the first, then forward). */
  function withPrefix(
    sorted: Array<Hit & { en: string }>,
    key: 'name_zh' | 'en',
    prefix: string,
    limit: number,
  ): Hit[] {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid]?.[key] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: Hit[] = [];
    for (let i = lo; i < sorted.length && out.length < limit; i++) {
      const r = sorted[i];
      if (!r || !r[key].startsWith(prefix)) break;
      out.push({ code: r.code, name_zh: r.name_zh, name_en: r.name_en });
    }
    return out;
  }

  const install = db.transaction((content: CodeTableContent, digest: string) => {
    stmt.deleteRows.run(content.id);
    stmt.upsertTable.run({
      id: content.id,
      version: content.version,
      origin: content.origin,
      complete: content.complete ? 1 : 0,
      source: content.source,
      columns: JSON.stringify(content.columns),
      row_count: content.rows.length,
      sha256: digest,
      updated_at: now(),
    });
    for (const row of content.rows) {
      const nameZh = row.name_zh ?? '';
      stmt.insertRow.run(
        content.id,
        row.code ?? '',
        nameZh,
        row.name_en ?? '',
        pinyinInitials(nameZh),
        JSON.stringify(row),
      );
    }
  });

  function summary(id: string, row: TableRow | undefined): CodeTableSummary {
    const def = findCodeTable(id);
    return {
      id,
      zh: def?.zh ?? id,
      en: def?.en ?? id,
      builtin: def?.builtin ?? 'none',
      version: row?.version ?? null,
      origin: row?.origin ?? null,
      complete: row ? row.complete === 1 : false,
      rowCount: row?.row_count ?? 0,
      source: row?.source ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  return {
    /** Replaces a table's content; returns false (and changes nothing) when the rows are the same. */
    install(content: CodeTableContent): { changed: boolean; sha256: string } {
      const digest = rowsDigest(content.rows);
      const current = stmt.table.get(content.id);
      if (
        current &&
        current.sha256 === digest &&
        current.version === content.version &&
        current.origin === content.origin
      )
        return { changed: false, sha256: digest };
      timed(options.logger, `code table install ${content.id}`, () => install(content, digest));
      generation++;
      return { changed: true, sha256: digest };
    },

    /** Every registered table, installed or not, in registry order. */
    list(): CodeTableSummary[] {
      const installed = new Map(stmt.tables.all().map((r) => [r.id, r]));
      return codeTableDefs.map((d) => summary(d.id, installed.get(d.id)));
    },

    info(id: string): CodeTableSummary {
      return summary(id, stmt.table.get(id));
    },

    /** The columns the installed table's rows carry (none when nothing is installed). */
    columns(id: string): string[] {
      const row = stmt.table.get(id);
      return row ? (JSON.parse(row.columns) as string[]) : [];
    },

    get(table: string, code: string): CodeRow | null {
      const row = stmt.get.get(table, code);
      return row ? (JSON.parse(row.data) as CodeRow) : null;
    },

    /** A table's rows with their pinyin initials, in code order. */
    rows(table: string): CodeRow[] {
      return stmt.all.all(table).map((r) => ({ ...(JSON.parse(r.data) as CodeRow), initials: r.initials }));
    },

    /**
     * Finds codes for a picker: exact code, code prefix, pinyin-initials prefix, then Chinese or
     * English name text; best matches first. Each step is an index range except the name scan,
     * which runs only when the earlier steps found fewer than `limit`.
     */
    search(table: string, query: string, limit: number): SearchHit[] {
      const q = query.trim();
      const hits = new Map<string, SearchHit>();
      const add = (rows: Hit[], rank: number) => {
        for (const r of rows)
          if (!hits.has(r.code) && hits.size < limit)
            hits.set(r.code, { ...r, rank: r.code === q || r.code === q.toUpperCase() ? 0 : rank });
      };
      return timed(options.logger, `code search ${table}`, () => {
        if (q === '') {
          add(stmt.byCodePrefix.all(table, '', prefixEnd(''), limit), 4);
          return [...hits.values()];
        }
        for (const prefix of new Set([q, q.toUpperCase()]))
          add(stmt.byCodePrefix.all(table, prefix, prefixEnd(prefix), limit), 1);
        const initials = q.toLowerCase();
        if (/^[a-z][a-z0-9]*$/.test(initials) && hits.size < limit)
          add(stmt.byInitials.all(table, initials, prefixEnd(initials), limit), 2);
        // Digits are a code being typed: no name step. Chinese text cannot be in an English name.
        if (hits.size < limit && !/^\d+$/.test(q)) {
          const lower = q.toLowerCase();
          const chinese = /[\u3400-\u9fff]/.test(q);
          const index = namesOf(table);
          add(withPrefix(index.byZh, 'name_zh', q, limit), 3);
          if (!chinese) add(withPrefix(index.byEn, 'en', lower, limit), 3);
          const contains: Hit[] = [];
          for (const r of index.rows) {
            if (hits.size + contains.length >= limit) break;
            if (hits.has(r.code)) continue;
            if (r.name_zh.includes(q) || (!chinese && r.en.includes(lower)))
              contains.push({ code: r.code, name_zh: r.name_zh, name_en: r.name_en });
          }
          add(contains, 4);
        }
        return [...hits.values()].sort((a, b) => a.rank - b.rank);
      });
    },

    /** Increases whenever a table's content changes. */
    generation(): number {
      return generation;
    },
  };
}

interface Hit {
  code: string;
  name_zh: string;
  name_en: string;
}

export type CodeTableStore = ReturnType<typeof createCodeTableStore>;
