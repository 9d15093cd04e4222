import type { Box, PageText, TextRun } from '../document';

/** A run placed on its page: `x` and `y` in points, `y` corrected for the page's skew. */
export interface PlacedRun {
  text: string;
  box: Box;
  /** Left, right and vertical centre in points; `y` after the skew is taken out. */
  left: number;
  right: number;
  y: number;
  height: number;
  /** The OCR engine's confidence, 0–1, as the run had it; absent for a text layer. */
  confidence?: number;
}

/** Runs on one line of a page, left to right. */
export interface Line {
  page: number;
  y: number;
  height: number;
  runs: PlacedRun[];
}

/** The smallest box holding every box given (all on one page: the first one's). */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  const first = boxes[0];
  if (!first) return undefined;
  const same = boxes.filter((b) => b.page === first.page);
  const x = Math.min(...same.map((b) => b.x));
  const y = Math.min(...same.map((b) => b.y));
  const right = Math.max(...same.map((b) => b.x + b.w));
  const bottom = Math.max(...same.map((b) => b.y + b.h));
  return { page: first.page, x, y, w: right - x, h: bottom - y };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The slope (dy per dx, in points) of a scan's text lines: the median of the slopes between each run and the
 * nearest run to its right that overlaps it vertically. A scan corrected only roughly keeps a degree or so of
 * skew, which over a page's width moves a line's end by a whole line height.
 */
function skewSlope(runs: readonly PlacedRun[]): number {
  const slopes: number[] = [];
  for (const a of runs) {
    let best: PlacedRun | undefined;
    for (const b of runs) {
      if (b === a || b.left < a.right - 1) continue;
      if (Math.abs(b.y - a.y) > Math.max(a.height, b.height) * 0.6) continue;
      if (!best || b.left < best.left) best = b;
    }
    if (best && best.left - a.right < a.height * 8) {
      const dx = (best.left + best.right) / 2 - (a.left + a.right) / 2;
      if (dx > 0) slopes.push((best.y - a.y) / dx);
    }
  }
  return slopes.length >= 3 ? median(slopes) : 0;
}

function placed(page: PageText, run: TextRun): PlacedRun {
  const { box } = run;
  return {
    text: run.text,
    box,
    left: box.x * page.width,
    right: (box.x + box.w) * page.width,
    y: (box.y + box.h / 2) * page.height,
    height: box.h * page.height,
    ...(run.confidence !== undefined ? { confidence: run.confidence } : {}),
  };
}

/**
 * A page's runs ordered into lines by position: a run joins the line whose centre is within half a line
 * height of its own, after the page's skew is taken out. Empty runs are dropped.
 */
export function pageLines(page: PageText): Line[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '').map((r) => placed(page, r));
  const slope = skewSlope(runs);
  for (const r of runs) r.y -= slope * ((r.left + r.right) / 2);
  const typical = median(runs.map((r) => r.height)) || 1;
  runs.sort((a, b) => a.y - b.y);
  const lines: Line[] = [];
  for (const run of runs) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(run.y - last.y) <= Math.max(typical, Math.min(run.height, last.height)) * 0.5) {
      last.runs.push(run);
      last.y = last.runs.reduce((s, r) => s + r.y, 0) / last.runs.length;
      last.height = Math.max(last.height, run.height);
    } else lines.push({ page: page.index, y: run.y, height: run.height, runs: [run] });
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.left - b.left);
    line.runs = line.runs.filter((r) => !line.runs.some((o) => readAgain(r, o)));
  }
  return lines;
}

/**
 * Whether run `r` is a part of run `o` read a second time: it lies within `o` and its text is part of `o`'s. An OCR
 * engine now and then gives a word twice, once whole and once a piece of it ("SW/2026/8886" and "W/202" over it),
 * which joined would make a value of neither.
 */
function readAgain(r: PlacedRun, o: PlacedRun): boolean {
  const compact = (t: string) => t.replace(/\s+/g, '');
  const [inner, outer] = [compact(r.text), compact(o.text)];
  return (
    o !== r &&
    outer.length > inner.length &&
    outer.includes(inner) &&
    r.left >= o.left - r.height * 0.25 &&
    r.right <= o.right + r.height * 0.25
  );
}

/** Joins runs in reading order: without a space where they touch on one line (a word the OCR split), else with one. */
export function joinRuns(runs: readonly PlacedRun[]): string {
  let text = '';
  let prev: PlacedRun | undefined;
  for (const r of runs) {
    const t = r.text.trim();
    if (prev) {
      const gap = r.left - prev.right;
      const sameLine = Math.abs(r.y - prev.y) < Math.min(prev.height, r.height) * 0.5;
      const touching = sameLine && gap < Math.min(prev.height, r.height) * 0.15;
      const cjk = /[\u3000-\u9fff\uff00-\uffef]$/.test(text) && /^[\u3000-\u9fff\uff00-\uffef]/.test(t);
      text += touching || cjk ? t : ` ${t}`;
    } else text = t;
    prev = r;
  }
  return text;
}

/**
 * Groups a line's runs into cells: runs set one space apart belong together (a header "Unit Price" set as two
 * words, a number the OCR split in two). A space of a monospaced font, as ERP systems print invoices in, is 0.6 of
 * the font size, a little over half a run's height; a column gap is wider (two spaces, an em).
 */
export function lineCells(line: Line): PlacedRun[][] {
  const cells: PlacedRun[][] = [];
  for (const r of line.runs) {
    const cell = cells[cells.length - 1];
    const prev = cell?.[cell.length - 1];
    if (cell && prev && r.left - prev.right < Math.min(prev.height, r.height) * 0.6) cell.push(r);
    else cells.push([r]);
  }
  return cells;
}
