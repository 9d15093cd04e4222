/**
 * Pieces of text a PDF draws on one line joined into the runs a reader sees. pdfjs starts a new text item at
 * every change of font, so a word set in two fonts comes out in pieces: Chromium (and other printers that
 * subset fonts by the glyphs a font falls back to) writes an ideograph whose glyph is shared with a radical in a
 * font of its own, a digit in the Latin font beside Chinese in the CJK font — 2026年6月20日 came out as four
 * items, 实木餐椅 as three — and the parser then saw three cells where the page shows one. pdfjs also parts a
 * line at a word space of a monospaced font (0.602 em in DejaVu Sans Mono, past its limit of 0.6 em: an ERP's
 * fixed-pitch print came out a word a run) and where a kerning pair pulls a glyph back more than 0.2 em ("IMP."
 * in a serif face came out as "IMP" and ". & EXP"). So the next piece is the same run when it starts no more
 * than 0.35 em before the last one ends, and after it by at most a word space: 0.4 em between two fonts (a
 * proportional space is 0.25–0.33 em), and in one font 0.65 em or a character's average advance and a fifth (a
 * fixed-pitch space, letter-spaced titles too), at most 0.75 em. A gap wider than 0.1 em becomes a space, as
 * pdfjs makes it. Further apart, as table cells and a label and its value are, pieces stay apart.
 */

/** One piece of text drawn with one text matrix, in the page's user space. */
export interface Piece {
  text: string;
  /** Where its baseline starts, its unit direction along the baseline, its type size and its advance. */
  x: number;
  y: number;
  ux: number;
  uy: number;
  size: number;
  advance: number;
  /** Vertical writing is left as pdfjs gives it. */
  vertical: boolean;
  /** The font it is drawn in (pdfjs's name for it). */
  font: string;
}

/** In em of the type: the widest word space in one font and between two, the narrowest gap that is a space, the
 * furthest a glyph kerns back. */
const SAME_FONT_GAP = 0.65;
const OTHER_FONT_GAP = 0.4;
const SPACE_GAP = 0.102;
const OVERLAP = -0.35;
/** A fixed-pitch space is one character's advance: a gap up to this many average advances is a word space. */
const ADVANCES = 1.2;
/** But never more than this (in em): an ideograph's advance is a whole em, and Chinese sets no word spaces. */
const WIDEST_SPACE = 0.75;
/** Baselines this close (in em) are one line; sizes this far apart (superscripts, a title) are not one run. */
const SAME_BASELINE = 0.2;
const SIZE_RATIO = 1.5;

interface Placed<T extends Piece> {
  piece: T;
  along: number;
  across: number;
}

/** A run as a reader sees it, with the pieces it was made of (for its box). */
export interface Joined<T extends Piece> {
  text: string;
  pieces: T[];
}

/** The pieces joined into runs. */
export function joinedRuns<T extends Piece>(pieces: readonly T[]): Joined<T>[] {
  const groups = new Map<string, Placed<T>[]>();
  const runs: Joined<T>[] = [];
  for (const piece of pieces) {
    if (piece.vertical) {
      runs.push({ text: piece.text, pieces: [piece] });
      continue;
    }
    // Pieces run in the same direction when their baselines are within a degree of each other.
    const key = String(Math.round((Math.atan2(piece.uy, piece.ux) * 180) / Math.PI) % 360);
    const group = groups.get(key) ?? [];
    if (group.length === 0) groups.set(key, group);
    const first = group[0]?.piece ?? piece;
    group.push({
      piece,
      along: piece.x * first.ux + piece.y * first.uy,
      across: -piece.x * first.uy + piece.y * first.ux,
    });
  }
  for (const group of groups.values()) {
    group.sort((a, b) => a.across - b.across || a.along - b.along);
    for (const line of lines(group)) runs.push(...joinLine(line));
  }
  return runs;
}

/** Pieces whose baselines lie within a fifth of their size of the first piece of the line. */
function lines<T extends Piece>(sorted: Placed<T>[]): Placed<T>[][] {
  const out: Placed<T>[][] = [];
  let line: Placed<T>[] = [];
  for (const p of sorted) {
    const first = line[0];
    if (first && Math.abs(p.across - first.across) > SAME_BASELINE * Math.min(p.piece.size, first.piece.size)) {
      out.push(line);
      line = [];
    }
    line.push(p);
  }
  if (line.length) out.push(line);
  return out.map((l) => l.sort((a, b) => a.along - b.along));
}

function joinLine<T extends Piece>(line: Placed<T>[]): Joined<T>[] {
  const out: Joined<T>[] = [];
  let run: Joined<T> | null = null;
  let last: Placed<T> | null = null;
  let end = 0;
  for (const p of line) {
    const { piece } = p;
    if (run && last && follows(last.piece, piece, p.along - end)) {
      const em = Math.min(last.piece.size, piece.size);
      run.text += (p.along - end > SPACE_GAP * em ? ' ' : '') + piece.text;
      run.pieces.push(piece);
      end = Math.max(end, p.along + piece.advance);
    } else {
      run = { text: piece.text, pieces: [piece] };
      out.push(run);
      end = p.along + piece.advance;
    }
    last = p;
  }
  return out;
}

/** Whether `next`, starting `gap` after the end of the run `last` ended, is in the same run. */
function follows(last: Piece, next: Piece, gap: number): boolean {
  const em = Math.min(last.size, next.size);
  if (Math.max(last.size, next.size) > SIZE_RATIO * em || gap < OVERLAP * em) return false;
  if (last.font !== next.font) return gap <= OTHER_FONT_GAP * em;
  const advance = last.advance / Math.max(1, [...last.text].length);
  return gap <= Math.min(Math.max(SAME_FONT_GAP * em, ADVANCES * advance), WIDEST_SPACE * em);
}
