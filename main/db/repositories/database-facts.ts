import type { Db } from '../connection';

// What diagnostics and the start-up checks read about the database itself: its engine, its health and a few
// counts. Each is one small query, read on its own so that a caller can tell one failing read from another.

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

export function journalMode(db: Db): string {
  return String(db.pragma('journal_mode', { simple: true }));
}

/** Reads the schema: throws when the file is not a database SQLite can read. */
export function readSchema(db: Db): void {
  db.prepare(`SELECT count(*) FROM sqlite_master`).get();
}

/**
 * SQLite's quick_check (or the slower, complete integrity_check when `thorough`): the findings other than "ok",
 * none when the file is sound, at most 20.
 */
export function checkFindings(db: Db, options: { thorough?: boolean } = {}): string[] {
  const rows = db.pragma(options.thorough ? 'integrity_check(20)' : 'quick_check(20)') as Array<Record<string, string>>;
  return rows.map((r) => Object.values(r)[0] ?? '').filter((v) => v !== 'ok');
}

export function tableNames(db: Db): Set<string> {
  return new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map(
      (t) => t.name,
    ),
  );
}

/** Rollback journal instead of WAL: the file then holds everything, with no -wal/-shm beside it. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

export function liveDeclarationCount(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM declarations WHERE deleted_at IS NULL`).get() as { n: number }).n;
}

export function outboxCountsByState(db: Db): Array<{ state: string; n: number }> {
  return db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`).all() as Array<{
    state: string;
    n: number;
  }>;
}

/** Every setting as stored (JSON text), by key. */
export function allSettings(db: Db): Array<{ key: string; value: string }> {
  return db.prepare(`SELECT key, value FROM settings ORDER BY key`).all() as Array<{ key: string; value: string }>;
}

/** One setting's stored text, or undefined. */
export function settingText(db: Db, key: string): string | undefined {
  return (db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
}

/** The signing keys stored, by id, and whether each is the active one. */
export function signingKeyStates(db: Db): Array<{ keyId: string; active: boolean }> {
  const rows = db.prepare(`SELECT key_id AS keyId, active FROM signing_keys`).all() as Array<{
    keyId: string;
    active: number;
  }>;
  return rows.map((r) => ({ keyId: r.keyId, active: r.active === 1 }));
}

/** Submissions still waiting to be sent, counted by the key that signed them. */
export function waitingByKey(db: Db): Array<{ keyId: string; n: number }> {
  return db
    .prepare(`SELECT key_id AS keyId, count(*) AS n FROM outbox WHERE state IN ('queued', 'sending') GROUP BY key_id`)
    .all() as Array<{ keyId: string; n: number }>;
}
