import type { TextRun } from '../../../../shared/extract/document';
import type { QuarterTurn } from './picture-turn';

/** A rectangle in pixels, as Tesseract reports a word: left, top, right, bottom. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  bbox: PixelBox;
}

/** A line of words as Tesseract found it, in reading order. */
export interface OcrLine {
  bbox: PixelBox;
  words: OcrWord[];
}

/** How the picture given was turned before it was read, to map what was read back onto it. */
export interface PictureFrame {
  /** The picture as given, in pixels. */
  width: number;
  height: number;
  /** The quarter turn (clockwise) that made it upright. */
  turn: QuarterTurn;
  /** The small skew Tesseract straightened the upright picture by, in radians (its rotateRadians). */
  skew: number;
}

/**
 * Words closer than this many word heights (the line's median) belong to one run, so that each run is what a text
 * layer gives as one piece of text (a cell's value, a label) and the parser treats text PDFs and scans alike.
 * Tesseract's word boxes are tight on the ink, so the gap between two words of a cell is a space and two side
 * bearings: on 24 invoices and packing lists scanned at 240 dpi it was under one word height for 97 % of such pairs
 * (half of them over half a height, which a tighter limit split into runs of one word), while the cells of even a
 * tightly set table (ERP prints), or a label and its value, were more than 1.1 heights apart for about 97 %.
 * Between Chinese characters Tesseract's word breaks come where the ink is far apart, a space being no wider: the
 * same limit holds.
 */
const runGap = 1.1;

/** Table rules Tesseract reads as characters: they part runs and are never text. */
const ruleGlyphs = /^[|¦[\]]+|[|¦[\]]+$/g;
/** A quote mark standing alone is a table's rule read as one, never a value. */
const strayQuote = /^[“”"'‘’`]+$/;
/** A closing quote mark never opens a word: before a word it is what is left of a table's rule. */
const openingCloser = /^[”’]+(?=\S)/;

/** A run with no letter, digit or Han character, read unsurely (under 50 %), is a speck of the scan. */
const lettered = /[\p{L}\p{N}]/u;
const speckConfidence = 50;

const han = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Chinese is written without spaces: Tesseract's word breaks between Han characters are no spaces. */
function bothHan(left: string, right: string): boolean {
  return han.test(left.at(-1) ?? '') && han.test(right.at(0) ?? '');
}

/** A point in the picture Tesseract read (turned, then straightened) mapped back onto the picture as given. */
function toGiven(frame: PictureFrame, x: number, y: number): [number, number] {
  const { width, height, turn, skew } = frame;
  const [w, h] = turn === 90 || turn === 270 ? [height, width] : [width, height];
  // Undo the straightening: turn back by the skew about the centre (Tesseract turns the picture about its centre;
  // its angle is counter-clockwise on the page, and y grows downwards).
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  const dx = x - w / 2;
  const dy = y - h / 2;
  const u = w / 2 + dx * cos - dy * sin;
  const v = h / 2 + dx * sin + dy * cos;
  // Undo the quarter turn.
  if (turn === 90) return [v, height - u];
  if (turn === 180) return [width - u, height - v];
  if (turn === 270) return [width - v, u];
  return [u, v];
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

function pageBox(frame: PictureFrame, page: number, box: PixelBox): TextRun['box'] {
  const corners = [
    toGiven(frame, box.x0, box.y0),
    toGiven(frame, box.x1, box.y0),
    toGiven(frame, box.x0, box.y1),
    toGiven(frame, box.x1, box.y1),
  ];
  const xs = corners.map(([x]) => clamp(x / frame.width));
  const ys = corners.map(([, y]) => clamp(y / frame.height));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { page, x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

function medianHeight(words: readonly OcrWord[]): number {
  const heights = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
  return Math.max(1, heights[Math.floor(heights.length / 2)] ?? 1);
}

interface Pending {
  text: string;
  box: PixelBox;
  confidence: number;
}

/** Tesseract's lines of words as runs of text with boxes in fractions of the picture given, confidence 0–1. */
export function runsFromLines(lines: readonly OcrLine[], frame: PictureFrame, page: number): TextRun[] {
  const runs: TextRun[] = [];
  const finish = (run: Pending | null) => {
    if (!run || (!lettered.test(run.text) && run.confidence < speckConfidence)) return;
    runs.push({ text: run.text, box: pageBox(frame, page, run.box), confidence: run.confidence / 100 });
  };
  for (const line of lines) {
    const height = medianHeight(line.words);
    let run: Pending | null = null;
    for (const word of line.words) {
      const text = word.text.trim().replace(ruleGlyphs, '').replace(openingCloser, '');
      if (text === '' || strayQuote.test(text)) {
        finish(run);
        run = null;
        continue;
      }
      const han = run !== null && bothHan(run.text, text);
      if (run && word.bbox.x0 - run.box.x1 <= runGap * height) {
        run.text = han ? run.text + text : `${run.text} ${text}`;
        run.box = {
          x0: Math.min(run.box.x0, word.bbox.x0),
          y0: Math.min(run.box.y0, word.bbox.y0),
          x1: Math.max(run.box.x1, word.bbox.x1),
          y1: Math.max(run.box.y1, word.bbox.y1),
        };
        run.confidence = Math.min(run.confidence, word.confidence);
      } else {
        finish(run);
        run = { text, box: { ...word.bbox }, confidence: word.confidence };
      }
    }
    finish(run);
  }
  return runs;
}
