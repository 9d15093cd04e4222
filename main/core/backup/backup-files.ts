import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/api';
import { AppError, causeParams } from '../../../shared/api';
import { schemaVersion } from '../../db/migrate';
import { checkFindings, tableNames, useRollbackJournal } from '../../db/repositories/database-facts';
import { openSqlite } from '../../db/sqlite';

// The backup files themselves: names, listing, checking a file before it is trusted, and
// putting one in place of the database. Nothing here needs the open app, so recovery mode
// (where the database could not be opened) uses the same code.

export const DATABASE_FILE = 'swdesk.sqlite';
/** SQLite's companions of a database file; they belong to it and move with it. */
const COMPANIONS = ['-wal', '-shm', '-journal'];
/** The tables a database of ours has at every schema version; a file without them is not one. */
const REQUIRED_TABLES = [
  'declarations',
  'declaration_rows',
  'declaration_revisions',
  'outbox',
  'receipts',
  'signing_keys',
  'settings',
];

export type BackupKind = BackupInfo['kind'];

export function backupDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Where a restore (or a recovery) puts the database it replaced: kept, never deleted by the app. */
export function replacedDirOf(dataDir: string): string {
  return path.join(dataDir, 'replaced');
}

/**
 * A moment for a file or folder name, on the machine's clock with its offset from UTC (20261207T210004852+0100): the
 * name the backup notice and the recovery screen show then reads the same hour as every other time on screen, and the
 * offset keeps the moment exact if the machine's zone changes later. Names written before carry UTC's Z instead.
 */
export function stampOf(date: Date): string {
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}${pad(date.getMilliseconds(), 3)}`;
  return `${day}T${time}${zone}`;
}

export function backupName(kind: Exclude<BackupKind, 'before-upgrade'>, at: Date): string {
  return `swdesk-${kind}-${stampOf(at)}.sqlite`;
}

const ownName = /^swdesk-(daily|manual|before-restore)-(\d{8}T\d{9}(?:Z|[+-]\d{4}))\.sqlite$/;
// Written by main/db/migrate.ts before a schema upgrade.
const upgradeName = /^before-schema-\d+-from-\d+-.*\.sqlite$/;

function parseStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})(Z|[+-]\d{2})(\d{2})?$/.exec(stamp);
  if (!m) return new Date(0).toISOString();
  const zone = m[8] === 'Z' ? 'Z' : `${m[8]}:${m[9]}`;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}${zone}`);
  // A name of ours with a date no clock reads (month 13, a hand-renamed copy) sorts last rather than stopping the
  // listing, which pruning, the daily backup and the recovery screen all stand on.
  return Number.isNaN(at.getTime()) ? new Date(0).toISOString() : at.toISOString();
}

/**
 * The schema version in a SQLite file's header (user_version, bytes 60–63), read without opening
 * the database; null when the file is not a SQLite database at all. For a backup (self-contained)
 * this is exact; a live WAL database may hold a newer value in its WAL until a checkpoint.
 */
export function headerVersion(file: string): number | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return null;
    return header.readUInt32BE(60);
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** The backups in the folder, newest first. Files that are not ours are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const own = ownName.exec(name);
    if (!own && !upgradeName.test(name)) continue;
    const file = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    out.push({
      name,
      kind: own ? (own[1] as BackupKind) : 'before-upgrade',
      createdAt: own?.[2] ? parseStamp(own[2]) : stat.mtime.toISOString(),
      sizeBytes: stat.size,
      schemaVersion: headerVersion(file) ?? -1,
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export type FileCheck =
  | { ok: true; schemaVersion: number }
  | {
      ok: false;
      reason: 'missing' | 'not-a-database' | 'damaged' | 'too-new' | 'not-ours';
      detail: string;
      schemaVersion?: number;
    };

/**
 * Checks a database file before it is trusted: it is a SQLite database, not from a newer version,
 * has our tables, and passes SQLite's own check (`integrity_check`, or the faster `quick_check`,
 * which skips comparing indexes with their tables). Opened read-only; nothing is written.
 */
export function checkDatabaseFile(file: string, options: { supported: number; thorough: boolean }): FileCheck {
  if (!fs.existsSync(file)) return { ok: false, reason: 'missing', detail: `${file} does not exist` };
  if (headerVersion(file) === null)
    return {
      ok: false,
      reason: 'not-a-database',
      detail: `${path.basename(file)} is not a SQLite database (its header is not readable)`,
    };
  let db: Database.Database | null = null;
  let version: number | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    version = schemaVersion(db);
    if (version > options.supported) {
      return {
        ok: false,
        reason: 'too-new',
        schemaVersion: version,
        detail: `${path.basename(file)} was written by a newer version (schema ${version}; this version understands up to ${options.supported})`,
      };
    }
    const findings = checkFindings(db, { thorough: options.thorough });
    if (findings.length > 0)
      return {
        ok: false,
        reason: 'damaged',
        schemaVersion: version,
        detail: `SQLite's check failed: ${findings.slice(0, 3).join('; ')}`,
      };
    const tables = tableNames(db);
    const missing = version === 0 ? [] : REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (version === 0 || missing.length > 0)
      return {
        ok: false,
        reason: 'not-ours',
        schemaVersion: version,
        detail: `${path.basename(file)} is not an SW Desk database${missing.length ? ` (no ${missing.join(', ')})` : ''}`,
      };
    return { ok: true, schemaVersion: version };
  } catch (error) {
    return {
      ok: false,
      reason: 'damaged',
      ...(version === undefined ? {} : { schemaVersion: version }),
      detail: `SQLite cannot read ${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    db?.close();
  }
}

/**
 * Makes a copy self-contained: the online backup API copies the header too, so a copy of a WAL
 * database would be in WAL mode and grow -wal/-shm files whenever it is opened.
 */
export function settleJournal(file: string): void {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    useRollbackJournal(db);
  } finally {
    db.close();
  }
}

function fsyncDir(dir: string): void {
  // Makes the renames durable; not every platform can open a directory (Windows), which is fine.
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/**
 * Puts a file written whole under a temporary name in place durably: its bytes fsynced, then renamed, then the rename
 * itself made durable. A crash leaves the old file or the new one, never a part.
 */
export function placeDurably(temp: string, to: string): void {
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, to);
  fsyncDir(path.dirname(to));
}

/** Copies a file durably: to a temporary name, then placed (placeDurably). */
export function copyDurably(from: string, to: string): void {
  const temp = `${to}.partial`;
  fs.copyFileSync(from, temp);
  placeDurably(temp, to);
}

/**
 * Moves the database and its companions (WAL, shared memory, journal) into a new folder under
 * `replaced/`. They move together, so a WAL can never be applied to another database.
 * Returns the folder, or null when there was no database.
 */
export function moveDatabaseAside(dataDir: string, at: Date, reason: string): string | null {
  const present = [DATABASE_FILE, ...COMPANIONS.map((c) => DATABASE_FILE + c)].filter((f) =>
    fs.existsSync(path.join(dataDir, f)),
  );
  if (present.length === 0) return null;
  const target = path.join(replacedDirOf(dataDir), `${stampOf(at)}-${reason}`);
  fs.mkdirSync(target, { recursive: true });
  for (const f of present) fs.renameSync(path.join(dataDir, f), path.join(target, f));
  fsyncDir(dataDir);
  return target;
}

/**
 * Puts a checked backup in place of the (closed) database: the current files go aside first,
 * then the backup is copied in. If the copy fails, the current files are moved back.
 */
export function swapInBackup(dataDir: string, backupFile: string, at: Date): { keptAs: string | null } {
  const keptAs = moveDatabaseAside(dataDir, at, 'before-restore');
  const target = path.join(dataDir, DATABASE_FILE);
  try {
    copyDurably(backupFile, target);
  } catch (error) {
    fs.rmSync(`${target}.partial`, { force: true });
    if (keptAs) for (const f of fs.readdirSync(keptAs)) fs.renameSync(path.join(keptAs, f), path.join(dataDir, f));
    throw new AppError('desk.restore-copy-failed', causeParams(error));
  }
  return { keptAs };
}
