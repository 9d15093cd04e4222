import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * Where the built-in code-table files are: `resources/code-tables` beside the sources (tests, the
 * browser host, the CLI run from TypeScript), or `code-tables` beside the bundle, where
 * scripts/build.mjs puts them gzipped (the Electron app: 0.6 MB instead of 4.9 MB in app.asar), or
 * `resources/code-tables` under the working folder. SWDESK_CODE_TABLES_DIR names another folder.
 */
export function builtinTablesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWDESK_CODE_TABLES_DIR) return env.SWDESK_CODE_TABLES_DIR;
  const here = moduleDir();
  const candidates = [
    path.join(here, 'code-tables'),
    path.resolve(here, '../../../resources/code-tables'),
    // A bundle built elsewhere (a test's worker) and started from the repository.
    path.resolve('resources/code-tables'),
  ];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`The built-in code tables are missing: looked in ${candidates.join(' and ')}`);
  return found;
}

function moduleDir(): string {
  // import.meta.url under tsx and ES modules; a CommonJS bundle (Electron main) has __dirname.
  const url: string | undefined = import.meta.url;
  return url ? path.dirname(fileURLToPath(url)) : typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** Reads a built-in file by name from `dir`: `<name>` as it is, or `<name>.gz`. */
export function builtinFileReader(dir: string = builtinTablesDir()): (file: string) => string {
  return (file) => {
    const plain = path.join(dir, file);
    if (fs.existsSync(plain)) return fs.readFileSync(plain, 'utf8');
    return gunzipSync(fs.readFileSync(`${plain}.gz`)).toString('utf8');
  };
}
