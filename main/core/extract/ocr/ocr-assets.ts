import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files the OCR engine runs from: the thread's script, the WebAssembly build of Tesseract and the models.
 * Nothing is ever downloaded: they ship inside the installer (resources/ocr, which scripts/build-electron.mjs
 * fills from the registry packages) and, in development and tests, are read from node_modules.
 */
export interface OcrAssets {
  /** The worker_threads script (main/core/extract/ocr/tesseract-worker.cjs, bundled in the app). */
  workerPath: string;
  /** The thread a page is prepared in (prepare-page-worker.ts: bundled in the app, TypeScript in the repository). */
  preparePath: string;
  /** The folder holding tesseract-core-simd.js and its .wasm. */
  coreDir: string;
  /** The folder holding the models as `<lang>/<variant>/<lang>.traineddata.gz` (the @tesseract.js-data layout). */
  langDir: string;
}

/** The models the engine loads: simplified Chinese and English for the text, osd for the page's orientation. */
export const ocrLanguages = ['chi_sim', 'eng', 'osd'] as const;

/** Where the app's build puts the engine's files (under resources/ocr in the installer), relative to that folder. */
export const shippedLayout = {
  worker: 'tesseract-worker.cjs',
  prepare: 'prepare-page-worker.cjs',
  core: 'core',
  lang: 'lang',
} as const;

function moduleDir(): string {
  // import.meta.url under tsx and ES modules; a CommonJS bundle (Electron main) has __dirname.
  const url: string | undefined = import.meta.url;
  return url ? path.dirname(fileURLToPath(url)) : typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** The files as the app's build lays them out in `dir` (scripts/build-electron.mjs buildOcr). */
export function shippedOcrAssets(dir: string): OcrAssets {
  return {
    workerPath: path.join(dir, shippedLayout.worker),
    preparePath: path.join(dir, shippedLayout.prepare),
    coreDir: path.join(dir, shippedLayout.core),
    langDir: path.join(dir, shippedLayout.lang),
  };
}

/** The repository's own files: the workers beside this module, the WebAssembly and models in node_modules. */
function fromRepository(root: string): OcrAssets {
  return {
    workerPath: path.join(root, 'main/core/extract/ocr/tesseract-worker.cjs'),
    preparePath: path.join(root, 'main/core/extract/ocr/prepare-page-worker.ts'),
    coreDir: path.join(root, 'node_modules/tesseract.js-core'),
    langDir: path.join(root, 'node_modules/@tesseract.js-data'),
  };
}

/**
 * Finds the engine's files: SWDESK_OCR_DIR, the installer's resources/ocr, `ocr` beside the built bundle
 * (dist/ocr, an unpackaged build), or the repository (tests, the browser host and the CLI run from TypeScript).
 */
export function ocrAssets(env: NodeJS.ProcessEnv = process.env): OcrAssets {
  const here = moduleDir();
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates: OcrAssets[] = [
    ...(env.SWDESK_OCR_DIR ? [shippedOcrAssets(env.SWDESK_OCR_DIR)] : []),
    ...(resources ? [shippedOcrAssets(path.join(resources, 'ocr'))] : []),
    shippedOcrAssets(path.resolve(here, '../ocr')),
    fromRepository(path.resolve(here, '../../../..')),
    fromRepository(process.cwd()),
  ];
  // A build's folder from before the page preparation had a thread of its own lacks its worker: not that one.
  const found = candidates.find((c) => [c.workerPath, c.preparePath, c.coreDir].every((file) => fs.existsSync(file)));
  if (!found)
    throw new Error(`The OCR engine's files are missing: looked for ${candidates.map((c) => c.workerPath).join(', ')}`);
  return found;
}

/**
 * The models missing from `assets.langDir` (as tesseract-worker.cjs looks for them). tesseract.js never settles the
 * start of a thread whose model cannot be read, so the engine asks this first and refuses at once.
 */
export function missingModels(assets: OcrAssets): string[] {
  return ocrLanguages.filter(
    (lang) =>
      !['4.0.0_best_int', '4.0.0'].some((variant) =>
        fs.existsSync(path.join(assets.langDir, lang, variant, `${lang}.traineddata.gz`)),
      ),
  );
}
