// The Electron main process and preload, bundled by esbuild as CommonJS (Electron loads a sandboxed
// preload only as CJS). Everything main needs is in the bundle — better-sqlite3's JavaScript too —
// so the installers ship no node_modules at all: only `electron` stays outside (Electron provides
// it), and SQLite's native part, which the shell loads from dist/native (see electron-builder.yml).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Builds dist/electron (or `outdir`, for the tests that load the built bundle). */
export async function buildElectron(outdir = 'dist/electron') {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // @napi-rs/canvas's native part is a file of its own (copyCanvasBinding), not bundled: its loader's
    // requires of the platform packages stay unresolved, and it loads the file NAPI_RS_NATIVE_LIBRARY_PATH names.
    external: ['electron', '*.node', '@napi-rs/canvas-*'],
    // CommonJS has no import.meta: modules that find files beside themselves fall back to __dirname.
    define: { 'import.meta.url': 'undefined' },
  };
  await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${outdir}/main.cjs` });
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${outdir}/preload.cjs` });
  copyCodeTables(`${outdir}/code-tables`);
  copyPdfjsData(`${outdir}/pdfjs`);
  copyCanvasBinding(path.join(outdir, '..', 'native', 'skia.node'));
}

/**
 * pdfjs's data files beside the main bundle (main/core/extract/read/pdfjs-assets.ts finds them there): the
 * CMaps of Chinese, Japanese and Korean fonts that are not embedded, the 14 standard fonts, and the WebAssembly
 * decoders of JBIG2 and JPEG 2000 images, which scanned PDFs use. 3.4 MB, read only when a PDF needs them.
 */
function copyPdfjsData(out) {
  fs.rmSync(out, { recursive: true, force: true });
  for (const dir of ['cmaps', 'standard_fonts', 'wasm'])
    fs.cpSync(path.join('node_modules/pdfjs-dist', dir), path.join(out, dir), { recursive: true });
}

/**
 * @napi-rs/canvas's native part for the platform building (each installer is built on its own platform), at
 * dist/native/skia.node, which electron-builder.yml ships unpacked beside app.asar; main/core/extract/read/
 * canvas.ts points the package's loader at it. It is an N-API module, so the Node build serves Electron as is.
 */
function copyCanvasBinding(to) {
  const dir = path.dirname(createRequire(import.meta.url).resolve('@napi-rs/canvas/package.json'));
  const candidates = fs
    .readdirSync(path.join(dir, '..'))
    .filter((name) => name.startsWith(`canvas-${process.platform}-${process.arch}`))
    .flatMap((name) => {
      const pkg = path.join(dir, '..', name);
      return fs
        .readdirSync(pkg)
        .filter((f) => f.endsWith('.node'))
        .map((f) => path.join(pkg, f));
    });
  const [binding] = candidates;
  if (!binding) throw new Error(`@napi-rs/canvas has no native part for ${process.platform}-${process.arch} (npm ci)`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(binding, to);
}

/**
 * The OCR engine's files (main/core/extract/ocr/ocr-assets.ts finds them in the installer's resources/ocr, where
 * electron-builder.yml's extraResources puts this folder): the worker thread bundled with tesseract.js's worker
 * code and the one that prepares a page before it is read, the one WebAssembly build it loads (SIMD, with the
 * legacy engine orientation detection needs), and the models it reads. Outside app.asar: a worker thread and the
 * WebAssembly are read from plain files.
 */
export async function buildOcr(outdir = 'dist/ocr') {
  fs.rmSync(outdir, { recursive: true, force: true });
  // tesseract.js's thread, and the thread a page is prepared in before it is read (page-preparer.ts).
  for (const [entry, out] of [
    ['tesseract-worker.cjs', 'tesseract-worker.cjs'],
    ['prepare-page-worker.ts', 'prepare-page-worker.cjs'],
  ])
    await build({
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      logLevel: 'warning',
      entryPoints: [`main/core/extract/ocr/${entry}`],
      outfile: `${outdir}/${out}`,
    });
  // The folder says its scripts are CommonJS: a build's dist/ocr stands inside this repository's package of type
  // module, where Node would load tesseract-core-simd.js as an ES module without its export and the engine's thread
  // would fail ("Core is not a function") for anything run from a build outside tsx.
  fs.writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');
  fs.mkdirSync(`${outdir}/core`, { recursive: true });
  for (const file of ['tesseract-core-simd.js', 'tesseract-core-simd.wasm'])
    fs.copyFileSync(path.join('node_modules/tesseract.js-core', file), path.join(outdir, 'core', file));
  // The worker takes the integer "best" model where a language has one (LSTM only: chi_sim is 1.7 MB against
  // 20 MB with the legacy engine's data), so only that one ships; osd exists only for the legacy engine.
  for (const lang of ['chi_sim', 'eng', 'osd']) {
    const variant = ['4.0.0_best_int', '4.0.0'].find((v) =>
      fs.existsSync(`node_modules/@tesseract.js-data/${lang}/${v}`),
    );
    if (!variant) throw new Error(`The OCR model ${lang} is not installed (npm ci)`);
    const file = `${lang}.traineddata.gz`;
    fs.mkdirSync(path.join(outdir, 'lang', lang, variant), { recursive: true });
    fs.copyFileSync(
      path.join('node_modules/@tesseract.js-data', lang, variant, file),
      path.join(outdir, 'lang', lang, variant, file),
    );
  }
}

/**
 * The built-in code tables go beside the main bundle, gzipped (main/core/code-tables/builtin-files.ts
 * reads them): 0.6 MB in app.asar instead of 4.9 MB, read only when a table is first used. The large
 * ones are committed gzipped already.
 */
function copyCodeTables(out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync('resources/code-tables')) {
    const from = path.join('resources/code-tables', name);
    if (name.endsWith('.json.gz')) fs.copyFileSync(from, path.join(out, name));
    else if (name.endsWith('.json'))
      fs.writeFileSync(path.join(out, `${name}.gz`), gzipSync(fs.readFileSync(from), { level: 9 }));
  }
}
