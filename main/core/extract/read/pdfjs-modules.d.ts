// pdfjs-dist ships no types for its worker module and its stand-alone image decoders; these are the parts the
// reader uses.

/** Imported for its effect: it sets `globalThis.pdfjsWorker`, the worker pdfjs then runs in this process. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export class JpegImage {
    width: number;
    height: number;
    numComponents: number;
    parse(data: Uint8Array): void;
    getData(options: { width: number; height: number; forceRGBA?: boolean }): Uint8ClampedArray;
  }
}
