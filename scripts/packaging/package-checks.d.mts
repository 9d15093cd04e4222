export interface Finding {
  check: string;
  ok: boolean;
  detail: string;
}
export const BUDGET: { asarBytes: number; unpackedBytes: number; ocrBytes: number };
export const OCR_FILES: string[];
export const REQUIRED_FUSES: Record<string, boolean>;
export function resourcesOf(appOutDir: string, platform: string, productFilename?: string): string;
export function fuseFileOf(
  appOutDir: string,
  platform: string,
  executableName: string,
  productFilename?: string,
): string;
export function checkPackedResources(
  resources: string,
  options: { electronAbi: number },
): { findings: Finding[]; sizes: { asarBytes: number; unpackedBytes: number; ocrBytes: number } };
export function checkFuses(fuseFile: string): Promise<Finding[]>;
export function failIfAny(findings: Finding[], where: string): void;
