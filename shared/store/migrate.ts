/**
 * The migrations framework both SQLite stores use (the client in main/db, the
 * hub in hub/store). It is written against the few calls it needs, so it has
 * no platform import; the caller supplies the backup step.
 */
export interface MigratableDb {
  pragma(source: string, options?: { simple: boolean }): unknown;
  transaction(fn: () => void): () => unknown;
}

export interface Migration<D extends MigratableDb = MigratableDb> {
  /** Equals the file's number (0001-initial.ts → 1); user_version after it has run. */
  version: number;
  name: string;
  up(db: D): void;
}

/** A store whose migrations run SQL text (both SQLite stores). */
export interface SqlMigratableDb extends MigratableDb {
  exec(source: string): unknown;
}

/**
 * A migration that runs one SQL script, then, when given, the code that fills in what SQL alone cannot (values
 * worked out in TypeScript). The script's text is what SQLite keeps as each table's schema: an applied migration's
 * script never changes, not even its white space.
 */
export function sqlMigration<D extends SqlMigratableDb>(
  version: number,
  name: string,
  sql: string,
  then?: (db: D) => void,
): Migration<D> {
  return {
    version,
    name,
    up(db) {
      db.exec(sql);
      then?.(db);
    },
  };
}

export class DatabaseTooNewError extends Error {
  readonly found: number;
  readonly supported: number;
  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer version (schema ${found}; this version understands up to ${supported}). ` +
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

export function schemaVersion(db: MigratableDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration<never>[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings the database to the latest schema. A database from a newer version is
 * refused untouched; an existing database is backed up (by the caller's
 * `backup`) before it is upgraded; all pending migrations run in one
 * transaction, so an upgrade either completes or leaves the old schema as it was.
 */
export function migrate<D extends MigratableDb>(
  db: D,
  migrations: readonly Migration<D>[],
  backup?: (from: number, to: number) => string,
): MigrateResult {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
  const from = schemaVersion(db);
  const to = ordered.length;
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to, backupPath: null };
  const backupPath = from > 0 && backup ? backup(from, to) : null;
  db.transaction(() => {
    for (const migration of ordered) {
      if (migration.version <= from) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to, backupPath };
}
