// `npm run dist [-- <electron-builder targets>]`: the installers, on a machine that can download Electron
// (the release workflow runs it on Windows, macOS and Linux). In order: the bundles and the renderer;
// SQLite's native part for Electron (dist/native, built when missing or of another ABI); electron-builder
// (whose afterPack hook refuses a wrong binding or a package over budget before any installer is made);
// then every app folder made is checked again, fuses included (they are flipped after afterPack), and
// the sizes are printed (and added to the job summary on GitHub Actions).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ELECTRON_BINDING, installedElectron, moduleVersionOf } from './packaging/native-module.mjs';
import { checkFuses, checkPackedResources, failIfAny, fuseFileOf, resourcesOf } from './packaging/package-checks.mjs';

function run(script, args = []) {
  const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = installedElectron();
run('scripts/build.mjs');
const current = fs.existsSync(ELECTRON_BINDING) ? moduleVersionOf(fs.readFileSync(ELECTRON_BINDING)) : null;
if (current !== electron.abi) run('scripts/electron-binding.mjs');
fs.rmSync('release', { recursive: true, force: true });
run('node_modules/electron-builder/cli.js', ['--config', 'electron-builder.yml', ...process.argv.slice(2)]);

/** The app folders electron-builder made: release/<platform>[-arch]-unpacked, or release/mac*. */
const folders = fs
  .readdirSync('release', { withFileTypes: true })
  .filter((e) => e.isDirectory() && (/-unpacked$/.test(e.name) || /^mac/.test(e.name)))
  .map((e) => ({
    dir: path.join('release', e.name),
    platform: e.name.startsWith('mac') ? 'darwin' : e.name.startsWith('win') ? 'win32' : 'linux',
  }));
const lines = ['| Package | Size |', '|---|---|'];
const all = [];
for (const { dir, platform } of folders) {
  const { findings, sizes } = checkPackedResources(resourcesOf(dir, platform), { electronAbi: electron.abi });
  const fuses = await checkFuses(fuseFileOf(dir, platform, 'swdesk'));
  all.push(...findings, ...fuses);
  lines.push(`| ${dir}: app.asar | ${(sizes.asarBytes / 1024 / 1024).toFixed(1)} MiB |`);
  lines.push(`| ${dir}: app.asar.unpacked | ${(sizes.unpackedBytes / 1024 / 1024).toFixed(1)} MiB |`);
  lines.push(`| ${dir}: resources/ocr | ${(sizes.ocrBytes / 1024 / 1024).toFixed(1)} MiB |`);
}
for (const entry of fs.readdirSync('release', { withFileTypes: true })) {
  if (entry.isFile() && /\.(exe|dmg|AppImage|deb|zip)$/.test(entry.name))
    lines.push(
      `| ${entry.name} | ${(fs.statSync(path.join('release', entry.name)).size / 1024 / 1024).toFixed(1)} MiB |`,
    );
}
console.log(lines.join('\n'));
if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
failIfAny(all, 'release/');
console.log(
  `dist: ${folders.length} app folder(s) checked: SQLite binding for Electron ABI ${electron.abi}, fuses, budgets`,
);
