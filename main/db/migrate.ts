import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export interface Migration {
  /** Equals the file's number (0001-initial.ts → 1); user_version after it has run. */
  version: number;
  name: string;
  up(db: Db): void;
}

export class DatabaseTooNewError extends Error {
  readonly found: number;
  readonly supported: number;
  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer version of SW Desk (schema ${found}; this version understands up to ${supported}). ` +
        'Install the newer version, or open a backup made by this one. The database was not changed.',
    );
    this.name = 'DatabaseTooNewError';
    this.found = found;
    this.supported = supported;
  }
}

export interface MigrateResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings the database to the latest schema. A database from a newer version is
 * refused untouched; an existing database is copied with VACUUM INTO before it
 * is upgraded; all pending migrations run in one transaction, so an upgrade
 * either completes or leaves the old schema as it was.
 */
export function migrate(db: Db, migrations: readonly Migration[], options: { backupDir?: string; now?: () => Date } = {}): MigrateResult {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
  const from = schemaVersion(db);
  const to = latestVersion(ordered);
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && options.backupDir) {
    fs.mkdirSync(options.backupDir, { recursive: true });
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(options.backupDir, `before-schema-${to}-from-${from}-${stamp}.sqlite`);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }

  db.transaction(() => {
    for (const migration of ordered) {
      if (migration.version <= from) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to, backupPath };
}
