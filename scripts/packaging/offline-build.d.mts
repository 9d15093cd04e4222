export function standInElectron(dir: string, version: string): void;
export function buildOffline(options: {
  repo?: string;
  electronDir: string;
  rendererDir: string;
  ocrDir: string;
  binding: string;
  targets?: string[];
}): {
  work: string;
  project: string;
  appOutDir: string;
  output: string;
  status: number | null;
  log: string;
  fpm(): { args: string[]; files: Record<string, string> };
  cleanup(): void;
};
