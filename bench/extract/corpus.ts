// The measured corpus: shipments drawn from one seed, each printed as an invoice and a packing list in one of the
// layouts, and each document kept as a text PDF, a clean scan and a noisy scan (rotated a little, once sideways;
// PNG, JPEG, TIFF or an image-only PDF). It is made into a folder outside the repository at bench time and reused
// while the generator and the seed are unchanged, since making it takes minutes of Chromium.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { randomFromSeed, type SeededRandom } from '../../test-support/shared/seeded-random';
import { documentHtml } from './html';
import { layouts, type Role } from './layouts';
import { openRenderer, type Renderer } from './render';
import { clean, imageOnlyPdf, spoil, type Picture, type Spoil } from './scans';
import { drawShipment } from './shipment';
import { grayTiff } from './tiff';
import { truthDocument, truthExtraction, type TruthDocument, type TruthExtraction } from './truth';

export type CorpusKind = 'text-pdf' | 'clean-scan' | 'noisy-scan';
export const corpusKinds: readonly CorpusKind[] = ['text-pdf', 'clean-scan', 'noisy-scan'];

export interface CorpusFile {
  kind: CorpusKind;
  fileName: string;
  format: 'pdf' | 'png' | 'jpg' | 'tiff';
  /** How a scan was spoiled (absent for the text PDF). */
  spoil?: Omit<Spoil, 'format'>;
}

export interface CorpusDocument {
  id: string;
  seed: number;
  layout: string;
  role: Role;
  sheets: number;
  lines: number;
  /** The laid-out text runs (DocumentText) of the text PDF, to score parsing apart from reading. */
  textFile: string;
  files: CorpusFile[];
  truth: TruthDocument;
}

export interface CorpusPair {
  seed: number;
  invoice: string;
  packingList: string;
  extraction: TruthExtraction;
}

/** The speed case: an invoice of 50 lines on 3 sheets as a text PDF, and one sheet of it scanned clean (PNG). */
export interface SpeedCase {
  pdf: string;
  lines: number;
  sheets: number;
  scanPng: string;
}

export interface Corpus {
  dir: string;
  version: string;
  seed: number;
  shipments: number;
  dpi: number;
  /** Seconds it took to make (the last time it was made). */
  seconds: number;
  documents: CorpusDocument[];
  pairs: CorpusPair[];
  speed: SpeedCase;
}

const generatorFiles = ['goods', 'shipment', 'printed', 'layouts', 'html', 'render', 'scans', 'tiff', 'truth', 'corpus']
  .map((name) => `${name}.ts`)
  // The layouts' data is read by layouts.ts: a layout changed there changes the documents too.
  .concat('layouts.json');

/** The generator's sources: a change to any of them makes the corpus again. */
function generatorVersion(): string {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const hash = crypto.createHash('sha256');
  for (const f of generatorFiles) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 12);
}

const between = (r: SeededRandom, from: number, to: number) => from + r.next() * (to - from);
const sign = (r: SeededRandom) => (r.int(2) === 0 ? -1 : 1);

/** The spoiling of the n-th document's scans: clean ones barely turned, noisy ones grainy, blurred, skewed. */
function spoils(r: SeededRandom, n: number): { clean: Spoil; noisy: Spoil } {
  const clean: Spoil = { rotate: sign(r) * between(r, 0, 0.5), noise: 0, specks: 0, blur: 0, format: 'png', seed: n };
  const noisy: Spoil = {
    // One document of the corpus is fed sideways; the rest are skewed by up to 2.5°.
    rotate: n === 5 ? 90 : sign(r) * between(r, 0.5, 2.5),
    noise: Math.round(between(r, 15, 45)),
    specks: between(r, 0.0003, 0.002),
    blur: between(r, 0.3, 1),
    levels: r.int(3) === 0 ? 16 : undefined,
    format: 'jpeg',
    quality: between(r, 0.45, 0.8),
    seed: n + 1000,
  };
  return { clean, noisy };
}

type Format = CorpusFile['format'];
const cleanFormats: readonly Format[] = ['png', 'pdf', 'png', 'tiff'];
const noisyFormats: readonly Format[] = ['jpg', 'pdf', 'png', 'jpg', 'tiff'];

async function writeScan(
  page: Page,
  sheets: readonly Uint8Array[],
  s: Spoil,
  format: Format,
  dpi: number,
  base: string,
): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  if (format === 'tiff') {
    const pictures = await Promise.all(sheets.map((sheet) => spoil(page, sheet, { ...s, format: 'gray' })));
    return pictures.map((p, i) => ({
      fileName: `${base}-${i + 1}.tiff`,
      bytes: grayTiff(p.bytes, p.width, p.height, dpi),
    }));
  }
  const pictureFormat = format === 'png' ? 'png' : s.format === 'jpeg' ? 'jpeg' : 'png';
  const pictures: Picture[] = [];
  for (const sheet of sheets) pictures.push(await spoil(page, sheet, { ...s, format: pictureFormat }));
  if (format === 'pdf') return [{ fileName: `${base}.pdf`, bytes: await imageOnlyPdf(page, pictures, dpi) }];
  const ext = pictureFormat === 'jpeg' ? 'jpg' : 'png';
  return pictures.map((p, i) => ({ fileName: `${base}-${i + 1}.${ext}`, bytes: p.bytes }));
}

/** The first layout that prints 50 lines on exactly 3 sheets (the speed budget's document). */
async function speedCase(renderer: Renderer, page: Page, seed: number, dir: string): Promise<SpeedCase> {
  const shipment = drawShipment(seed, 50);
  for (const layout of layouts) {
    const out = await renderer.render(documentHtml(layout, shipment, 'invoice'), 'speed-50-lines.pdf');
    if (out.pages.length !== 3 || !out.pages[0]) continue;
    fs.writeFileSync(path.join(dir, 'speed-50-lines.pdf'), out.pdf);
    const scan = await spoil(page, out.pages[0], { ...clean, rotate: 0.3, seed });
    fs.writeFileSync(path.join(dir, 'speed-scan.png'), scan.bytes);
    return { pdf: 'speed-50-lines.pdf', lines: 50, sheets: 3, scanPng: 'speed-scan.png' };
  }
  throw new Error('no layout prints 50 lines on 3 sheets');
}

export interface CorpusOptions {
  seed?: number;
  shipments?: number;
  dpi?: number;
  dir?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The corpus of `shipments` shipments (two documents each) from `seed`, made into `dir` unless it is there already,
 * made by the same generator. An image file holds one sheet (a multi-sheet scan is several files, as a phone gives
 * them); a PDF holds them all.
 */
export async function corpus(options: CorpusOptions = {}): Promise<Corpus> {
  const seed = options.seed ?? 20_261_207;
  const shipments = options.shipments ?? 30;
  const dpi = options.dpi ?? 240;
  const version = generatorVersion();
  const dir = options.dir ?? path.join(os.tmpdir(), `swdesk-invoice-corpus-${seed}-${shipments}-${dpi}`);
  const manifest = path.join(dir, 'corpus.json');
  if (fs.existsSync(manifest)) {
    const kept = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Corpus;
    if (kept.version === version) return { ...kept, dir };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const r = randomFromSeed(seed);
  const renderer = await openRenderer(dpi);
  const page = await renderer.blankPage();
  const documents: CorpusDocument[] = [];
  const pairs: CorpusPair[] = [];
  let speed: SpeedCase | undefined;
  try {
    for (let i = 0; i < shipments; i++) {
      const shipmentSeed = r.int(2 ** 31);
      const shipment = drawShipment(shipmentSeed);
      const layout = layouts[i % layouts.length] ?? layouts[0];
      if (!layout) throw new Error('no layouts');
      const ids: string[] = [];
      for (const role of ['invoice', 'packing-list'] as const) {
        const n = documents.length;
        const id = `${String(i + 1).padStart(3, '0')}-${layout.id}-${role}`;
        const out = await renderer.render(documentHtml(layout, shipment, role), `${id}.pdf`);
        const write = (fileName: string, bytes: Uint8Array | string) =>
          fs.writeFileSync(path.join(dir, fileName), bytes);
        write(`${id}.pdf`, out.pdf);
        write(`${id}.text.json`, JSON.stringify(out.text));
        const files: CorpusFile[] = [{ kind: 'text-pdf', fileName: `${id}.pdf`, format: 'pdf' }];
        const scans = spoils(r, n);
        for (const [kind, s, format] of [
          ['clean-scan', scans.clean, cleanFormats[n % cleanFormats.length]],
          ['noisy-scan', scans.noisy, noisyFormats[n % noisyFormats.length]],
        ] as const) {
          const written = await writeScan(page, out.pages, s, format ?? 'png', dpi, `${id}.${kind}`);
          for (const scan of written) {
            write(scan.fileName, scan.bytes);
            const { format: _format, ...spoiled } = s;
            files.push({ kind, fileName: scan.fileName, format: format ?? 'png', spoil: spoiled });
          }
        }
        const truth = truthDocument(layout, shipment, role, `${id}.pdf`);
        documents.push({
          id,
          seed: shipmentSeed,
          layout: layout.id,
          role,
          sheets: out.pages.length,
          lines: shipment.lines.length,
          textFile: `${id}.text.json`,
          files,
          truth,
        });
        ids.push(id);
        options.onProgress?.(documents.length, shipments * 2);
      }
      pairs.push({
        seed: shipmentSeed,
        invoice: ids[0] ?? '',
        packingList: ids[1] ?? '',
        extraction: truthExtraction(layout, shipment),
      });
    }
    speed = await speedCase(renderer, page, seed, dir);
  } finally {
    await renderer.close();
  }
  if (!speed) throw new Error('the speed case was not made');
  const made: Corpus = {
    dir,
    version,
    seed,
    shipments,
    dpi,
    seconds: Math.round((performance.now() - started) / 1000),
    documents,
    pairs,
    speed,
  };
  fs.writeFileSync(manifest, JSON.stringify(made));
  return made;
}
