// `npm start`: run the desktop app. Where the Electron binary is missing it
// tries the official installer once; if that cannot work (no network), it
// says so in one line and starts the browser host instead, printing its URL.
// The failure is remembered beside the electron package (a new `npm ci` or
// another Electron version forgets it), so later starts do not wait for the
// download again: `npm start -- --retry-electron` tries it once more.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ELECTRON_BINDING, moduleVersionOf } from './packaging/native-module.mjs';

const retry = process.argv.includes('--retry-electron');
const passthrough = process.argv.slice(2).filter((a) => a !== '--retry-electron');
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

/**
 * Whether SQLite's native part built for this Electron's ABI is in dist/native: the desktop app loads that
 * one, never the Node build in node_modules (which tests, CLI and the browser host keep using).
 */
function electronBindingReady() {
  try {
    const abi = Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
    return moduleVersionOf(fs.readFileSync(ELECTRON_BINDING)) === abi;
  } catch {
    return false;
  }
}

function built() {
  return fs.existsSync('dist/electron/main.cjs') && fs.existsSync('dist/renderer/index.html');
}

/** Where a failed installer is remembered, with the electron package's version it failed for. */
const failedMarker = path.join(electronDir, '.swdesk-install-failed.json');

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** The remembered failure for this electron version, unless the broker asked to try again. */
function rememberedFailure() {
  if (retry) return null;
  try {
    const failed = JSON.parse(fs.readFileSync(failedMarker, 'utf8'));
    return failed.version === electronVersion() ? failed : null;
  } catch {
    return null;
  }
}

function tryInstaller() {
  const installer = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (installer.status === 0 && electronPath()) {
    fs.rmSync(failedMarker, { force: true });
    return { binary: electronPath() };
  }
  const reason =
    `${installer.stderr ?? ''}${installer.error?.message ?? ''}`
      .split('\n')
      .find((l) => /error|ENOTFOUND|EAI_AGAIN|timed? ?out|ECONN|engine/i.test(l)) ?? `exit ${installer.status}`;
  const failure = { version: electronVersion(), reason: reason.trim().slice(0, 160), at: new Date().toISOString() };
  try {
    fs.writeFileSync(failedMarker, JSON.stringify(failure));
  } catch {
    // A read-only package folder: the installer is tried again next time, as before.
  }
  return { binary: null, failure };
}

let binary = electronPath();
if (!binary) {
  const remembered = rememberedFailure();
  const attempt = remembered ? { binary: null, failure: remembered } : tryInstaller();
  binary = attempt.binary;
  if (!binary) {
    console.log(
      remembered
        ? `Electron is not available on this machine (its installer failed on ${remembered.at.slice(0, 10)}: ${remembered.reason}; npm start -- --retry-electron tries again); starting the browser host instead.`
        : `Electron is not available on this machine (its installer failed: ${attempt.failure.reason}); starting the browser host instead.`,
    );
    const serve = spawn(process.execPath, ['scripts/run-built.mjs', 'serve', '--port', '0', ...passthrough], {
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
  // Made once (it needs the internet); if it cannot be made, the app opens on a screen saying what to run.
  if (!electronBindingReady()) spawnSync(process.execPath, ['scripts/electron-binding.mjs'], { stdio: 'inherit' });
  const child = spawn(binary, ['.', ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
