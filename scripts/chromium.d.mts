export declare const INSTALL_CHROMIUM: string;
export declare const chromiumArgs: string[];
export declare function findChromium(
  env?: NodeJS.ProcessEnv,
): { path: string; from: 'CHROMIUM_PATH' | 'system' | 'playwright' } | null;
