// The thread tesseract.js recognises pages in (worker_threads), with what it reads from disk and nothing it could
// fetch. tesseract.js's own node worker would pick one of six WebAssembly builds by CPU feature and fetch the models
// from a CDN when a path looks like a URL; this one loads the one build we ship (SIMD, with the legacy engine that
// orientation detection needs) from `corePath`, reads the models only from the installed folders, and refuses any
// fetch, so a wrong path fails here instead of reaching the internet.
//
// CommonJS because worker_threads starts it as a file: from node_modules in development and tests, and bundled by
// scripts/build-electron.mjs into the app's resources (with the WebAssembly and the models beside it).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const { gunzipSync } = require('node:zlib');
const worker = require('tesseract.js/src/worker-script');

/** The WebAssembly build: SIMD (every x86-64 and ARM64 CPU Electron runs on), with the legacy engine OSD needs. */
const CORE = 'tesseract-core-simd.js';

let core = null;

/**
 * A model as tesseract.js asks for it (`<langPath>/<lang>.traineddata.gz`), found in the layout the
 * @tesseract.js-data packages have and the app's resources copy: `<langPath>/<lang>/<variant>/<lang>.traineddata.gz`.
 * The integer "best" models first (LSTM only, a tenth of the size); osd exists only as the legacy model.
 */
function modelFile(wanted) {
  const dir = path.dirname(wanted);
  const name = path.basename(wanted);
  const lang = name.replace(/\.traineddata(\.gz)?$/, '');
  const found = ['4.0.0_best_int', '4.0.0']
    .map((variant) => path.join(dir, lang, variant, name))
    .find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The OCR model ${lang} is not installed in ${dir}`);
  return found;
}

worker.setAdapter({
  getCore: async (_lstmOnly, corePath, res) => {
    if (core === null) {
      res.progress({ status: 'loading tesseract core', progress: 0 });
      core = require(path.join(corePath, CORE));
      res.progress({ status: 'loading tesseract core', progress: 1 });
    }
    return core;
  },
  gunzip: gunzipSync,
  fetch: async (url) => {
    throw new Error(`The OCR engine downloads nothing (asked for ${url})`);
  },
  readCache: async (file) => fs.promises.readFile(modelFile(file)),
  writeCache: async () => {},
  deleteCache: async () => {},
  checkCache: async () => false,
});

parentPort.on('message', (packet) => {
  worker.dispatchHandlers(packet, (message) => parentPort.postMessage(message));
});
