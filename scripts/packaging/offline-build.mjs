// Builds the Linux app folder (and, with a recording stand-in for fpm, the deb target's inputs) on a
// machine that cannot download Electron: electron-builder runs on the real configuration, the real
// bundles and the real hooks, but with a stand-in Electron (`electronDist`: a `version` file, an
// executable carrying Electron's fuse wire, empty resources/ and locales/). Used by the package test
// (scripts/packaging/package-build.test.ts) and the package-size bench; a real build is `npm run dist`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installedElectron } from './native-module.mjs';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse wire as shipped (version 1, eight fuses in @electron/fuses' order). */
const SHIPPED_WIRE = [1, 8, ...'10110001'.split('').map((c) => (c === '1' ? 0x31 : 0x30))];

/** A stand-in Electron distribution: enough for electron-builder to copy, flip fuses in, and package. */
export function standInElectron(dir, version) {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'version'), version);
  fs.writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron: it cannot be downloaded on this machine" >&2\nexit 1\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from(SHIPPED_WIRE),
      Buffer.from('\n'),
    ]),
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
}

/** A stand-in for fpm that records what electron-builder hands it (arguments, .desktop file, MIME XML). */
function recordingFpm(binDir, recordFile) {
  fs.mkdirSync(binDir, { recursive: true });
  const script = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const files = {};
for (const arg of args) {
  const at = arg.lastIndexOf('=');
  if (at > 0 && !arg.startsWith('-') && /\\.(desktop|xml)$/.test(arg) && fs.existsSync(arg.slice(0, at)))
    files[arg.slice(at + 1)] = fs.readFileSync(arg.slice(0, at), 'utf8');
}
fs.writeFileSync(${JSON.stringify(recordFile)}, JSON.stringify({ args, files }, null, 2));
const out = args[args.indexOf('--package') + 1];
fs.writeFileSync(out, 'deb made by a recording stand-in for fpm');
`;
  fs.writeFileSync(path.join(binDir, 'fpm'), script, { mode: 0o755 });
}

/**
 * Stages a project (package.json, electron-builder.yml, the packaging hooks, the icon, the built
 * bundles and renderer, the OCR engine's folder (`ocrDir`, as dist/ocr), `binding` as
 * dist/native/better_sqlite3.node, and the canvas binding buildElectron put beside `electronDir` as
 * dist/native/skia.node) in a temporary folder and
 * runs electron-builder there for Linux `targets` ('dir', and 'deb' with the recording fpm).
 * Returns where things are, the exit status and the builder's output.
 */
export function buildOffline({ repo = process.cwd(), electronDir, rendererDir, ocrDir, binding, targets = ['dir'] }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-package-'));
  const project = path.join(work, 'project');
  const copy = (from, to = from) => fs.cpSync(path.join(repo, from), path.join(project, to), { recursive: true });
  fs.mkdirSync(project);
  for (const file of ['package.json', 'electron-builder.yml', 'scripts/packaging', 'resources/build']) copy(file);
  fs.cpSync(electronDir, path.join(project, 'dist', 'electron'), { recursive: true });
  fs.cpSync(rendererDir, path.join(project, 'dist', 'renderer'), { recursive: true });
  fs.cpSync(ocrDir, path.join(project, 'dist', 'ocr'), { recursive: true });
  fs.mkdirSync(path.join(project, 'dist', 'native'));
  fs.copyFileSync(binding, path.join(project, 'dist', 'native', 'better_sqlite3.node'));
  const canvas = path.join(electronDir, '..', 'native', 'skia.node');
  if (fs.existsSync(canvas)) fs.copyFileSync(canvas, path.join(project, 'dist', 'native', 'skia.node'));
  // The hooks import @electron/fuses and @electron/asar; electron-builder reads node_modules/electron.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(project, 'node_modules'), 'dir');

  const electron = installedElectron(repo);
  const stand = path.join(work, 'electron-dist');
  standInElectron(stand, electron.version);
  const fpmRecord = path.join(work, 'fpm.json');
  recordingFpm(path.join(work, 'bin'), fpmRecord);
  const output = path.join(work, 'release');
  const result = spawnSync(
    process.execPath,
    [
      path.join(repo, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      ...targets,
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${stand}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        USE_SYSTEM_FPM: 'true',
        // No code signing and no network lookups for it.
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_BUILDER_OFFLINE: 'true',
      },
      timeout: 300_000,
    },
  );
  return {
    work,
    project,
    appOutDir: path.join(output, 'linux-unpacked'),
    output,
    status: result.status,
    log: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    fpm: () => JSON.parse(fs.readFileSync(fpmRecord, 'utf8')),
    cleanup: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}
