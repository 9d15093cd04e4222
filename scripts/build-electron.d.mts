/** Builds dist/electron (or `outdir`, for the tests that load the built bundle). */
export function buildElectron(outdir?: string): Promise<void>;
