import fs from 'node:fs';
import path from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadSkia, skia } from './canvas';
import { pdfjsAssetsDir } from './pdfjs-assets';

/**
 * pdfjs-dist in Node, set up so that it needs nothing from the network and nothing it would look up beside
 * its own module file (the Electron main process is one CommonJS bundle, where pdfjs's own `import.meta.url`
 * lookups find nothing):
 * - the worker runs in this process ("fake worker"): importing its module sets `globalThis.pdfjsWorker`, which
 *   pdfjs takes before it would try to import a worker file;
 * - pages are drawn on @napi-rs/canvas canvases made here, and the geometry classes pdfjs expects from a
 *   browser are set from the same package before pdfjs loads;
 * - CMaps (Chinese, Japanese and Korean encodings of fonts that are not embedded), the standard 14 fonts and
 *   the image decoders' WebAssembly are read from files that ship with the app (`pdfjsAssetsDir`).
 */

type PdfJs = typeof PdfJsModule;

let loaded: Promise<PdfJs> | undefined;

export function pdfjs(): Promise<PdfJs> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<PdfJs> {
  const { DOMMatrix, ImageData, Path2D } = await loadSkia();
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= DOMMatrix;
  g.ImageData ??= ImageData;
  g.Path2D ??= Path2D;
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Warnings (a font's odd table, a missing glyph) go nowhere: a reader's failures are thrown, not logged.
  return lib;
}

type Kind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

/** Reads pdfjs's data files from disk (pdfjs's own Node reader finds its files through `import.meta.url`). */
export class FileDataFactory {
  readonly cMapUrl: string | null;
  readonly standardFontDataUrl: string | null;
  readonly wasmUrl: string | null;
  constructor(options: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.cMapUrl = options.cMapUrl ?? null;
    this.standardFontDataUrl = options.standardFontDataUrl ?? null;
    this.wasmUrl = options.wasmUrl ?? null;
  }
  async fetch({ kind, filename }: { kind: Kind; filename: string }): Promise<Uint8Array> {
    const dir = this[kind];
    if (!dir) throw new Error(`pdfjs asked for ${kind} data, which is not configured`);
    return new Uint8Array(await fs.promises.readFile(path.join(dir, filename)));
  }
}

interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

/** The canvases pdfjs draws into (patterns, masks, the page itself), from @napi-rs/canvas. */
export class NapiCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = skia().createCanvas(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }
  reset(pair: CanvasAndContext, width: number, height: number): void {
    if (!pair.canvas) throw new Error('Canvas is not specified');
    pair.canvas.width = width;
    pair.canvas.height = height;
  }
  destroy(pair: CanvasAndContext): void {
    if (pair.canvas) pair.canvas.width = pair.canvas.height = 0;
    pair.canvas = null;
    pair.context = null;
  }
}

/** The parameters every document is opened with. */
export function documentParams(data: Uint8Array) {
  const dir = pdfjsAssetsDir();
  return {
    // pdfjs transfers (detaches) the buffer it is given, and refuses a Node Buffer (whose slice() is no copy): a
    // plain Uint8Array copy keeps the caller's bytes usable, whichever they hand in.
    data: new Uint8Array(data),
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    BinaryDataFactory: FileDataFactory,
    CanvasFactory: NapiCanvasFactory,
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  };
}
