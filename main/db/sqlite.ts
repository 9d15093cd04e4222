import Database from 'better-sqlite3';

// Every SQLite file main opens goes through here, so that the desktop app can hand better-sqlite3 the
// native part built for Electron's ABI (main/electron/sqlite-binding.ts) while the tests, the CLI and
// the browser host keep the Node build in node_modules. One node_modules cannot hold both builds.

/** Why the native part of better-sqlite3 chosen for this runtime cannot be used. */
export class SqliteBindingError extends Error {
  /** The file that was to be loaded. */
  readonly file: string;
  /** The ABI (NODE_MODULE_VERSION) the file was built for, when it could be read. */
  readonly found: number | null;
  /** The ABI this runtime loads (process.versions.modules). */
  readonly required: number;
  /** The runtime that needs the file. */
  readonly runtime: 'electron' | 'node';
  /** A packaged app is mended by reinstalling it; a checkout by building the binding again. */
  readonly packaged: boolean;

  constructor(info: {
    file: string;
    found: number | null;
    required: number;
    runtime: 'electron' | 'node';
    packaged: boolean;
    reason: string;
  }) {
    super(info.reason);
    this.name = 'SqliteBindingError';
    this.file = info.file;
    this.found = info.found;
    this.required = info.required;
    this.runtime = info.runtime;
    this.packaged = info.packaged;
  }
}

/**
 * The native module's file (already loaded once, so better-sqlite3's require of it is a cache hit), or why
 * it could not be loaded; undefined: better-sqlite3 finds its own in node_modules.
 */
export type SqliteBinding = { file: string } | { error: SqliteBindingError };

let binding: SqliteBinding | undefined;

/** Chosen once, by the shell, before any database is opened. */
export function useSqliteBinding(chosen: SqliteBinding | undefined): void {
  binding = chosen;
}

/** Where the native part in use comes from (diagnostics): a file the shell chose, or node_modules. */
export function sqliteBindingFile(): string {
  if (!binding) return 'node_modules/better-sqlite3 (the Node build)';
  return 'file' in binding ? binding.file : binding.error.file;
}

/**
 * Opens a SQLite file with the binding chosen for this runtime. When that binding could not be
 * loaded, every open fails with the same SqliteBindingError, which the desk shows as its own
 * recovery screen (what is wrong and what to run) instead of an unexplained failure.
 */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  if (binding && 'error' in binding) throw binding.error;
  return new Database(file, binding ? { ...options, nativeBinding: binding.file } : options);
}
