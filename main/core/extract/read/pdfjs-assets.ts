import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where pdfjs's data files are: `pdfjs` beside the bundle (the Electron app; scripts/build-electron.mjs copies
 * them there), else the package in node_modules (tests, the browser host and the CLI run from TypeScript).
 * SWDESK_PDFJS_DIR names another folder.
 */
export function pdfjsAssetsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWDESK_PDFJS_DIR) return env.SWDESK_PDFJS_DIR;
  const here = moduleDir();
  const candidates = [path.join(here, 'pdfjs'), ...nodeModulesUp(here), path.resolve('node_modules/pdfjs-dist')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'cmaps')));
  if (!found) throw new Error(`pdfjs-dist's data files are missing: looked in ${candidates.join(', ')}`);
  return found;
}

function nodeModulesUp(from: string): string[] {
  const dirs: string[] = [];
  for (let dir = from; ; dir = path.dirname(dir)) {
    dirs.push(path.join(dir, 'node_modules', 'pdfjs-dist'));
    if (path.dirname(dir) === dir) return dirs;
  }
}

/** The folder of this module: its source folder, or the bundle's (dist/electron in the desktop app). */
export function moduleDir(): string {
  // import.meta.url under tsx and ES modules; a CommonJS bundle (Electron main) has __dirname.
  const url: string | undefined = import.meta.url;
  return url ? path.dirname(fileURLToPath(url)) : typeof __dirname === 'string' ? __dirname : process.cwd();
}
