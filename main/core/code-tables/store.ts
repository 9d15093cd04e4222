import crypto from 'node:crypto';
import type { BuiltinTableInfo } from '../../../shared/code-tables/builtin';
import { builtinManifest, readBuiltinPackage } from '../../../shared/code-tables/builtin';
import type { CodeRow } from '../../../shared/code-tables/normalize';
import { packageRows } from '../../../shared/code-tables/package';
import type { SearchHit } from '../../../shared/code-tables/search';
import { codeTableDefs, findCodeTable } from '../../../shared/code-tables/tables';
import { timed } from '../../db/connection';
import type { Db } from '../../db/connection';
import { createCodeTablesRepo, type StoredCodeTable } from '../../db/repositories/code-tables-repo';
import type { Logger } from '../../logging/logger';
import { builtinFileReader } from './builtin-files';
import type { MemoryTable } from '../../../shared/code-tables/memory-table';
import { createMemoryTable } from '../../../shared/code-tables/memory-table';
import { pinyinInitials } from './pinyin';

export type CodeTableOrigin = 'builtin' | 'import' | 'hub';

/** A table's content as the store installs it: an imported file, a hub table. */
export interface CodeTableContent {
  id: string;
  version: string;
  origin: 'import' | 'hub';
  complete: boolean;
  source: string;
  /** The date of the data (yyyy-MM-dd): the day an official file was imported or a hub table received. */
  asOf?: string;
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
  /** The date of the data (yyyy-MM-dd), '' when its source states none. */
  asOf: string;
  /** When an imported or received table was installed; null for a built-in one. */
  updatedAt: string | null;
  /** The version the product ships, when it ships the table (also while another one is in use). */
  builtinVersion: string | null;
}

/** Where the built-in tables come from: the manifest compiled in, and their files. */
export interface BuiltinSource {
  manifest: readonly BuiltinTableInfo[];
  read: (file: string) => string;
}

type Winner = { kind: 'stored'; row: StoredCodeTable } | { kind: 'builtin'; info: BuiltinTableInfo } | null;

/** A stable fingerprint of a table's rows (the hub's code-table versions use the same idea). */
export function rowsDigest(rows: readonly CodeRow[]): string {
  const hash = crypto.createHash('sha256');
  for (const row of rows)
    hash.update(JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).update('\n');
  return hash.digest('hex');
}

/**
 * The code tables: the built-in ones (resources/code-tables, read from their files on first use,
 * never copied into the database), and the official tables imported from files or received from
 * the hub (in SQLite, installed in one transaction each). Where both exist the newest wins: an
 * imported or received table, unless the built-in one's data is dated later than it. Lookups and
 * pickers work on an in-memory copy of each table (memory-table.ts), loaded on first use and
 * reloaded after a change; every change bumps `generation`.
 */
export function createCodeTableStore(
  db: Db,
  options: { now?: () => string; logger?: Logger; builtins?: BuiltinSource } = {},
) {
  const now = options.now ?? (() => new Date().toISOString());
  let builtins = options.builtins;
  const source = (): BuiltinSource => (builtins ??= { manifest: builtinManifest, read: builtinFileReader() });
  const manifest = new Map((options.builtins?.manifest ?? builtinManifest).map((info) => [info.id, info]));
  const repo = createCodeTablesRepo(db);
  let generation = 0;
  // Which table answers for an id, as of `generation`, and the loaded tables by what they hold.
  const winners = new Map<string, { at: number; winner: Winner }>();
  const loaded = new Map<string, { key: string; table: MemoryTable }>();

  function winnerOf(id: string): Winner {
    const cached = winners.get(id);
    if (cached && cached.at === generation) return cached.winner;
    const row = repo.get(id);
    const info = manifest.get(id);
    let winner: Winner = null;
    if (row && info && info.asOf !== '' && info.asOf > (row.asOf || row.updatedAt.slice(0, 10)))
      winner = { kind: 'builtin', info };
    else if (row) winner = { kind: 'stored', row };
    else if (info) winner = { kind: 'builtin', info };
    winners.set(id, { at: generation, winner });
    return winner;
  }

  function load(id: string): MemoryTable | null {
    const winner = winnerOf(id);
    if (!winner) return null;
    const key = winner.kind === 'builtin' ? `builtin:${winner.info.version}` : `stored:${winner.row.sha256}`;
    const cached = loaded.get(id);
    if (cached?.key === key) return cached.table;
    const table = timed(options.logger, `code table load ${id}`, () =>
      createMemoryTable(
        winner.kind === 'builtin' ? packageRows(readBuiltinPackage(winner.info, source().read)) : repo.rows(id),
      ),
    );
    loaded.set(id, { key, table });
    return table;
  }

  function install(content: CodeTableContent, digest: string): void {
    repo.replace(
      {
        id: content.id,
        version: content.version,
        origin: content.origin,
        complete: content.complete,
        source: content.source,
        columns: [...content.columns],
        sha256: digest,
        asOf: content.asOf ?? '',
        updatedAt: now(),
      },
      content.rows.map(({ initials, ...row }) => {
        const nameZh = row.name_zh ?? '';
        return {
          code: row.code ?? '',
          nameZh,
          nameEn: row.name_en ?? '',
          initials: initials ?? pinyinInitials(nameZh),
          row,
        };
      }),
    );
  }

  function summary(id: string): CodeTableSummary {
    const def = findCodeTable(id);
    const winner = winnerOf(id);
    const info = manifest.get(id);
    const base = {
      id,
      zh: def?.zh ?? id,
      en: def?.en ?? id,
      builtin: def?.builtin ?? 'none',
      builtinVersion: info?.version ?? null,
    };
    if (winner?.kind === 'stored') {
      const { row } = winner;
      return {
        ...base,
        version: row.version,
        origin: row.origin,
        complete: row.complete,
        rowCount: row.rowCount,
        source: row.source,
        asOf: row.asOf,
        updatedAt: row.updatedAt,
      };
    }
    if (winner?.kind === 'builtin') {
      const { info: b } = winner;
      return {
        ...base,
        version: b.version,
        origin: 'builtin',
        complete: b.complete,
        rowCount: b.rowCount,
        source: b.source,
        asOf: b.asOf,
        updatedAt: null,
      };
    }
    return {
      ...base,
      version: null,
      origin: null,
      complete: false,
      rowCount: 0,
      source: null,
      asOf: '',
      updatedAt: null,
    };
  }

  function changed(): void {
    generation++;
  }

  return {
    /** Replaces a table's content; returns false (and changes nothing) when the rows are the same. */
    install(content: CodeTableContent): { changed: boolean; sha256: string } {
      const digest = rowsDigest(content.rows);
      const current = repo.get(content.id);
      if (
        current &&
        current.sha256 === digest &&
        current.version === content.version &&
        current.origin === content.origin
      )
        return { changed: false, sha256: digest };
      timed(options.logger, `code table install ${content.id}`, () => install(content, digest));
      changed();
      return { changed: true, sha256: digest };
    },

    /** Removes an imported or received table: the built-in one (if any) answers again. */
    remove(id: string): boolean {
      const removed = repo.remove(id);
      if (removed) changed();
      return removed;
    },

    /** Every registered table, installed or not, in registry order. */
    list(): CodeTableSummary[] {
      return codeTableDefs.map((d) => summary(d.id));
    },

    info(id: string): CodeTableSummary {
      return summary(id);
    },

    /** The columns the table in use carries (none when nothing is installed). */
    columns(id: string): string[] {
      const winner = winnerOf(id);
      if (winner?.kind === 'stored') return [...winner.row.columns];
      return winner?.kind === 'builtin' ? [...winner.info.columns] : [];
    },

    get(table: string, code: string): CodeRow | null {
      return load(table)?.get(code) ?? null;
    },

    /** The table in use, held in memory (null when there is none). */
    table(id: string): MemoryTable | null {
      return load(id);
    },

    /** A table's rows with their pinyin initials, in code order. */
    rows(table: string): readonly CodeRow[] {
      return load(table)?.rows() ?? [];
    },

    /**
     * Finds codes for a picker: exact code, code prefix, pinyin-initials prefix, then Chinese or
     * English name text; best matches first (memory-table.ts).
     */
    search(table: string, query: string, limit: number): SearchHit[] {
      return timed(options.logger, `code search ${table}`, () => load(table)?.search(query, limit) ?? []);
    },

    /** Increases whenever a table's content changes. */
    generation(): number {
      return generation;
    },
  };
}

export type CodeTableStore = ReturnType<typeof createCodeTableStore>;
