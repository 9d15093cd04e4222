// What Tesseract read of each scanned page, kept in the system's temp folder keyed by the picture's bytes and the
// engine's settings: with SWDESK_BENCH_OCR_CACHE=1 the bench reads a page once and then measures how its words become
// runs (main/core/extract/ocr/runs-from-words.ts) over the whole corpus in seconds. A change of the engine's settings
// changes the key; a change of tesseract.js or its models does not, so the folder is named after their versions.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { PageReading, ReadingCache } from '../../main/core/extract/ocr/tesseract-engine';

const require = createRequire(import.meta.url);

function version(pkg: string): string {
  const json = JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string };
  return json.version;
}

/** The folder the readings are kept in: one per version of the engine and of the Chinese and English models. */
export function ocrCacheDir(): string {
  const engine = ['tesseract.js', '@tesseract.js-data/chi_sim', '@tesseract.js-data/eng'].map(version).join('-');
  return path.join(os.tmpdir(), `swdesk-ocr-cache-${engine}`);
}

/** A cache of readings in `dir`: a reading is written whole (to a temporary name, then renamed) or not at all. */
export function ocrCache(dir: string = ocrCacheDir()): ReadingCache & { hits: number; misses: number } {
  fs.mkdirSync(dir, { recursive: true });
  const cache = {
    hits: 0,
    misses: 0,
    async reading(png: Uint8Array, settings: string, read: () => Promise<PageReading>): Promise<PageReading> {
      const key = createHash('sha256').update(settings).update(png).digest('hex');
      const file = path.join(dir, `${key}.json`);
      if (fs.existsSync(file)) {
        cache.hits++;
        return JSON.parse(fs.readFileSync(file, 'utf8')) as PageReading;
      }
      cache.misses++;
      const got = await read();
      const partial = `${file}.${process.pid}.part`;
      fs.writeFileSync(partial, JSON.stringify(got));
      fs.renameSync(partial, file);
      return got;
    },
  };
  return cache;
}
