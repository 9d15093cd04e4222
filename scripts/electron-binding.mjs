// `npm run electron:binding`: builds better-sqlite3's native part for the installed Electron's ABI into
// dist/native/better_sqlite3.node, leaving the Node build in node_modules (tests, CLI, browser host)
// untouched. It works on a copy of the package in a temporary folder: first better-sqlite3's prebuilt
// file for this Electron (prebuild-install, from GitHub), else a compile against Electron's headers
// (node-gyp). Both need the internet; on a machine without it this says so in one line and exits 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ELECTRON_BINDING, installedElectron, moduleVersionOf } from './packaging/native-module.mjs';

const electron = installedElectron();
const source = path.resolve('node_modules/better-sqlite3');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-electron-binding-'));
const copy = path.join(work, 'better-sqlite3');
fs.cpSync(source, copy, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });

// Node's own headers (npm_config_nodedir, which CI sets for the Node build) must not leak into this build.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'),
);

function run(label, command, args) {
  console.log(`electron:binding: ${label}`);
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd: copy,
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0) process.stderr.write(stderr.split('\n').slice(-5).join('\n'));
  return result.status === 0;
}

const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
const target = ['--runtime=electron', `--target=${electron.version}`, `--arch=${process.arch}`];
const ok =
  run(
    `prebuilt file for Electron ${electron.version} (ABI ${electron.abi})`,
    path.resolve('node_modules/prebuild-install/bin.js'),
    [...target, `--platform=${process.platform}`, '--tag-prefix=v', '--verbose'],
  ) ||
  run(
    `compiling against Electron ${electron.version}'s headers`,
    path.resolve('node_modules/node-gyp/bin/node-gyp.js'),
    ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
  );
try {
  if (!ok || !fs.existsSync(built)) {
    console.error(
      `electron:binding: could not get better-sqlite3 for Electron ${electron.version} (it needs the internet: GitHub releases or electronjs.org headers); nothing was changed`,
    );
    process.exit(1);
  }
  const found = moduleVersionOf(fs.readFileSync(built));
  if (found !== electron.abi) {
    console.error(
      `electron:binding: the file built is for ABI ${found}, not Electron's ${electron.abi}; nothing was changed`,
    );
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(ELECTRON_BINDING), { recursive: true });
  fs.copyFileSync(built, `${ELECTRON_BINDING}.partial`);
  fs.renameSync(`${ELECTRON_BINDING}.partial`, ELECTRON_BINDING);
  console.log(`electron:binding: ${ELECTRON_BINDING} (Electron ${electron.version}, ABI ${found})`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
