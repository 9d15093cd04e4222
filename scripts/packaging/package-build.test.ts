import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, buildOcr } from '../build-electron.mjs';
import { installedElectron } from './native-module.mjs';
import { buildOffline } from './offline-build.mjs';
import { BUDGET, checkFuses, checkPackedResources, OCR_FILES, REQUIRED_FUSES } from './package-checks.mjs';

// The Linux app folder and the deb target's inputs, built offline by electron-builder from the real
// configuration, bundles and hooks, with a stand-in Electron and a recording stand-in for fpm (test
// doubles: Electron cannot be downloaded here, and fpm is fetched from GitHub). SQLite's Electron build
// cannot be made here either: the Node build relabelled with Electron's ABI stands for it, and the
// unrelabelled Node build is what a forgotten `npm run electron:binding` would ship.

const electron = installedElectron();
const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const temps: string[] = [];
let built: ReturnType<typeof buildOffline>;
let refused: ReturnType<typeof buildOffline>;

function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-package-test-'));
  temps.push(dir);
  return dir;
}

/** The renderer as `npm test` builds it before the tests (built here when a single test run has none). */
function renderer(): string {
  if (fs.existsSync('dist/renderer/index.html')) return path.resolve('dist/renderer');
  const out = path.join(temp(), 'renderer');
  const vite = spawnSync(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--outDir',
    out,
    '--logLevel',
    'warn',
  ]);
  if (vite.status !== 0) throw new Error(`the renderer build failed: ${String(vite.stderr)}`);
  return out;
}

beforeAll(async () => {
  const electronDir = path.join(temp(), 'electron');
  await buildElectron(electronDir);
  const ocrDir = path.join(temp(), 'ocr');
  await buildOcr(ocrDir);
  const rendererDir = renderer();
  const relabelled = path.join(temp(), 'better_sqlite3.node');
  fs.writeFileSync(
    relabelled,
    Buffer.from(
      fs
        .readFileSync(nodeBuild)
        .toString('latin1')
        .replaceAll(`node_register_module_v${process.versions.modules}`, `node_register_module_v${electron.abi}`),
      'latin1',
    ),
  );
  built = buildOffline({ electronDir, rendererDir, ocrDir, binding: relabelled, targets: ['dir', 'deb'] });
  refused = buildOffline({ electronDir, rendererDir, ocrDir, binding: nodeBuild, targets: ['dir', 'deb'] });
}, 600_000);
afterAll(() => {
  built?.cleanup();
  refused?.cleanup();
  temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('the Linux package, built offline (stand-in Electron and fpm: neither can be downloaded here)', () => {
  it('builds, and ships the bundles and two native files (SQLite, the canvas) — no node_modules — within budget', () => {
    expect(built.status, built.log).toBe(0);
    const { findings, sizes } = checkPackedResources(path.join(built.appOutDir, 'resources'), {
      electronAbi: electron.abi,
    });
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(sizes.asarBytes).toBeLessThanOrEqual(BUDGET.asarBytes);
    expect(sizes.unpackedBytes).toBeLessThanOrEqual(BUDGET.unpackedBytes);
    expect(sizes.ocrBytes).toBeLessThanOrEqual(BUDGET.ocrBytes);
    const unpacked = path.join(built.appOutDir, 'resources', 'app.asar.unpacked');
    expect(fs.readdirSync(unpacked, { recursive: true }).map(String).sort()).toEqual([
      'dist',
      path.join('dist', 'native'),
      path.join('dist', 'native', 'better_sqlite3.node'),
      path.join('dist', 'native', 'skia.node'),
    ]);
  });

  it('ships the OCR engine, its WebAssembly and its models as plain files in resources/ocr, and nothing else there', () => {
    const ocr = path.join(built.appOutDir, 'resources', 'ocr');
    const files = fs
      .readdirSync(ocr, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(ocr, f)).isFile());
    expect(files.sort()).toEqual(OCR_FILES.map((f) => path.join(...f.split('/'))).sort());
  });

  it("loads the OCR engine's core as CommonJS even where the folder stands inside a package of type module", () => {
    // As dist/ocr does inside this repository: without its own package.json the core loads with no export.
    const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-ocr-in-module-'));
    try {
      fs.writeFileSync(path.join(outer, 'package.json'), '{ "type": "module" }');
      fs.cpSync(path.join(built.appOutDir, 'resources', 'ocr'), path.join(outer, 'ocr'), { recursive: true });
      const core = pathToFileURL(path.join(outer, 'ocr', 'core', 'tesseract-core-simd.js')).href;
      const probe = `const m = await import(${JSON.stringify(core)}); console.log(typeof m.default);`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
      expect(run.stdout.trim()).toBe('function');
    } finally {
      fs.rmSync(outer, { recursive: true, force: true });
    }
  });

  it('stops before any installer when the SQLite binding is the Node build, naming both ABIs', () => {
    expect(refused.status).not.toBe(0);
    expect(refused.log).toContain(
      `better_sqlite3.node is built for ABI ${process.versions.modules}, not Electron's ${electron.abi}`,
    );
    expect(fs.existsSync(path.join(refused.output, 'swdesk_0.1.0_amd64.deb'))).toBe(false);
  });

  it('flips every fuse as required: no run-as-Node, NODE_OPTIONS or inspect, encrypted cookies, asar only and checked', async () => {
    const findings = await checkFuses(path.join(built.appOutDir, 'swdesk'));
    expect(findings.map((f) => [f.check, f.ok])).toEqual(
      Object.keys(REQUIRED_FUSES).map((name) => [`fuse ${name}`, true]),
    );
  });

  it('gives the deb electron-builder’s default dependencies with libsecret, a homepage and a maintainer', () => {
    const { args } = built.fpm();
    const depends = args.flatMap((a, i) => (a === '-d' ? [args[i + 1]] : []));
    expect(depends).toEqual([
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ]);
    const option = (name: string) => args[args.indexOf(name) + 1];
    expect(option('--url')).toMatch(/^https:\/\//);
    expect(option('--maintainer')).toMatch(/^.+ <.+@.+>$/);
    expect(args).toContain(`${built.appOutDir}/=/opt/SW Desk`);
  });

  it('associates .swdx archives with the app — and no other file type', () => {
    const { files } = built.fpm();
    const desktop = files['/usr/share/applications/swdesk.desktop'] ?? '';
    expect(desktop).toContain('MimeType=application/x-swdesk-archive;\n');
    expect(desktop).toContain('StartupWMClass=swdesk\n');
    const mime = files['/usr/share/mime/packages/swdesk.xml'] ?? '';
    expect([...mime.matchAll(/<glob pattern="([^"]+)"/g)].map((m) => m[1])).toEqual(['*.swdx']);
    expect(mime).not.toMatch(/xml"|\*\.xml/);
  });
});
