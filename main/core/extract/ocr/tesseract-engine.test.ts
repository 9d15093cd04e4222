import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOcr } from '../../../../scripts/build-electron.mjs';
import type { Box, TextRun } from '../../../../shared/extract/document';
import { type ScannedPage, scannedInvoice, scannedInvoicePages } from '../../../../test-support/main/scanned-page';
import type { OcrEngine } from '../ocr-engine';
import { ocrAssets, shippedOcrAssets } from './ocr-assets';
import { tesseractEngine } from './tesseract-engine';

// The real engine (tesseract.js with the Chinese and English models from node_modules) on pages drawn by the real
// Chromium: one upright and speckled as a cheap scanner leaves it, one fed in sideways and a little crooked. OCR of
// a page takes seconds of CPU under load.
const slow = { timeout: 180_000 };

let engine: OcrEngine;
let upright: ScannedPage;
let sideways: ScannedPage;

beforeAll(async () => {
  engine = tesseractEngine();
  const pages = await scannedInvoicePages([{ noise: 2500 }, { turn: 90, skew: 1.5 }]);
  [upright, sideways] = [pages[0] as ScannedPage, pages[1] as ScannedPage];
}, 120_000);
afterAll(() => engine?.close());

const squeezed = (text: string) => text.replace(/\s+/g, '');

/** The run the text was read into (a run may hold the label beside it), and it must cover where it was drawn. */
function foundAt(runs: readonly TextRun[], text: string, drawn: Box): TextRun {
  const run = runs.find((r) => squeezed(r.text).includes(squeezed(text)));
  if (!run) throw new Error(`"${text}" is not among ${JSON.stringify(runs.map((r) => r.text))}`);
  const box = run.box;
  const slack = 0.012;
  expect(box.x).toBeLessThanOrEqual(drawn.x + slack);
  expect(box.y).toBeLessThanOrEqual(drawn.y + slack);
  expect(box.x + box.w).toBeGreaterThanOrEqual(drawn.x + drawn.w - slack);
  expect(box.y + box.h).toBeGreaterThanOrEqual(drawn.y + drawn.h - slack);
  // The run is that line (or, sideways, that column), not a block of the page around it.
  expect(Math.min(box.w, box.h)).toBeLessThan(Math.min(drawn.w, drawn.h) * 2.5);
  return run;
}

describe('the tesseract.js OCR engine', () => {
  it('refuses a page when its models are not installed, saying which, and is not stuck on it', slow, async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-ocr-'));
    const broken = tesseractEngine({ ...ocrAssets(), langDir: empty });
    await expect(broken.recognize(upright.image, 0)).rejects.toThrow(/OCR models chi_sim, eng, osd are not installed/);
    await expect(broken.recognize(upright.image, 0)).rejects.toThrow(/OCR models chi_sim, eng, osd are not installed/);
    await broken.close();
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('refuses a page when its engine cannot load its WebAssembly core, and the process goes on', slow, async () => {
    // As a damaged installation gives it: the core's script loads but exports nothing.
    const core = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-ocr-core-'));
    fs.writeFileSync(path.join(core, 'tesseract-core-simd.js'), 'module.exports = {};\n');
    fs.writeFileSync(path.join(core, 'package.json'), '{ "type": "commonjs" }\n');
    const broken = tesseractEngine({ ...ocrAssets(), coreDir: core });
    await expect(broken.recognize(upright.image, 0)).rejects.toThrow(/Core is not a function/);
    await broken.close();
    fs.rmSync(core, { recursive: true, force: true });
  });

  it(
    'reads the invoice number, a Chinese name and an amount where they were drawn, with confidence and progress',
    slow,
    async () => {
      const progress: number[] = [];
      const { runs, rotation } = await engine.recognize(upright.image, 0, { onProgress: (f) => progress.push(f) });
      for (const mark of ['invoiceNo', 'seller', 'amount'] as const) {
        const run = foundAt(runs, scannedInvoice[mark], upright.drawn[mark]);
        expect(run.box.page).toBe(0);
        expect(run.confidence).toBeGreaterThanOrEqual(0);
        expect(run.confidence).toBeLessThanOrEqual(1);
      }
      // A run is as sure as its least sure word: some of a speckled page's are sure, none is surer than sure.
      expect(runs.some((r) => (r.confidence ?? 0) > 0.8)).toBe(true);
      expect(Math.abs(rotation)).toBeLessThan(0.5);
      expect(progress.at(0)).toBe(0);
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.some((f) => f > 0.1 && f < 1)).toBe(true);
    },
  );

  it(
    'turns a page scanned sideways and crooked upright, and gives the boxes on the page as scanned',
    slow,
    async () => {
      const { runs, rotation } = await engine.recognize(sideways.image, 3);
      // Drawn a quarter turn clockwise (and 1.5° more): read after turning it three quarters further.
      expect(rotation).toBeGreaterThan(270 - 3);
      expect(rotation).toBeLessThan(270);
      for (const mark of ['invoiceNo', 'seller', 'amount'] as const) {
        expect(foundAt(runs, scannedInvoice[mark], sideways.drawn[mark]).box.page).toBe(3);
      }
    },
  );

  it(
    'stops reading a page when cancelled, and reads the next page after (the files as the installer ships them)',
    slow,
    async () => {
      const shipped = fs.mkdtempSync(path.join(os.tmpdir(), 'swdesk-ocr-'));
      await buildOcr(shipped);
      const engine = tesseractEngine(shippedOcrAssets(shipped));
      const controller = new AbortController();
      const cancelled = engine.recognize(upright.image, 0, {
        signal: controller.signal,
        onProgress: (f) => {
          if (f > 0) controller.abort();
        },
      });
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      const refused = new AbortController();
      refused.abort();
      await expect(engine.recognize(upright.image, 0, { signal: refused.signal })).rejects.toMatchObject({
        name: 'AbortError',
      });
      const { runs } = await engine.recognize(upright.image, 1);
      expect(runs.map((r) => squeezed(r.text)).join(' ')).toContain(scannedInvoice.invoiceNo);
      await engine.close();
      fs.rmSync(shipped, { recursive: true, force: true });
    },
  );
});
