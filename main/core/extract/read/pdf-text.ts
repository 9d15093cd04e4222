import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';
import type { TextRun } from '../../../../shared/extract/document';
import { joinedRuns, type Piece } from './joined-runs';

/** A point transform as PDF writes it: [a b c d e f] maps (x, y) to (a·x + c·y + e, b·x + d·y + f). */
type Matrix = readonly [number, number, number, number, number, number];

export interface PageTextLayer {
  /** The page's size in points, upright (its /Rotate and `rotation` applied). */
  width: number;
  height: number;
  /** Degrees the page as a viewer shows it (its /Rotate applied) was turned further, clockwise, to read its text. */
  rotation: number;
  runs: TextRun[];
}

/** One piece of the text layer as pdfjs gives it (a string drawn with one text matrix), with its glyphs' extent. */
interface Placed extends Piece {
  /** The type's ascent and descent in em (descent negative), for the piece's box. */
  ascent: number;
  descent: number;
  /** Vertical writing: the column's height, growing downwards from the origin. */
  height: number;
  /** Its direction on the page as a viewer shows it, in multiples of 90° counter-clockwise from left-to-right. */
  quarter: number;
}

/**
 * The page's text layer as runs with boxes in fractions of the page upright (origin top-left): as a viewer shows
 * it (its /Rotate applied) and, when most of its text runs sideways or upside down (a landscape table set on a
 * portrait page without /Rotate), turned further so that the text reads left to right; `rotation` says how far.
 * The parser then reads such a table like any other, and renderPage draws the page turned by the same `rotation`,
 * so a box still highlights the picture with nothing else to know. A run's box follows its text matrix, so text
 * at another angle gets the box it covers on the page.
 */
export async function pageTextLayer(page: PDFPageProxy): Promise<PageTextLayer> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const shown = page.getViewport({ scale: 1 });
  const placed: Placed[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const piece = place(item, content.styles[item.fontName], shown.transform as unknown as Matrix);
    if (piece) placed.push(piece);
  }
  const rotation = dominantQuarter(placed) * 90;
  const viewport = page.getViewport({ scale: 1, rotation: page.rotate + rotation });
  const toPage = viewport.transform as unknown as Matrix;
  const runs: TextRun[] = [];
  for (const run of joinedRuns(placed)) {
    const points = run.pieces.flatMap(corners).map(([x, y]) => apply(toPage, x, y));
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
  const text = unifiedHan(item.str.replace(/\s+/g, ' ').trim());
  if (!text) return null;
  const [a, b, c, d, e, f] = item.transform as unknown as Matrix;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  const along = Math.hypot(a, b);
  if (!size || !along) return null;
  const ux = a / along;
  const uy = b / along;
  const vertical = style?.vertical === true;
  // The baseline's direction as a viewer shows the page: y grows downwards there, so 90° is bottom-to-top.
  const [sx, sy] = apply(shown, ux, uy);
  const [ox, oy] = apply(shown, 0, 0);
  const angle = Math.atan2(-(sy - oy), sx - ox);
  return {
    text,
    x: e,
    y: f,
    ux,
    uy,
    size,
    advance: item.width > 0 ? item.width : size * text.length * 0.5,
    vertical,
    font: item.fontName,
    ascent: style?.ascent && style.ascent > 0 ? style.ascent : 0.8,
    descent: style?.descent && style.descent < 0 ? style.descent : -0.2,
    height: item.height,
    quarter: vertical ? 0 : (Math.round(angle / (Math.PI / 2)) + 4) % 4,
  };
}

/** A piece's corners in the page's user space: along its baseline for its advance, across it for its type. */
function corners(p: Placed): [number, number][] {
  const { x: e, y: f, ux, uy, size } = p;
  const vx = -uy;
  const vy = ux;
  if (p.vertical)
    return [
      [e - (size / 2) * ux, f - (size / 2) * uy],
      [e + (size / 2) * ux, f + (size / 2) * uy],
      [e + (size / 2) * ux - p.height * vx, f + (size / 2) * uy - p.height * vy],
      [e - (size / 2) * ux - p.height * vx, f - (size / 2) * uy - p.height * vy],
    ];
  return [0, p.advance].flatMap((s) =>
    [p.descent, p.ascent].map((t): [number, number] => [e + s * ux + t * size * vx, f + s * uy + t * size * vy]),
  );
}

/**
 * The direction most of the page's characters run in (0: upright, 1: bottom-to-top, 2: upside down, 3: top-to-bottom).
 */
function dominantQuarter(runs: readonly Placed[]): number {
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
 * Characters a CJK font draws with the glyph of a whole ideograph, below the ideograph's own code point, which NFKC
 * leaves alone: the CJK Radicals Supplement (Unicode's EquivalentUnifiedIdeograph.txt) and four of CJK Extension A
 * (㬵 for 胶, as in 硅胶 silicone). Found by reading the character maps of Noto Sans, Sans Mono and Serif CJK SC
 * (the fonts Chinese documents printed on Linux and Android get), each character beside the ideograph it stands for.
 */
const sharedGlyphs = {
  from: '⺂⺃⺅⺉⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺫⺭⺯⺰⺱⺲⺹⺺⺾⻁⻂⻃⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳㫚㬵㬺㮣',
  to: '乛乚亻刂兀尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭罒礻糹纟罓罒耂肀艹虎衤覀见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟曶胶幐槩',
};
const ideographs = [...sharedGlyphs.to];
const sameGlyph: ReadonlyMap<string, string> = new Map([...sharedGlyphs.from].map((c, i) => [c, ideographs[i] ?? c]));

/**
 * A CJK font draws a Kangxi radical and the ideograph it stands for with one glyph, and a PDF printer (Chromium's,
 * for one) may map that glyph back to the radical: 皮革手 comes out of the text layer as ⽪⾰⼿ (U+2F6A, U+2FB0,
 * U+2F3F), which look the same but are other characters, so names were split and never matched. Each radical
 * becomes its ideograph (NFKC for the Kangxi Radicals, the table above for the rest); nothing else changes.
 */
export function unifiedHan(text: string): string {
  return text.replace(
    /[\u2E80-\u2EFF\u2F00-\u2FDF\u3ADA\u3B35\u3B3A\u3BA3]/g,
    (radical) => sameGlyph.get(radical) ?? radical.normalize('NFKC'),
  );
}
