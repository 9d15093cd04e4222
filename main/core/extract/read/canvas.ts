import fs from 'node:fs';
import path from 'node:path';
import type * as Skia from '@napi-rs/canvas';
import { moduleDir } from './pdfjs-assets';

/**
 * @napi-rs/canvas, loaded on first use. Its native part cannot be bundled: the desktop app ships it as
 * dist/native/skia.node, unpacked beside app.asar (scripts/build-electron.mjs copies the build machine's
 * platform package's file there), and the package's loader takes a path from NAPI_RS_NATIVE_LIBRARY_PATH,
 * which is set here before the package is first loaded. Run from node_modules (tests, the browser host, the
 * CLI), no such file exists and the package finds its platform package itself.
 */
let loaded: Promise<typeof Skia> | undefined;
let ready: typeof Skia | undefined;

export function loadSkia(): Promise<typeof Skia> {
  loaded ??= (async () => {
    const shipped = shippedBinding();
    if (shipped && !process.env.NAPI_RS_NATIVE_LIBRARY_PATH) process.env.NAPI_RS_NATIVE_LIBRARY_PATH = shipped;
    ready = await import('@napi-rs/canvas');
    return ready;
  })();
  return loaded;
}

/** The loaded package, for pdfjs's synchronous canvas factory (called only after loadSkia has resolved). */
export function skia(): typeof Skia {
  if (!ready) throw new Error('@napi-rs/canvas is used before it was loaded');
  return ready;
}

/** dist/native/skia.node beside the bundle's folder; inside an installed app, on app.asar's unpacked side. */
function shippedBinding(): string | null {
  const file = path.resolve(moduleDir(), '..', 'native', 'skia.node');
  const unpacked = file.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  return [unpacked, file].find((candidate) => fs.existsSync(candidate)) ?? null;
}
