// The OCR engine alone (tesseract.js, main/core/extract/ocr/) on an invoice page drawn by Chromium with the Noto CJK
// font (test-support/main/scanned-page.ts): clean, noisy, scanned sideways, upside down and crooked. Per kind of
// page: the share of the page's 13 fields (invoice number, date, Incoterm, a Chinese seller, names, quantities,
// prices, amounts, total) read exactly at the end of one run (a label may stand before a value; the date, which the
// page prints in one line of text with the terms after it, may also stand whole before a space), the characters
// right (1 − edit distance / length over the page's whole text, spaces ignored), and the time per page with the
// engine warm (one engine reused, as the app does).
import { tesseractEngine } from '../main/core/extract/ocr/tesseract-engine';
import { type PageTurn, scannedInvoice, scannedInvoicePages } from '../test-support/main/scanned-page';
import { type BenchResult, round } from './harness';

const kinds: Record<string, PageTurn> = {
  clean: {},
  noisy: { noise: 2500 },
  sideways: { turn: 90 },
  'upside down': { turn: 180 },
  'sideways other way, noisy': { turn: 270, noise: 2500 },
  'crooked 2°, noisy': { skew: 2, noise: 2500 },
};

const squeezed = (text: string) => text.replace(/\s+/g, '');
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Fields the page prints inside a longer line of text rather than in a cell or at a line's end: "Date: 2026-11-03
 * Terms: FOB Shanghai" is one text on the page, which a text layer gives as one run too, so the date need not end a
 * run; it must still be read whole, a space after it. Every other field ends its line or fills its cell, and a run
 * that goes on after it has joined it to the next cell.
 */
const insideALine = new Set<string>([scannedInvoice.date]);

function readWhole(runs: readonly string[], field: string): boolean {
  if (runs.some((r) => squeezed(r).endsWith(squeezed(field)))) return true;
  return insideALine.has(field) && runs.some((r) => ` ${spaced(r)} `.includes(` ${field} `));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

export async function run(): Promise<BenchResult[]> {
  const names = Object.keys(kinds);
  const pages = await scannedInvoicePages(names.map((n) => kinds[n] ?? {}));
  const engine = tesseractEngine();
  const results: BenchResult[] = [];
  try {
    const first = pages[0];
    if (first) await engine.recognize(first.image, 0); // the threads start and the models load once
    for (const [i, page] of pages.entries()) {
      const started = performance.now();
      const { runs, rotation } = await engine.recognize(page.image, 0);
      const ms = performance.now() - started;
      const read = runs.map((r) => squeezed(r.text));
      const fields: string[] = Object.values(scannedInvoice);
      const right = fields.filter((f) =>
        readWhole(
          runs.map((r) => r.text),
          f,
        ),
      );
      const truth = squeezed(page.text);
      // Runs come in Tesseract's reading order of the page turned upright.
      const chars = 1 - editDistance(truth, read.join('')) / truth.length;
      results.push({
        name: `ocr ${names[i] ?? i}`,
        figures: {
          fields: `${right.length}/${fields.length}`,
          missed: fields.filter((f) => !right.includes(f)).join(' | ') || '-',
          characters: `${round(chars * 100, 1)} %`,
          rotation: round(rotation, 1),
          ms: Math.round(ms),
        },
        budget: 'a scanned page ≤ 10 s on two cores',
        pass: ms <= 10_000,
      });
    }
  } finally {
    await engine.close();
  }
  return results;
}
