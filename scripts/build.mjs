// `npm run build`: the renderer (Vite) and the Electron main process and preload (esbuild; see
// scripts/build-electron.mjs).
import { spawnSync } from 'node:child_process';
import { buildElectron, buildOcr } from './build-electron.mjs';

const vite = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
await buildElectron();
await buildOcr();
console.log('built dist/renderer, dist/electron and dist/ocr');
