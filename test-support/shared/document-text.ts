import type { DocumentText, PageText, TextRun } from '../../shared/extract/document';

/** A line of a hand-made page: cells at x (points from the left edge) with their text. */
export type TextLine = readonly (readonly [x: number, text: string])[];

export interface PageOptions {
  /** Points; A4 by default. */
  width?: number;
  height?: number;
  /** Where the first line is, and the distance between lines (points). */
  top?: number;
  lineGap?: number;
  fontSize?: number;
  /** Degrees a scan is turned by (clockwise), about the page's top-left corner. */
  skew?: number;
  /** Each cell set as one run per word, the way OCR engines give them. */
  words?: boolean;
  /**
   * The space between those words, in font sizes: 0.3 by default; 0.55 for a monospaced font, whose space is 0.6
   * of the font size, as a text layer boxes it (a box a little taller than the font size).
   */
  space?: number;
  /** Splits the given texts in two runs that touch, as OCR does with a number now and then. */
  splitTexts?: readonly string[];
  kind?: PageText['kind'];
}

/** Width of a text at a font size: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  return [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.55), 0);
}

/**
 * A page of text runs placed as a PDF's text layer (or an OCR engine) would give them, for the parser's
 * tests: each cell at its x, each line `lineGap` under the last; a skew moves each run's y by its x.
 */
export function textPage(index: number, lines: readonly TextLine[], options: PageOptions = {}): PageText {
  const width = options.width ?? 595;
  const height = options.height ?? 842;
  const size = options.fontSize ?? 9;
  const gap = options.lineGap ?? size * 1.6;
  const slope = Math.tan(((options.skew ?? 0) * Math.PI) / 180);
  const runs: TextRun[] = [];
  const place = (x: number, y: number, text: string) => {
    const w = textWidth(text, size);
    const top = y + slope * (x + w / 2) - size / 2;
    runs.push({ text, box: { page: index, x: x / width, y: top / height, w: w / width, h: size / height } });
  };
  lines.forEach((line, li) => {
    const y = (options.top ?? 60) + li * gap;
    for (const [x, text] of line) {
      if (text === '') continue;
      if (options.splitTexts?.includes(text)) {
        const half = Math.ceil(text.length / 2);
        place(x, y, text.slice(0, half));
        place(x + textWidth(text.slice(0, half), size), y, text.slice(half));
      } else if (options.words) {
        let at = x;
        for (const word of text.split(' ')) {
          place(at, y, word);
          // A space is about a third of the font size wide (proportional fonts).
          at += textWidth(word, size) + size * (options.space ?? 0.3);
        }
      } else place(x, y, text);
    }
  });
  // Runs come in no promised order: the parser must not rely on it.
  runs.reverse();
  return { index, width, height, kind: options.kind ?? 'text-pdf', rotation: 0, runs };
}

export function textDocument(fileName: string, pages: readonly PageText[]): DocumentText {
  return { fileName, pages: [...pages] };
}

/**
 * A table's line: each cell at its column's x (`columns` names the x of each column; a cell given for no
 * column is left out).
 */
export function tableLine<K extends string>(
  columns: Readonly<Record<K, number>>,
  cells: Partial<Record<NoInfer<K>, string>>,
): TextLine {
  return (Object.keys(columns) as K[]).flatMap((k) => {
    const text = cells[k];
    return text === undefined ? [] : [[columns[k], text] as const];
  });
}
