import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ocrAssets } from '../../main/core/extract/ocr/ocr-assets';
import { readingSettings, tesseractEngine, type PageReading } from '../../main/core/extract/ocr/tesseract-engine';
import { ocrCache } from './ocr-cache';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-ocr-cache-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const reading: PageReading = {
  turn: 0,
  skew: 0,
  lines: [
    {
      bbox: { x0: 10, y0: 10, x1: 90, y1: 30 },
      words: [{ text: 'INV-7', confidence: 91, bbox: { x0: 10, y0: 10, x1: 90, y1: 30 }, symbols: [] }],
    },
  ],
  rules: [],
};
/** A PNG's signature and header are all the engine looks at before it reads: these bytes stand for a picture. */
const picture = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n]);

describe('the bench’s cache of what the OCR read', () => {
  it('reads a picture once per settings and gives the same reading back from disk after', async () => {
    const cache = ocrCache(dir);
    let reads = 0;
    const read = () => {
      reads++;
      return Promise.resolve(reading);
    };
    expect(await cache.reading(picture(1), 'a', read)).toEqual(reading);
    expect(await ocrCache(dir).reading(picture(1), 'a', read)).toEqual(reading);
    expect(reads).toBe(1);
    await cache.reading(picture(2), 'a', read);
    await cache.reading(picture(1), 'b', read);
    expect(reads).toBe(3);
  });

  it('lets the engine make runs of a kept reading without starting Tesseract', async () => {
    const png = picture(3);
    const cache = ocrCache(dir);
    await cache.reading(png, readingSettings, () => Promise.resolve(reading));
    // No models where it looks: a start of Tesseract would fail, so the runs can only come from the cache.
    const empty = fs.mkdtempSync(path.join(dir, 'models-'));
    const engine = tesseractEngine({ ...ocrAssets(), langDir: empty }, cache);
    const { runs } = await engine.recognize({ png, width: 100, height: 200 }, 0);
    await engine.close();
    expect(runs.map((r) => [r.text, r.box.x, r.box.w, r.confidence])).toEqual([['INV-7', 0.1, 0.8, 0.91]]);
    expect(cache.hits).toBe(1);
  });
});
