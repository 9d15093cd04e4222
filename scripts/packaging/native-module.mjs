// Reading what a native module (.node) was built for, without loading it: the entry point Node looks up
// when it loads one is named `node_register_module_v<ABI>`, and the name is kept in the export names of
// ELF, PE and Mach-O files alike. main/electron/sqlite-binding.ts reads it the same way at start-up;
// this copy serves the build scripts, which run as plain JavaScript outside the bundle.
import fs from 'node:fs';
import path from 'node:path';

/** The ABI (NODE_MODULE_VERSION) a native module was built for; null when the file carries none. */
export function moduleVersionOf(bytes) {
  const match = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return match ? Number(match[1]) : null;
}

/** The installed Electron's version and ABI (node_modules/electron: package.json and abi_version). */
export function installedElectron(projectDir = process.cwd()) {
  const dir = path.join(projectDir, 'node_modules', 'electron');
  return {
    version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
    abi: Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim()),
  };
}

/** Where the Electron build of SQLite's native part goes, and where the desktop app looks for it. */
export const ELECTRON_BINDING = path.join('dist', 'native', 'better_sqlite3.node');
