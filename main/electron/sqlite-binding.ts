import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SqliteBinding } from '../db/sqlite';
import { SqliteBindingError } from '../db/sqlite';

// The desktop app loads better-sqlite3's native part built for Electron's ABI, kept apart from the Node
// build in node_modules (which the tests, the CLI and the browser host use). `npm run electron:binding`
// builds it into dist/native; the installers ship it unpacked beside app.asar.

export const BINDING_FILE = 'better_sqlite3.node';

/**
 * Where the Electron build of the native part is: dist/native under the app's folder, which for an
 * installed app is the unpacked side of app.asar (native modules cannot load from inside an archive).
 */
export function electronBindingPath(app: { isPackaged: boolean; getAppPath(): string }): string {
  const root = app.isPackaged ? `${app.getAppPath()}.unpacked` : app.getAppPath();
  return path.join(root, 'dist', 'native', BINDING_FILE);
}

/**
 * The ABI (NODE_MODULE_VERSION) a native module was built for, read from the name of the entry point
 * Node looks up when loading it (`node_register_module_v<ABI>`, kept in the export names of ELF, PE and
 * Mach-O files alike); null when the file does not carry one (an N-API module, or not a module at all).
 */
export function moduleVersionOf(bytes: Buffer): number | null {
  const match = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return match ? Number(match[1]) : null;
}

const abiMessage =
  /NODE_MODULE_VERSION (\d+)\. This version of (?:Node\.js|Electron) requires\s+NODE_MODULE_VERSION (\d+)/;

/**
 * Checks and loads the Electron build of the native part once, before any database is opened. A missing
 * file, one built for another ABI, or one the runtime refuses becomes a SqliteBindingError, which every
 * later open repeats (see main/db/sqlite.ts) so the recovery screen can say exactly that and what to run.
 */
export function loadSqliteBinding(input: {
  file: string;
  /** The ABI this process loads: process.versions.modules. */
  required: number;
  runtime: 'electron' | 'node';
  packaged: boolean;
}): SqliteBinding {
  const { file, required, runtime, packaged } = input;
  const fail = (found: number | null, reason: string): SqliteBinding => ({
    error: new SqliteBindingError({ file, found, required, runtime, packaged, reason }),
  });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return fail(
      null,
      code === 'ENOENT'
        ? `SQLite's native component for ${runtime} is missing: ${file} does not exist`
        : `SQLite's native component ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const found = moduleVersionOf(bytes);
  if (found !== null && found !== required)
    return fail(
      found,
      `SQLite's native component ${file} was built for module version ${found}, but ${runtime} needs ${required}`,
    );
  try {
    createRequire(file)(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const versions = abiMessage.exec(message);
    return fail(
      versions ? Number(versions[1]) : found,
      `SQLite's native component ${file} cannot be loaded: ${message}`,
    );
  }
  return { file };
}
