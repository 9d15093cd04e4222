/** Builds dist/electron (or `outdir`, for the tests that load the built bundle). */
export function buildElectron(outdir?: string): Promise<void>;
/** Builds dist/ocr (or `outdir`): the OCR worker bundle, its WebAssembly and its models. */
export function buildOcr(outdir?: string): Promise<void>;
