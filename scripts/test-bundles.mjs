// Tests start the hub, the browser host, the CLI and their own helper processes from JavaScript bundled once per
// test run, not from TypeScript that tsx compiles again at every start (seconds of CPU per start on a busy machine,
// and a run starts them dozens of times). vitest's and Playwright's global set-up call buildTestBundles(), which
// puts the bundles' paths in SWDESK_TEST_BUNDLES for the test processes; spawning code asks entryArgs(name) for
// node's arguments: the bundle, or tsx on the TypeScript entry where no set-up made one (a helper run by hand).
//
// A bundle is named by the hash of its content and reused while the files it was made from are unchanged (their
// contents hashed, not their times), so a run never executes code older than the checkout and never overwrites a
// bundle another run is executing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';

const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** Two levels below the checkout, as main/serve/cli.ts is (it finds dist/renderer and node_modules from there). */
const outDir = 'dist/test-bundles';
const cacheDir = 'node_modules/.cache/swdesk/test-bundles';
const envName = 'SWDESK_TEST_BUNDLES';

// Dependencies stay in node_modules (found from dist/), as for npm run hub / serve / cli.
const esm = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external' };
// The crash test starts its worker some two hundred times: one CommonJS file with its dependencies in it starts on
// less CPU than an ES module loading theirs from node_modules (about 0.8 s against 1.0 s each at load 16 here).
// CommonJS has no import.meta: the worker finds the built-in code tables from the working folder.
// exceljs (and what it brings: jszip, archiver, fast-csv …) is left out: the code imports it only when a spreadsheet
// is read or written, which the worker never does, and it was 2.4 MB of the 5.3 MB every start read and compiled.
// Were it ever imported, it would load from node_modules as the ES bundles' dependencies do. So are the invoice
// reader's pdfjs, its native canvas and the OCR engine, which the app loads only when a document is read.
const oneFile = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', 'exceljs', 'pdfjs-dist', '@napi-rs/canvas', 'tesseract.js'],
  define: { 'import.meta.url': 'undefined' },
};

export const testEntries = {
  hub: { entry: 'hub/cli.ts', options: esm },
  serve: { entry: 'main/serve/cli.ts', options: esm },
  cli: { entry: 'main/cli/cli.ts', options: esm },
  'crash-worker': { entry: 'test-support/main/crash-worker.ts', options: oneFile },
  'processor-process': { entry: 'test-support/hub/processor-process.ts', options: esm },
};

function sha256(parts) {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The hash of everything a bundle is made from: the builder, its options and each input file's content. */
function inputsKey(root, { entry, options }, inputs) {
  const parts = [esbuildVersion, JSON.stringify(options), entry];
  for (const input of [...inputs].sort()) parts.push(input, fs.readFileSync(path.resolve(root, input)));
  return sha256(parts);
}

/** Writes beside, then renames over, so a process never reads half a file. */
function writeWhole(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/** Older bundles of `name`, once no run can still be executing them (an hour is many runs' length). */
function removeOld(root, name, current) {
  const dir = path.join(root, outDir);
  for (const other of fs.readdirSync(dir)) {
    const file = path.join(dir, other);
    if (file === current || !other.startsWith(`${name}-`)) continue;
    if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { force: true });
  }
}

function cached(root, name, target) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, cacheDir, `${name}.json`), 'utf8'));
    // A bundle of another checkout (node_modules copied from it, cache and all) finds that checkout's files from its
    // own path — its dist/renderer, for the browser host: only a bundle under this root is this root's.
    if (path.dirname(manifest.file) !== path.resolve(root, outDir) || !fs.existsSync(manifest.file)) return null;
    return inputsKey(root, target, manifest.inputs) === manifest.key ? manifest.file : null;
  } catch {
    return null; // no manifest yet, or an input has gone: build
  }
}

/**
 * The bundle of `target` (an entry and esbuild's options) under `root`: the one made before while the files it was
 * made from hold the same content, else a new one. `built` says which.
 */
export async function bundle(name, target, root = repoRoot) {
  const reused = cached(root, name, target);
  if (reused) return { file: reused, built: false };
  const extension = target.options.format === 'cjs' ? 'cjs' : 'mjs';
  const result = await build({
    ...target.options,
    absWorkingDir: root,
    entryPoints: [target.entry],
    outfile: path.join(root, outDir, `${name}.${extension}`),
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild wrote nothing for ${target.entry}`);
  const file = path.join(root, outDir, `${name}-${sha256([code]).slice(0, 16)}.${extension}`);
  if (!fs.existsSync(file)) writeWhole(file, code);
  removeOld(root, name, file);
  const inputs = Object.keys(result.metafile.inputs);
  writeWhole(
    path.join(root, cacheDir, `${name}.json`),
    JSON.stringify({ file, inputs, key: inputsKey(root, target, inputs) }),
  );
  return { file, built: true };
}

/** Builds (or finds) every test bundle and names them in SWDESK_TEST_BUNDLES for the processes started after. */
export async function buildTestBundles() {
  const names = Object.keys(testEntries);
  const made = await Promise.all(names.map((name) => bundle(name, testEntries[name])));
  const bundles = Object.fromEntries(names.map((name, i) => [name, made[i]?.file]));
  process.env[envName] = JSON.stringify(bundles);
  return bundles;
}

/** node's arguments that start `name`: its bundle when the test set-up built one, else its TypeScript through tsx. */
export function entryArgs(name) {
  const target = testEntries[name];
  if (!target) throw new Error(`no test entry named ${name}`);
  const bundles = process.env[envName] ? JSON.parse(process.env[envName]) : {};
  const file = bundles[name];
  if (!file || !fs.existsSync(file)) return ['--import', 'tsx', path.join(repoRoot, target.entry)];
  // A CommonJS bundle (started hundreds of times) keeps V8's compiled code beside it: scripts/run-with-code-cache.cjs.
  return file.endsWith('.cjs') ? [path.join(repoRoot, 'scripts/run-with-code-cache.cjs'), file] : [file];
}
