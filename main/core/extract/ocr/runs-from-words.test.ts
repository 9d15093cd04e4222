import { describe, expect, it } from 'vitest';
import { type OcrLine, type OcrWord, runsFromLines } from './runs-from-words';

const word = (text: string, x0: number, x1: number, confidence = 90, y0 = 100, y1 = 120): OcrWord => ({
  text,
  confidence,
  bbox: { x0, y0, x1, y1 },
  symbols: [],
});
const line = (...words: OcrWord[]): OcrLine => ({
  words,
  bbox: {
    x0: Math.min(...words.map((w) => w.bbox.x0)),
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    x1: Math.max(...words.map((w) => w.bbox.x1)),
    y1: Math.max(...words.map((w) => w.bbox.y1)),
  },
});
const upright = { width: 1000, height: 2000, turn: 0, skew: 0, rules: [] } as const;

describe('runs from the words Tesseract read', () => {
  it('sets words a space apart into one run, parts them at a column gap or a table rule, joins Chinese without spaces, and drops specks', () => {
    const runs = runsFromLines(
      [
        line(
          word('Invoice', 10, 80),
          word('No.:', 85, 120),
          word('INV-7', 160, 220, 60),
          word('|', 230, 232),
          word('宁波', 240, 280),
          word('海天', 290, 330),
          word('“', 340, 344),
          word('1,200.00', 360, 440),
          word('*', 600, 604, 30),
          word('-', 700, 704, 80),
        ),
      ],
      upright,
      2,
    );
    expect(runs.map((r) => r.text)).toEqual(['Invoice No.:', 'INV-7', '宁波海天', '1,200.00', '-']);
    expect(runs[0]).toEqual({
      text: 'Invoice No.:',
      confidence: 0.9,
      box: { page: 2, x: 0.01, y: 0.05, w: 0.11, h: expect.closeTo(0.01, 9) },
    });
    expect(runs[1]?.confidence).toBe(0.6);
  });

  it('keeps the words of one cell in one run when they are most of a word height apart, and parts cells a little more apart', () => {
    // Word boxes 20 high: a scanned description's words 14 apart (a space and two side bearings), the next
    // column 26 apart, as the tightly set tables of ERP invoices are.
    const runs = runsFromLines(
      [line(word("Men's", 0, 50), word('cotton', 64, 120), word('shirt', 134, 180), word('ST-0646', 206, 280))],
      upright,
      0,
    );
    expect(runs.map((r) => r.text)).toEqual(["Men's cotton shirt", 'ST-0646']);
  });

  it('drops a closing quote mark read before a word (what is left of a cleared rule), and keeps one after it', () => {
    const runs = runsFromLines([line(word('”单位', 0, 40), word('’Qty', 200, 240), word('12”', 400, 440))], upright, 0);
    expect(runs.map((r) => r.text)).toEqual(['单位', 'Qty', '12”']);
  });

  it('gives back the gap under a mark read where the page has no ink: a quote before a header cell joins no cell', () => {
    // "Q'ty" then "单价", 29 pixels apart (a column gap at word height 20), Tesseract reading a quote mark before 单
    // whose box reaches back over the gap.
    const quoted: OcrWord = {
      ...word('”单价', 50, 100),
      symbols: [
        { text: '”', bbox: { x0: 50, y0: 100, x1: 75, y1: 120 } },
        { text: '单', bbox: { x0: 69, y0: 100, x1: 88, y1: 120 } },
        { text: '价', bbox: { x0: 90, y0: 100, x1: 100, y1: 120 } },
      ],
    };
    const runs = runsFromLines([line(word("Q'ty", 0, 40), quoted)], upright, 0);
    expect(runs.map((r) => r.text)).toEqual(["Q'ty", '单价']);
    expect(runs[1]?.box.x).toBeCloseTo(0.069, 9);
    // Without the characters' boxes the word's own box is all there is.
    const bare = { ...quoted, symbols: [] };
    expect(runsFromLines([line(word("Q'ty", 0, 40), bare)], upright, 0).map((r) => r.text)).toEqual(["Q'ty 单价"]);
  });

  it('parts a Chinese name from the English name right after it, and keeps a space-wide gap after Chinese', () => {
    // Word height 20: the next cell 16 pixels after the Chinese (0.8 heights), a space 8 after it (0.4).
    const cells = runsFromLines([line(word('太阳能电池板', 0, 120), word('Solar', 136, 180))], upright, 0);
    expect(cells.map((r) => r.text)).toEqual(['太阳能电池板', 'Solar']);
    const label = runsFromLines([line(word('数量', 0, 40), word("Q'ty", 48, 90))], upright, 0);
    expect(label.map((r) => r.text)).toEqual(["数量 Q'ty"]);
    // Between Latin words the same 16 pixels are a space.
    const english = runsFromLines([line(word('Solar', 0, 50), word('panel', 66, 120))], upright, 0);
    expect(english.map((r) => r.text)).toEqual(['Solar panel']);
  });

  it('parts two words a table rule stood between, however close, on the picture as given, and drops a quote left of the rule', () => {
    // Cells padded 7 pixels either side of a cleared rule at x = 47: 14 pixels apart at word height 20.
    const read = [line(word('Cup', 0, 40), word('1200', 54, 100))];
    expect(runsFromLines(read, upright, 0).map((r) => r.text)).toEqual(['Cup 1200']);
    const rule = { x0: 47, y0: 50, x1: 47, y1: 300 };
    expect(runsFromLines(read, { ...upright, rules: [rule] }, 0).map((r) => r.text)).toEqual(['Cup', '1200']);
    // The same page given upside down (1000 × 2000): the rule is where the turn put it.
    const turned = { ...upright, turn: 180, rules: [{ x0: 953, y0: 1700, x1: 953, y1: 1950 }] } as const;
    expect(runsFromLines(read, turned, 0).map((r) => r.text)).toEqual(['Cup', '1200']);
    // A quote mark opening the word after a rule is what is left of the rule; elsewhere it is kept.
    const quoted = [line(word('Unit', 0, 40), word('“金额', 60, 120))];
    const ruled = { ...upright, rules: [{ x0: 50, y0: 50, x1: 50, y1: 300 }] };
    expect(runsFromLines(quoted, ruled, 0).map((r) => r.text)).toEqual(['Unit', '金额']);
    expect(runsFromLines(quoted, upright, 0).map((r) => r.text)).toEqual(['Unit “金额']);
    // A rule across the page (under the line) parts nothing.
    const under = { ...upright, rules: [{ x0: 0, y0: 130, x1: 900, y1: 130 }] };
    expect(runsFromLines(read, under, 0).map((r) => r.text)).toEqual(['Cup 1200']);
    // Nor does a rule along the line's own middle (y = 110), away to its right: the border of a panel beside it.
    const along = { ...upright, rules: [{ x0: 500, y0: 110, x1: 900, y1: 110 }] };
    expect(runsFromLines(read, along, 0).map((r) => r.text)).toEqual(['Cup 1200']);
  });

  it('puts the boxes back on the picture as given, whichever quarter turn made it upright', () => {
    // Upright, the word is at (10,20)–(30,40) of a 100×200 page; the picture given was 200×100 (turned a quarter).
    const read = [line(word('X', 10, 30, 90, 20, 40))];
    const box = (turn: 0 | 90 | 180 | 270) => {
      const [width, height] = turn % 180 ? [200, 100] : [100, 200];
      const [run] = runsFromLines(read, { width, height, turn, skew: 0, rules: [] }, 0);
      if (!run) throw new Error('no run read');
      return [run.box.x, run.box.y, run.box.w, run.box.h].map((n) => Math.round(n * 1000) / 1000);
    };
    expect(box(0)).toEqual([0.1, 0.1, 0.2, 0.1]);
    expect(box(180)).toEqual([0.7, 0.8, 0.2, 0.1]);
    // Given turned a quarter counter-clockwise: the page's top-left corner is at the picture's bottom-left.
    expect(box(90)).toEqual([0.1, 0.7, 0.1, 0.2]);
    // Given turned a quarter clockwise: the page's top-left corner is at the picture's top-right.
    expect(box(270)).toEqual([0.8, 0.1, 0.1, 0.2]);
  });
});
