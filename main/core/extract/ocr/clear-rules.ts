import { PNG } from 'pngjs';

/** Darker than this (0–255 grey) is ink. */
const ink = 160;

/**
 * A straight line of ink at least this share of the picture long is a rule, never a character: a table's cell
 * borders span many characters, and the longest stroke of a character is one character high or wide.
 */
const ruleShare = { across: 1 / 10, down: 1 / 25 };

/**
 * One byte a pixel, 1 where the pixel is ink; and the paper's grey, the commonest of the pixels that are not ink (a
 * scanner's paper is seldom white, and a rule painted white on grey paper would leave a white line where it was).
 */
function inkOf(png: PNG): { inked: Uint8Array; paper: number } {
  const { data } = png;
  const inked = new Uint8Array(png.width * png.height);
  const greys = new Uint32Array(256);
  for (let i = 0, p = 0; i < inked.length; i++, p += 4) {
    // Luminance; a transparent pixel is paper.
    const lum =
      (data[p + 3] ?? 255) > 127
        ? ((data[p] ?? 0) * 299 + (data[p + 1] ?? 0) * 587 + (data[p + 2] ?? 0) * 114) / 1000
        : 255;
    if (lum < ink) inked[i] = 1;
    else {
      const grey = Math.round(lum);
      greys[grey] = (greys[grey] ?? 0) + 1;
    }
  }
  let paper = 255;
  for (let g = ink; g < 256; g++) if ((greys[g] ?? 0) > (greys[paper] ?? 0)) paper = g;
  return { inked, paper };
}

/** A rule is straight: it may drift aside by a pixel for every this many along it (about 4°), plus two. */
const drift = 15;

/**
 * The picture's pixels seen along one direction: `line` is a row (across) or a column (down), `pos` the place along
 * it. Rules are found the same way in both directions through it.
 */
interface View {
  lines: number;
  length: number;
  index(line: number, pos: number): number;
  /** The place in the picture, x and y. */
  point(line: number, pos: number): [number, number];
}

/** A rule found, from one end to the other, in pixels of the picture as given. */
export interface RuleLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Marks the pixels of lines of ink at least `min` long along the view's direction. A scan's rule is rarely quite
 * straight (a page fed a degree or two crooked steps a rule aside by a pixel every 30 or so), so the walk along a
 * line of ink follows it a pixel aside when it steps, and stops where it ends. Each pixel starts at most one walk.
 */
function markLines(inked: Uint8Array, view: View, min: number, marks: Uint8Array, found: RuleLine[]): void {
  const { lines, length, index, point } = view;
  const walked = new Uint8Array(inked.length);
  const ink = (line: number, pos: number) => line >= 0 && line < lines && inked[index(line, pos)] === 1;
  const path: number[] = [];
  for (let start = 0; start < lines; start++)
    for (let from = 0; from < length; from++) {
      const first = index(start, from);
      if (inked[first] !== 1 || walked[first] === 1) continue;
      path.length = 0;
      let line = start;
      let pos = from;
      while (pos < length) {
        // The next pixel of the line: straight on, or a pixel aside. No break is stepped over: Chinese characters
        // set solid are a pixel or two apart, and their strokes must not add up to a rule.
        let next = -1;
        for (const aside of [0, -1, 1])
          if (
            pos + 1 < length &&
            ink(line + aside, pos + 1) &&
            Math.abs(line + aside - start) <= 2 + (pos + 1 - from) / drift
          ) {
            next = pos + 1;
            line += aside;
            break;
          }
        path.push(line, pos);
        walked[index(line, pos)] = 1;
        if (next < 0) break;
        pos = next;
      }
      if (pos - from + 1 < min) continue;
      const [x0, y0] = point(start, from);
      const [x1, y1] = point(line, pos);
      found.push({ x0, y0, x1, y1 });
      for (let k = 0; k < path.length; k += 2) {
        const l = path[k] ?? 0;
        const p = path[k + 1] ?? 0;
        // The anti-aliased edge beside the ink goes with it.
        for (const aside of [-1, 0, 1]) if (l + aside >= 0 && l + aside < lines) marks[index(l + aside, p)] = 1;
      }
    }
}

/** A blob of ink no larger than this share of the page's width, either way, is a speck (or a full stop). */
const speckShare = 1 / 150;
/** A page is speckled when more than this share of its blobs of ink are specks. */
const speckledShare = 0.5;

/**
 * Whether the page is speckled (dust, toner, a grainy scan): most of its blobs of ink (8-connected) are specks. On a
 * clean page specks are the full stops, colons and dots of its text, a small share of the blobs beside its letters.
 */
function isSpeckled(inked: Uint8Array, width: number, height: number): boolean {
  const seen = new Uint8Array(inked.length);
  const stack = new Int32Array(inked.length);
  const most = Math.max(2, Math.round(width * speckShare));
  let blobs = 0;
  let specks = 0;
  for (let start = 0; start < inked.length; start++) {
    if (inked[start] !== 1 || seen[start] === 1) continue;
    seen[start] = 1;
    let top = 0;
    stack[top++] = start;
    let [x0, x1, y0, y1] = [width, 0, height, 0];
    while (top > 0) {
      const at = stack[--top] ?? 0;
      const x = at % width;
      const y = (at - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (inked[next] === 1 && seen[next] !== 1) {
            seen[next] = 1;
            stack[top++] = next;
          }
        }
    }
    blobs++;
    if (x1 - x0 < most && y1 - y0 < most) specks++;
  }
  return blobs > 0 && specks > blobs * speckledShare;
}

/** A page made ready for Tesseract: its rules cleared, and whether it is speckled (which calls for noise removal). */
export interface PreparedPage {
  png: Uint8Array;
  speckled: boolean;
  /** The rules cleared: each line of ink walked (a rule a few pixels thick is a few of them). */
  rules: RuleLine[];
}

/**
 * The page with its table rules (long straight lines of ink, across and down) painted over in the paper's grey.
 * Tesseract's page layout analysis takes a fully ruled table (every cell boxed, as most Chinese invoices and packing
 * lists print them) for a picture and reads its cells as nonsense or not at all; without its rules the table is columns
 * of text, which it reads. The pixels of characters are left as they are.
 */
export function preparePage(pngBytes: Uint8Array): PreparedPage {
  const png = PNG.sync.read(Buffer.from(pngBytes.buffer, pngBytes.byteOffset, pngBytes.byteLength));
  const { width, height } = png;
  const { inked, paper } = inkOf(png);
  const marks = new Uint8Array(width * height);
  const across = Math.max(8, Math.round(width * ruleShare.across));
  const down = Math.max(8, Math.round(height * ruleShare.down));
  const rules: RuleLine[] = [];
  const rows = { lines: height, length: width, index: (row: number, x: number) => row * width + x };
  const columns = { lines: width, length: height, index: (column: number, y: number) => y * width + column };
  markLines(inked, { ...rows, point: (row, x) => [x, row] }, across, marks, rules);
  markLines(inked, { ...columns, point: (column, y) => [column, y] }, down, marks, rules);
  let cleared = 0;
  for (let i = 0; i < marks.length; i++) {
    if (!marks[i]) continue;
    cleared++;
    inked[i] = 0;
    png.data[i * 4] = paper;
    png.data[i * 4 + 1] = paper;
    png.data[i * 4 + 2] = paper;
    png.data[i * 4 + 3] = 255;
  }
  const speckled = isSpeckled(inked, width, height);
  // Fast compression: the picture goes straight to the OCR thread, and filtering and deflating 5 megapixels well
  // takes seconds.
  const out =
    cleared === 0
      ? pngBytes
      : new Uint8Array(PNG.sync.write(png, { deflateLevel: 1, filterType: 0, colorType: 0, inputColorType: 6 }));
  return { png: out, speckled, rules };
}
