// What every packaged app folder must be, checked after electron-builder has made it: by the afterPack
// hook (which fails the build before any installer is made), by `npm run dist` on the finished folders
// (fuses are flipped after afterPack), and by the offline package build in CI.
import fs from 'node:fs';
import path from 'node:path';
import { getCurrentFuseWire } from '@electron/fuses';
import { listPackage } from '@electron/asar';
import { moduleVersionOf } from './native-module.mjs';

const MiB = 1024 * 1024;
/**
 * The package's budget: the archive, everything unpacked beside it (the native modules: SQLite's, 2 MiB, and
 * @napi-rs/canvas's Skia, which pdfjs draws invoice pages with, 31 MiB on Linux x64), and the OCR engine's
 * files in resources/ocr (its WebAssembly and the Chinese, English and orientation models: 12.0 MiB).
 */
export const BUDGET = { asarBytes: 20 * MiB, unpackedBytes: 40 * MiB, ocrBytes: 14 * MiB };

/** What resources/ocr must hold for the OCR engine to start (main/core/extract/ocr/tesseract-worker.cjs loads them). */
export const OCR_FILES = [
  'package.json',
  'tesseract-worker.cjs',
  'prepare-page-worker.cjs',
  'core/tesseract-core-simd.js',
  'core/tesseract-core-simd.wasm',
  'lang/chi_sim/4.0.0_best_int/chi_sim.traineddata.gz',
  'lang/eng/4.0.0_best_int/eng.traineddata.gz',
  'lang/osd/4.0.0_best_int/osd.traineddata.gz',
];

/**
 * The fuses every build must carry (Electron's fuse wire, in @electron/fuses' order): no running as
 * Node, no NODE_OPTIONS, no --inspect, cookies encrypted, the asar's integrity checked, the app loaded
 * only from the asar, no browser-process V8 snapshot, no extra file:// privileges.
 */
export const REQUIRED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};
const FUSE_ORDER = Object.keys(REQUIRED_FUSES);
const ENABLED = 0x31;
const DISABLED = 0x30;

/** The resources folder of an app folder electron-builder made (`<appOutDir>`), by platform. */
export function resourcesOf(appOutDir, platform, productFilename = 'SW Desk') {
  return platform === 'darwin' || platform === 'mas'
    ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
    : path.join(appOutDir, 'resources');
}

/** The file whose fuse wire counts: the executable, or on macOS the Electron framework inside the app. */
export function fuseFileOf(appOutDir, platform, executableName, productFilename = 'SW Desk') {
  if (platform === 'darwin' || platform === 'mas') return path.join(appOutDir, `${productFilename}.app`);
  return path.join(appOutDir, platform === 'win32' ? `${productFilename}.exe` : executableName);
}

function sizeOf(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

const mb = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;

/**
 * Checks a packed app's resources folder: the SQLite binding is there, unpacked, and built for
 * Electron's ABI; the archive holds the bundles and no node_modules; both sides are within budget.
 * Returns the findings (each `{ check, ok, detail }`) and the sizes measured.
 */
export function checkPackedResources(resources, { electronAbi }) {
  const findings = [];
  const add = (check, ok, detail) => findings.push({ check, ok, detail });
  const asar = path.join(resources, 'app.asar');
  const unpacked = path.join(resources, 'app.asar.unpacked');
  const binding = path.join(unpacked, 'dist', 'native', 'better_sqlite3.node');
  const ocr = path.join(resources, 'ocr');
  const sizes = { asarBytes: sizeOf(asar), unpackedBytes: sizeOf(unpacked), ocrBytes: sizeOf(ocr) };

  if (!fs.existsSync(binding)) add('sqlite-binding', false, `${binding} is missing (run npm run electron:binding)`);
  else {
    const found = moduleVersionOf(fs.readFileSync(binding));
    add(
      'sqlite-binding',
      found === electronAbi,
      found === electronAbi
        ? `better_sqlite3.node is built for Electron's ABI ${electronAbi}`
        : `better_sqlite3.node is built for ABI ${found ?? '(unreadable)'}, not Electron's ${electronAbi}: the app would open on a recovery screen. Run npm run electron:binding on a machine with internet, then package again`,
    );
  }
  let entries = [];
  try {
    entries = listPackage(asar, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
  } catch (error) {
    add('asar-contents', false, `app.asar cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (entries.length > 0) {
    const needed = [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
    ];
    const missing = needed.filter((e) => !entries.includes(e));
    const modules = entries.filter((e) => e.startsWith('/node_modules/'));
    const maps = entries.filter((e) => e.endsWith('.map'));
    add(
      'asar-contents',
      missing.length === 0 && modules.length === 0 && maps.length === 0,
      [
        missing.length ? `missing ${missing.join(', ')}` : null,
        modules.length ? `${modules.length} files from node_modules (the bundles need none)` : null,
        maps.length ? `${maps.length} source maps` : null,
      ]
        .filter(Boolean)
        .join('; ') || `the bundles, the renderer and package.json; no node_modules (${entries.length} entries)`,
    );
  }
  add(
    'asar-size',
    sizes.asarBytes > 0 && sizes.asarBytes <= BUDGET.asarBytes,
    `app.asar is ${mb(sizes.asarBytes)} (budget ${mb(BUDGET.asarBytes)})`,
  );
  add(
    'unpacked-size',
    sizes.unpackedBytes <= BUDGET.unpackedBytes,
    `app.asar.unpacked is ${mb(sizes.unpackedBytes)} (budget ${mb(BUDGET.unpackedBytes)})`,
  );
  const ocrMissing = OCR_FILES.filter((file) => !fs.existsSync(path.join(ocr, file)));
  add(
    'ocr-files',
    ocrMissing.length === 0 && sizes.ocrBytes <= BUDGET.ocrBytes,
    ocrMissing.length > 0
      ? `resources/ocr lacks ${ocrMissing.join(', ')}: scanned invoices could not be read (run npm run build)`
      : `resources/ocr (the OCR engine and its models) is ${mb(sizes.ocrBytes)} (budget ${mb(BUDGET.ocrBytes)})`,
  );
  return { findings, sizes };
}

/** Reads the fuse wire of a packed app and compares it with REQUIRED_FUSES. */
export async function checkFuses(fuseFile) {
  const wire = await getCurrentFuseWire(fuseFile);
  const findings = FUSE_ORDER.map((name, index) => {
    const state = wire[index];
    const want = REQUIRED_FUSES[name] ? ENABLED : DISABLED;
    return {
      check: `fuse ${name}`,
      ok: state === want,
      detail: `${name} is ${state === ENABLED ? 'on' : state === DISABLED ? 'off' : `in state ${state}`} (must be ${REQUIRED_FUSES[name] ? 'on' : 'off'})`,
    };
  });
  return findings;
}

/** Turns failed findings into one error listing each (or nothing when all passed). */
export function failIfAny(findings, where) {
  const failed = findings.filter((f) => !f.ok);
  if (failed.length > 0)
    throw new Error(
      `The package in ${where} is not fit to ship:\n${failed.map((f) => `- ${f.check}: ${f.detail}`).join('\n')}`,
    );
}
