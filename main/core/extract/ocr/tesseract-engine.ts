import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrOptions, OcrResult, PageImage } from '../ocr-engine';
import { missingModels, ocrAssets, type OcrAssets } from './ocr-assets';
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

function abortError(): DOMException {
  return new DOMException('The OCR of the page was cancelled', 'AbortError');
}

/**
 * tesseract.js as the OCR engine: Chinese and English read on two worker threads (one finds the page's orientation,
 * one reads its text), so the process that asks stays responsive. The threads start on the first page and are
 * reused for every page after it until close(); a cancelled page ends them (the only way to stop Tesseract
 * mid-page), and the next page starts them again.
 */
export function tesseractEngine(assets: OcrAssets = ocrAssets()): OcrEngine {
  let workers: Promise<Workers> | null = null;
  /** Where the current page's progress goes: tesseract.js takes one logger per thread, for its life. */
  let report: Progress;
  /** Pages are read one at a time: both threads belong to the page being read. */
  let queue: Promise<unknown> = Promise.resolve();

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
    };
    const [orientation, text] = await Promise.all([
      createWorker('osd', OEM.TESSERACT_ONLY, { ...options, legacyLang: true }),
      createWorker(['eng', 'chi_sim'], OEM.LSTM_ONLY, {
        ...options,
        logger: (m) => {
          if (m.status === 'recognizing text') report?.(orientationShare + (1 - orientationShare) * m.progress);
        },
      }),
    ]);
    // Automatic page segmentation: tesseract.js's default reads the page as one block of text, which turns a
    // table's rows into nonsense. Heavy noise removal: the specks of a scan stuck to the words beside them (a
    // speckled invoice page had 7 of its 13 fields read right without it, 13 with it, and a clean one lost none).
    // Tesseract's own notes (the resolution it estimated, diacritics found) go nowhere instead of the app's stderr.
    const quiet = { debug_file: '/dev/null' };
    await text.setParameters({ ...quiet, tessedit_pageseg_mode: PSM.AUTO, textord_heavy_nr: '1' });
    await orientation.setParameters(quiet);
    return { orientation, text };
  };

  const stop = async () => {
    const running = workers;
    workers = null;
    if (!running) return;
    const started = await running.catch(() => null);
    await Promise.all([started?.orientation.terminate(), started?.text.terminate()]);
  };

  const read = async (image: PageImage, page: number, onProgress: Progress): Promise<OcrResult> => {
    workers ??= start().catch((error: unknown) => {
      // A failed start (a model missing from the installation) is tried again on the next page, not kept.
      workers = null;
      throw error instanceof Error ? error : new Error(`The OCR engine could not start: ${String(error)}`);
    });
    const { orientation, text } = await workers;
    report = onProgress;
    report?.(0);
    const detected = await orientation.detect(Buffer.from(image.png));
    const degrees = detected.data.orientation_degrees;
    const sure = (detected.data.orientation_confidence ?? 0) >= orientationConfidence;
    const turn: QuarterTurn = sure && (degrees === 90 || degrees === 180 || degrees === 270) ? degrees : 0;
    report?.(orientationShare);
    const result = await text.recognize(
      Buffer.from(turnedPng(image.png, turn)),
      { rotateAuto: true },
      { blocks: true, text: false },
    );
    const lines: OcrLine[] = (result.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
    const skew = result.data.rotateRadians ?? 0;
    const runs = runsFromLines(lines, { width: image.width, height: image.height, turn, skew }, page);
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
        return await Promise.race([read(image, page, onProgress), aborted]);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  return { recognize, close: () => queue.then(stop) };
}
