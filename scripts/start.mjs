// `npm start`: run the desktop app. Where the Electron binary is missing it
// tries the official installer once; if that cannot work (no network), it
// says so in one line and starts the browser host instead, printing its URL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const passthrough = process.argv.slice(2);
// Where the electron package keeps its binary and its installer (overridable so
// the fallback can be tested deterministically: scripts/start.test.ts).
const electronDir = process.env.SWDESK_ELECTRON_PACKAGE ?? 'node_modules/electron';

/**
 * The binary the electron package points at, if it is really there (its index.js would start a download, so it is not
 * required here).
 */
function electronPath() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function built() {
  return fs.existsSync('dist/electron/main.cjs') && fs.existsSync('dist/renderer/index.html');
}

let binary = electronPath();
if (!binary) {
  const installer = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  binary = installer.status === 0 ? electronPath() : null;
  if (!binary) {
    const reason =
      `${installer.stderr ?? ''}${installer.error?.message ?? ''}`
        .split('\n')
        .find((l) => /error|ENOTFOUND|EAI_AGAIN|timed? ?out|ECONN|engine/i.test(l)) ?? `exit ${installer.status}`;
    console.log(
      `Electron is not available on this machine (its installer failed: ${reason.trim().slice(0, 160)}); starting the browser host instead.`,
    );
    const serve = spawn(process.execPath, ['--import', 'tsx', 'main/serve/cli.ts', '--port', '0', ...passthrough], {
      stdio: 'inherit',
    });
    process.on('SIGTERM', () => serve.kill('SIGTERM'));
    serve.on('exit', (code) => process.exit(code ?? 0));
    process.on('SIGINT', () => serve.kill('SIGINT'));
  }
}
if (binary) {
  if (!built()) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const child = spawn(binary, ['.', ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
