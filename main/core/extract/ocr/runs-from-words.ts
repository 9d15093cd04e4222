import type { TextRun } from '../../../../shared/extract/document';
import type { RuleLine } from './clear-rules';
import type { QuarterTurn } from './picture-turn';

/** A rectangle in pixels, as Tesseract reports a word: left, top, right, bottom. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One character of a word as Tesseract read it, with its own box. */
export interface OcrSymbol {
  text: string;
  bbox: PixelBox;
}

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  bbox: PixelBox;
  /** The word's characters, each with its box. */
  symbols: OcrSymbol[];
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
  /** The table rules cleared from the picture before it was read, in its pixels as given. */
  rules: readonly RuleLine[];
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

/**
 * Where a Chinese character is followed by a Latin letter or figure the run breaks at a smaller gap: a space after a
 * Han character is one space wide and the character's ink fills its square to the edge, so in running text ("数量 Q'ty",
 * "广东省 Shenzhen") the gap was at most half a word height on the scanned pages measured (319 pairs), while a
 * bilingual table set tight, its Chinese name cell right before its English name cell, left 0.73 heights or more.
 */
const hanThenLatinGap = 0.65;

/** Table rules Tesseract reads as characters: they part runs and are never text. */
const ruleGlyphs = /^[|¦[\]]+|[|¦[\]]+$/g;
/** A quote mark standing alone is a table's rule read as one, never a value. */
const strayQuote = /^[“”"'‘’`]+$/;
/** A closing quote mark never opens a word: before a word it is what is left of a table's rule. */
const openingCloser = /^[”’]+(?=\S)/;
/** Right after a table's rule no quote mark opens a word: it is what is left of the rule. */
const quoteAfterRule = /^[“”"'‘’`]+(?=\S)/;

/** A run with no letter, digit or Han character, read unsurely (under 50 %), is a speck of the scan. */
const lettered = /[\p{L}\p{N}]/u;
const speckConfidence = 50;

const han = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

const latin = /[A-Za-z0-9]/;

/** Chinese is written without spaces: Tesseract's word breaks between Han characters are no spaces. */
function bothHan(left: string, right: string): boolean {
  return han.test(left.at(-1) ?? '') && han.test(right.at(0) ?? '');
}

/** How far apart (in word heights) a word may follow a run and still be part of it. */
function gapLimit(left: string, right: string): number {
  return han.test(left.at(-1) ?? '') && latin.test(right.at(0) ?? '') ? hanThenLatinGap : runGap;
}

/**
 * A word without the marks that are never text (rule glyphs at its ends, a closing quote before it), its box shrunk
 * to the characters kept when Tesseract's characters spell the word: a mark read where the page has no ink, as a
 * quote before a header cell's first character, stretches the word's box over the gap before it and so joins it to
 * the cell before.
 */
function cleaned(word: OcrWord, afterRule = false): { text: string; box: PixelBox } {
  const whole = word.text.trim();
  const text = whole.replace(ruleGlyphs, '').replace(afterRule ? quoteAfterRule : openingCloser, '');
  const { symbols } = word;
  if (text === whole || text === '' || symbols.map((s) => s.text).join('') !== whole) return { text, box: word.bbox };
  const from = whole.indexOf(text);
  const to = from + text.length;
  const kept: PixelBox[] = [];
  let at = 0;
  for (const s of symbols) {
    if (at >= from && at + s.text.length <= to) kept.push(s.bbox);
    at += s.text.length;
  }
  if (kept.length === 0) return { text, box: word.bbox };
  return {
    text,
    box: {
      x0: Math.min(...kept.map((b) => b.x0)),
      y0: word.bbox.y0,
      x1: Math.max(...kept.map((b) => b.x1)),
      y1: word.bbox.y1,
    },
  };
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

/**
 * Whether the segments p–q and a–b cross (touching counts). A rule lying along the gap's own line does not: it never
 * stands between two words of it, and on one line every side test is 0, which would count however far apart they lie.
 */
function crosses(p: [number, number], q: [number, number], a: [number, number], b: [number, number]): boolean {
  const side = (o: [number, number], u: [number, number], v: [number, number]) =>
    Math.sign((u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0]));
  const [sa, sb] = [side(p, q, a), side(p, q, b)];
  if (sa === 0 && sb === 0) return false;
  return sa * sb <= 0 && side(a, b, p) * side(a, b, q) <= 0;
}

/**
 * Whether a table rule stood between two words of a line (read from `x0` to `x1` at height `y`): a ruled table's cells
 * may be set closer than words a space apart (a cell's padding is a few pixels), and the rule, cleared before the
 * page was read, is what parts them.
 */
function ruleBetween(frame: PictureFrame, x0: number, x1: number, y: number): boolean {
  const { rules } = frame;
  if (rules.length === 0) return false;
  const p = toGiven(frame, x0, y);
  const q = toGiven(frame, x1, y);
  return rules.some((r) => crosses(p, q, [r.x0, r.y0], [r.x1, r.y1]));
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
      const plain = cleaned(word);
      const middle = (plain.box.y0 + plain.box.y1) / 2;
      // The first word of a line looks back a little for the table's outer rule.
      const ruled = ruleBetween(frame, run ? run.box.x1 : plain.box.x0 - 2 * height, plain.box.x0, middle);
      const { text, box } = ruled ? cleaned(word, true) : plain;
      if (text === '' || strayQuote.test(text)) {
        finish(run);
        run = null;
        continue;
      }
      const han = run !== null && bothHan(run.text, text);
      if (run && !ruled && box.x0 - run.box.x1 <= gapLimit(run.text, text) * height) {
        run.text = han ? run.text + text : `${run.text} ${text}`;
        run.box = {
          x0: Math.min(run.box.x0, box.x0),
          y0: Math.min(run.box.y0, box.y0),
          x1: Math.max(run.box.x1, box.x1),
          y1: Math.max(run.box.y1, box.y1),
        };
        run.confidence = Math.min(run.confidence, word.confidence);
      } else {
        finish(run);
        run = { text, box: { ...box }, confidence: word.confidence };
      }
    }
    finish(run);
  }
  return runs;
}
