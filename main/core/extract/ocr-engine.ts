import type { TextRun } from '../../../shared/extract/document';

/** A page as a picture: a PNG and its size in pixels. */
export interface PageImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface OcrOptions {
  /** Aborts the recognition; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called with the fraction done (0–1) of this page, for a progress bar on long work. */
  onProgress?: (fraction: number) => void;
}

export interface OcrResult {
  /** Boxes in fractions of the picture as given (`page` is the page index passed in). */
  runs: TextRun[];
  /** Degrees the picture was turned to read it upright (0, 90, 180, 270, or a small skew). */
  rotation: number;
}

/**
 * Reads the text of a scanned page or an image, with where each run of text is. The engine runs on the
 * broker's machine with models that ship inside the installer: nothing is downloaded and nothing leaves it.
 */
export interface OcrEngine {
  recognize(image: PageImage, page: number, options?: OcrOptions): Promise<OcrResult>;
  /** Frees the engine's workers and models. */
  close(): Promise<void>;
}
