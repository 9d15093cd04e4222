import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';
import type { TextRun } from '../../../../shared/extract/document';

/** A point transform as PDF writes it: [a b c d e f] maps (x, y) to (a·x + c·y + e, b·x + d·y + f). */
type Matrix = readonly [number, number, number, number, number, number];

export interface PageTextLayer {
  /** The page's size in points as a viewer shows it (its /Rotate applied). */
  width: number;
  height: number;
  /** Degrees the page as shown by a viewer (its /Rotate applied) is turned further to read its text upright. */
  rotation: number;
  runs: TextRun[];
}

/** Glyphs in one run of the text layer, as pdfjs gives it (a string drawn with one text matrix). */
interface Placed {
  text: string;
  /** The run's corners in the page's user space. */
  corners: [number, number][];
  /** Its direction on the page as a viewer shows it, in multiples of 90° counter-clockwise from left-to-right. */
  quarter: number;
}

/**
 * The page's text layer as runs with boxes in fractions of the page as a viewer shows it (its /Rotate applied,
 * origin top-left): the frame renderPage draws, so a box highlights the picture with nothing else to know. A
 * run's box follows its text matrix, so rotated text gets the box it covers on the page. When most of the
 * text runs sideways or upside down (a landscape table set on a portrait page without /Rotate), `rotation`
 * says how far to turn the page to read it, as an OCR engine says it of a scan.
 */
export async function pageTextLayer(page: PDFPageProxy): Promise<PageTextLayer> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const shown = page.getViewport({ scale: 1 });
  const placed: Placed[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const run = place(item, content.styles[item.fontName], shown.transform as unknown as Matrix);
    if (run) placed.push(run);
  }
  const rotation = dominantQuarter(placed) * 90;
  const viewport = shown;
  const toPage = shown.transform as unknown as Matrix;
  const runs: TextRun[] = [];
  for (const run of placed) {
    const points = run.corners.map(([x, y]) => apply(toPage, x, y));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const left = clamp(Math.min(...xs) / viewport.width);
    const top = clamp(Math.min(...ys) / viewport.height);
    const right = clamp(Math.max(...xs) / viewport.width);
    const bottom = clamp(Math.max(...ys) / viewport.height);
    if (right <= left || bottom <= top) continue;
    runs.push({
      text: run.text,
      box: { page: page.pageNumber - 1, x: left, y: top, w: right - left, h: bottom - top },
    });
  }
  return { width: viewport.width, height: viewport.height, rotation, runs };
}

function place(item: TextItem, style: TextStyle | undefined, shown: Matrix): Placed | null {
  const text = item.str.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const [a, b, c, d, e, f] = item.transform as unknown as Matrix;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  const along = Math.hypot(a, b);
  if (!size || !along) return null;
  // Along the baseline for the run's width, and perpendicular to it (towards the glyphs' tops) for its height.
  const ux = a / along;
  const uy = b / along;
  const vx = -uy;
  const vy = ux;
  const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8;
  const descent = style?.descent && style.descent < 0 ? style.descent : -0.2;
  const width = item.width > 0 ? item.width : size * text.length * 0.5;
  const vertical = style?.vertical === true;
  const corners: [number, number][] = vertical
    ? // Vertical writing: pdfjs gives the column's height as `height`, growing downwards from the origin.
      [
        [e - (size / 2) * ux, f - (size / 2) * uy],
        [e + (size / 2) * ux, f + (size / 2) * uy],
        [e + (size / 2) * ux - item.height * vx, f + (size / 2) * uy - item.height * vy],
        [e - (size / 2) * ux - item.height * vx, f - (size / 2) * uy - item.height * vy],
      ]
    : [0, width].flatMap((s) =>
        [descent, ascent].map((t): [number, number] => [e + s * ux + t * size * vx, f + s * uy + t * size * vy]),
      );
  // The baseline's direction as a viewer shows the page: y grows downwards there, so 90° is bottom-to-top.
  const [sx, sy] = apply(shown, ux, uy);
  const [ox, oy] = apply(shown, 0, 0);
  const angle = Math.atan2(-(sy - oy), sx - ox);
  const quarter = (Math.round(angle / (Math.PI / 2)) + 4) % 4;
  return { text: unifiedHan(item.str.trim()), corners, quarter: vertical ? 0 : quarter };
}

/**
 * The direction most of the page's characters run in (0: upright, 1: bottom-to-top, 2: upside down, 3: top-to-bottom).
 */
function dominantQuarter(runs: Placed[]): number {
  const counts = [0, 0, 0, 0];
  for (const run of runs) counts[run.quarter] = (counts[run.quarter] ?? 0) + run.text.length;
  let best = 0;
  for (let q = 1; q < 4; q++) if ((counts[q] ?? 0) > (counts[best] ?? 0)) best = q;
  return best;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function clamp(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/**
 * Radicals of the CJK Radicals Supplement that stand for a whole (simplified) ideograph, which NFKC leaves alone:
 * the ideograph each is equivalent to (Unicode's EquivalentUnifiedIdeograph.txt).
 */
const supplementRadicals: Readonly<Record<string, string>> = {
  '\u2EA0': '民',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2ECB': '车',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EE2': '马',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
};

/**
 * A CJK font draws a Kangxi radical and the ideograph it stands for with one glyph, and a PDF printer (Chromium's,
 * for one) may map that glyph back to the radical: 皮革手 comes out of the text layer as ⽪⾰⼿ (U+2F6A, U+2FB0,
 * U+2F3F), which look the same but are other characters, so names were split and never matched. Each radical
 * becomes its ideograph (NFKC for the Kangxi Radicals, the table above for the supplement); nothing else changes.
 */
export function unifiedHan(text: string): string {
  return text.replace(
    /[\u2E80-\u2EFF\u2F00-\u2FDF]/g,
    (radical) => supplementRadicals[radical] ?? radical.normalize('NFKC'),
  );
}
