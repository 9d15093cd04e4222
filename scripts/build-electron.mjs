// The Electron main process and preload, bundled by esbuild as CommonJS (Electron loads a sandboxed
// preload only as CJS). Everything main needs is in the bundle — better-sqlite3's JavaScript too —
// so the installers ship no node_modules at all: only `electron` stays outside (Electron provides
// it), and SQLite's native part, which the shell loads from dist/native (see electron-builder.yml).
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
  };
  await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${outdir}/main.cjs` });
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${outdir}/preload.cjs` });
}
