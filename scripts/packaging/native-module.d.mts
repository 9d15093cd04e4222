export function moduleVersionOf(bytes: Buffer): number | null;
export function installedElectron(projectDir?: string): { version: string; abi: number };
export const ELECTRON_BINDING: string;
