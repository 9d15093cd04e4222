// `npm run build`: the renderer (Vite) and the Electron main process and
// preload (esbuild, CommonJS: Electron loads a sandboxed preload only as CJS).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const vite = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/renderer and dist/electron');
