// The thread a page is made ready for OCR in (preparePage: decoding the PNG, clearing its rules, counting its specks,
// encoding it again), a second or more of CPU for a 240 dpi page, which on the app's own thread would hold up every
// request the desk makes meanwhile. Started by page-preparer.ts: bundled into the installer's resources/ocr
// (scripts/build-electron.mjs buildOcr), and run from this TypeScript through tsx in development and tests.
import { parentPort } from 'node:worker_threads';
import { preparePage } from './clear-rules';
import type { PreparationAnswer, PreparationAsk } from './page-preparer';

const port = parentPort;
if (!port) throw new Error('prepare-page-worker runs as a worker thread');

port.on('message', ({ id, png }: PreparationAsk) => {
  let answer: PreparationAnswer;
  try {
    const page = preparePage(png);
    answer = { id, page };
  } catch (error) {
    // An Error crosses the thread as itself (its name, message and stack): the caller rethrows it as it was.
    answer = { id, error };
  }
  // The prepared picture's memory moves to the asking thread instead of being copied.
  const memory = 'page' in answer ? answer.page.png.buffer : null;
  port.postMessage(answer, memory instanceof ArrayBuffer ? [memory] : []);
});
