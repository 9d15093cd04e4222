// The Electron main process and preload, bundled by esbuild as CommonJS (Electron loads a sandboxed
// preload only as CJS). Everything main needs is in the bundle — better-sqlite3's JavaScript too —
// so the installers ship no node_modules at all: only `electron` stays outside (Electron provides
// it), and SQLite's native part, which the shell loads from dist/native (see electron-builder.yml).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Builds dist/electron (or `outdir`, for the tests that load the built bundle). */
export async function buildElectron(outdir = 'dist/electron') {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron'],
    // CommonJS has no import.meta: modules that find files beside themselves fall back to __dirname.
    define: { 'import.meta.url': 'undefined' },
  };
  await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${outdir}/main.cjs` });
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${outdir}/preload.cjs` });
  copyCodeTables(`${outdir}/code-tables`);
}

/**
 * The built-in code tables go beside the main bundle, gzipped (main/core/code-tables/builtin-files.ts
 * reads them): 0.6 MB in app.asar instead of 4.9 MB, read only when a table is first used. The large
 * ones are committed gzipped already.
 */
function copyCodeTables(out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync('resources/code-tables')) {
    const from = path.join('resources/code-tables', name);
    if (name.endsWith('.json.gz')) fs.copyFileSync(from, path.join(out, name));
    else if (name.endsWith('.json'))
      fs.writeFileSync(path.join(out, `${name}.gz`), gzipSync(fs.readFileSync(from), { level: 9 }));
  }
}
