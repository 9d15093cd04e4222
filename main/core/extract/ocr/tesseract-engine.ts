import { createWorker, OEM, PSM, type Line, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrOptions, OcrResult, PageImage } from '../ocr-engine';
import type { RuleLine } from './clear-rules';
import { missingModels, ocrAssets, type OcrAssets } from './ocr-assets';
import { pagePreparer, preparationThread } from './page-preparer';
import { turnedPng, type QuarterTurn } from './picture-turn';
import { runsFromLines, type OcrLine } from './runs-from-words';

/** How much of a page's progress each step is: finding the orientation is quick, reading the text is not. */
const orientationShare = 0.1;

/** Below this confidence Tesseract's orientation guess is no better than reading the page as it is. */
const orientationConfidence = 2;

interface Workers {
  /** The legacy engine with the osd model: which way up the page is. */
  orientation: Worker;
  /** The LSTM engine with Chinese and English: the text. */
  text: Worker;
}

type Progress = ((fraction: number) => void) | undefined;

/** What Tesseract read of a page, before its words become runs. */
export interface PageReading {
  lines: OcrLine[];
  /** The quarter turn the page was read at, and the skew Tesseract straightened it by (radians). */
  turn: QuarterTurn;
  skew: number;
  /** The table rules cleared before it was read, in pixels of the picture as given. */
  rules: RuleLine[];
}

/**
 * Keeps what Tesseract read of a picture read with the same settings before (the bench's cache: how words become runs
 * can then be measured over the whole corpus in seconds instead of reading every page again).
 */
export interface ReadingCache {
  reading(png: Uint8Array, settings: string, read: () => Promise<PageReading>): Promise<PageReading>;
}

/** The models the text is read with, the first the one Tesseract tries first. */
const languages = ['eng', 'chi_sim'];
/** Tesseract's parameters for the text: one block of lines (why: where they are set). */
const textParameters = { tessedit_pageseg_mode: PSM.SINGLE_BLOCK };
/**
 * Everything that changes what is read of a picture, as a cache's key. `words` names what a reading holds too: a
 * reading kept before each word's characters and the cleared rules were is under another key, so none lacks them.
 */
export const readingSettings = JSON.stringify({
  languages,
  textParameters,
  orientationConfidence,
  rules: 'cleared to the paper grey',
  heavyNoiseRemoval: 'speckled pages',
  words: 'with their symbols and the rules cleared',
});

/**
 * Only what runs are made of: Tesseract's lines also carry each symbol's alternatives and fonts. Each symbol's box is
 * kept: a mark Tesseract reads where the page has none (a quote mark before a word in a table's header) widens the
 * word's box over the gap before it, and without the mark's own box the gap cannot be given back.
 */
const wordsOf = (lines: readonly Line[]): OcrLine[] =>
  lines.map((l) => ({
    bbox: l.bbox,
    words: l.words.map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: w.bbox,
      symbols: w.symbols.map((s) => ({ text: s.text, bbox: s.bbox })),
    })),
  }));

function abortError(): DOMException {
  return new DOMException('The OCR of the page was cancelled', 'AbortError');
}

/**
 * tesseract.js as the OCR engine: Chinese and English read on two worker threads (one finds the page's orientation,
 * one reads its text), and the page made ready for them on a third (page-preparer.ts), so the process that asks stays
 * responsive. The threads start on the first page and are reused for every page after it until close(); a cancelled
 * page ends them (the only way to stop Tesseract mid-page), and the next page starts them again.
 */
export function tesseractEngine(assets: OcrAssets = ocrAssets(), cache?: ReadingCache): OcrEngine {
  let workers: Promise<Workers> | null = null;
  /** Where the current page's progress goes: tesseract.js takes one logger per thread, for its life. */
  let report: Progress;
  /** Pages are read one at a time: both threads belong to the page being read. */
  let queue: Promise<unknown> = Promise.resolve();
  /** Rules are cleared on a thread of its own, so that the process that asks goes on answering meanwhile. */
  const preparer = pagePreparer(() => preparationThread(assets.preparePath));

  const start = async (): Promise<Workers> => {
    const missing = missingModels(assets);
    if (missing.length > 0)
      throw new Error(`The OCR models ${missing.join(', ')} are not installed in ${assets.langDir}`);
    const options = {
      workerPath: assets.workerPath,
      corePath: assets.coreDir,
      langPath: assets.langDir,
      cacheMethod: 'none',
      gzip: true,
      legacyCore: true,
      // A job its thread refuses (its core or a model failing to load) already rejects the call that asked for it;
      // without a handler tesseract.js throws the same error again from its message listener, where nothing can catch
      // it, and the app's process would end instead of the page being refused.
      errorHandler: () => undefined,
    };
    const [orientation, text] = await Promise.all([
      createWorker('osd', OEM.TESSERACT_ONLY, { ...options, legacyLang: true }),
      createWorker(languages, OEM.LSTM_ONLY, {
        ...options,
        logger: (m) => {
          if (m.status === 'recognizing text') report?.(orientationShare + (1 - orientationShare) * m.progress);
        },
      }),
    ]);
    // The page as one block of lines (its table rules are cleared before it is read, so a table is lines of words
    // like the rest; each word keeps its box and the runs are made from the boxes). Automatic page segmentation split
    // the same pages into blocks that lost the first character of a line (上海 → 海) and read a speckled page's
    // Chinese seller as Latin letters; with the rules left in it took a ruled table for a picture. Heavy noise
    // removal is set per page, on speckled pages only: there the specks of a scan stuck to the words beside them
    // (a speckled invoice page had 7 of its 13 fields read right without it, 13 with it), but on clean pages it
    // removed full stops and colons ("CO., LTD." read "CO., LTD"; 12 clean scans 84.3 % of fields right with it,
    // 86.7 % without).
    // Tesseract's own notes (the resolution it estimated, diacritics found) go nowhere instead of the app's stderr.
    const quiet = { debug_file: '/dev/null' };
    await text.setParameters({ ...quiet, ...textParameters });
    await orientation.setParameters(quiet);
    return { orientation, text };
  };

  const stop = async () => {
    const running = workers;
    workers = null;
    const started = await running?.catch(() => null);
    await Promise.all([started?.orientation.terminate(), started?.text.terminate(), preparer.close()]);
  };

  const readFresh = async (image: PageImage, signal?: AbortSignal): Promise<PageReading> => {
    // A cancelled page's threads are ended under it: it must not call them again (tesseract.js then throws a TypeError
    // from inside its own promise, which a clean-clone CI run caught as an unhandled rejection).
    const goOn = () => {
      if (signal?.aborted) throw abortError();
    };
    workers ??= start().catch((error: unknown) => {
      // A failed start (a model missing from the installation) is tried again on the next page, not kept.
      workers = null;
      throw error instanceof Error ? error : new Error(`The OCR engine could not start: ${String(error)}`);
    });
    const { orientation, text } = await workers;
    goOn();
    const detected = await orientation.detect(Buffer.from(image.png));
    goOn();
    const degrees = detected.data.orientation_degrees;
    const sure = (detected.data.orientation_confidence ?? 0) >= orientationConfidence;
    const turn: QuarterTurn = sure && (degrees === 90 || degrees === 180 || degrees === 270) ? degrees : 0;
    report?.(orientationShare);
    const page = await preparer.prepare(image.png, signal);
    goOn();
    await text.setParameters({ textord_heavy_nr: page.speckled ? '1' : '0' });
    goOn();
    const result = await text.recognize(
      Buffer.from(turnedPng(page.png, turn)),
      { rotateAuto: true },
      { blocks: true, text: false },
    );
    const lines = (result.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    return { lines: wordsOf(lines), turn, skew: result.data.rotateRadians ?? 0, rules: page.rules };
  };

  const read = async (
    image: PageImage,
    page: number,
    onProgress: Progress,
    signal?: AbortSignal,
  ): Promise<OcrResult> => {
    report = onProgress;
    report?.(0);
    const fresh = () => readFresh(image, signal);
    const { lines, turn, skew, rules } = await (cache ? cache.reading(image.png, readingSettings, fresh) : fresh());
    const frame = { width: image.width, height: image.height, turn, skew, rules };
    const runs = runsFromLines(lines, frame, page);
    report?.(1);
    report = undefined;
    return { runs, rotation: turn + (skew * 180) / Math.PI };
  };

  const recognize = (image: PageImage, page: number, options: OcrOptions = {}): Promise<OcrResult> => {
    const { signal, onProgress } = options;
    const turn = queue.then(async () => {
      if (signal?.aborted) throw abortError();
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          reject(abortError());
          void stop();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const reading = read(image, page, onProgress, signal);
        // Once cancelled, the page's reading ends on its own (AbortError) after the race settled: nobody waits on it.
        reading.catch(() => undefined);
        return await Promise.race([reading, aborted]);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  return { recognize, close: () => queue.then(stop) };
}
