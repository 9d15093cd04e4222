import type Database from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import { DatabaseTooNewError } from '../../shared/store/migrate';
import { openSqlite } from './sqlite';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  logger?: Logger;
  /** Refuse (before changing anything, even the journal mode) a database whose schema is newer than this. */
  refuseNewerThan?: number;
}

/**
 * Opens the one connection main holds. WAL lets readers run beside the writer;
 * synchronous=FULL makes every commit durable before we tell the user it is
 * saved (a signed submission, an outbox change, an autosave).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = openSqlite(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (options.refuseNewerThan !== undefined) {
      const found = Number(db.pragma('user_version', { simple: true }));
      if (found > options.refuseNewerThan) throw new DatabaseTooNewError(found, options.refuseNewerThan);
    }
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    // A file that is not a database (or a newer one) must not stay open: on Windows an open
    // handle would keep a restore from moving it aside.
    db.close();
    throw error;
  }
  return db;
}

const SLOW_MS = 40;

/** Runs `fn`, logging it when it takes longer than the slow-statement threshold. */
export function timed<T>(logger: Logger | undefined, label: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - start;
    if (ms > SLOW_MS) logger?.warn('slow statement', { label, ms: Math.round(ms) });
  }
}
