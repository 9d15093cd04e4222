import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { preparePage } from './clear-rules';

// An A4 page at 120 dpi: the type of an invoice (10 points) is about 17 pixels high on it.
const width = 1000;
const height = 1400;

/** A white page, `ink` painting black pixels on it, as PNG bytes. */
function page(ink: (set: (x: number, y: number) => void) => void): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(255);
  ink((x, y) => {
    const i = (y * width + x) * 4;
    png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
  });
  return new Uint8Array(PNG.sync.write(png));
}

function black(bytes: Uint8Array, x: number, y: number): boolean {
  const png = PNG.sync.read(Buffer.from(bytes));
  return (png.data[(y * width + x) * 4] ?? 255) < 128;
}

/** A character a little larger than the type: "十", a stroke across and one down, 24 pixels each. */
function glyph(set: (x: number, y: number) => void, left: number, top: number): void {
  for (let i = 0; i < 24; i++) {
    set(left + i, top + 12);
    set(left + 12, top + i);
  }
}

describe('clearing the rules of a table before OCR', () => {
  it('paints a boxed table’s rules white, says where they were, and leaves the characters in its cells as they were', () => {
    const ruled = page((set) => {
      // Rules two pixels thick: three across, three down, boxing two cells.
      for (const y of [100, 140, 180])
        for (let x = 40; x <= 960; x++) {
          set(x, y);
          set(x, y + 1);
        }
      for (const x of [40, 500, 960])
        for (let y = 100; y <= 181; y++) {
          set(x, y);
          set(x + 1, y);
        }
      glyph(set, 60, 108);
      glyph(set, 520, 150);
    });
    const prepared = preparePage(ruled);
    const cleared = prepared.png;
    // Each rule is given back end to end, so the words either side of one can be kept apart.
    expect(prepared.rules).toContainEqual({ x0: 500, y0: 100, x1: 500, y1: 181 });
    expect(prepared.rules).toContainEqual({ x0: 40, y0: 140, x1: 961, y1: 140 });
    expect(prepared.rules.every((r) => r.x1 - r.x0 >= 100 || r.y1 - r.y0 >= 56)).toBe(true);
    for (const [x, y] of [
      [100, 100],
      [800, 181],
      [40, 120],
      [961, 160],
      [500, 115],
    ] as const)
      expect(black(cleared, x, y), `${x},${y}`).toBe(false);
    for (const [x, y] of [
      [72, 108],
      [60, 120],
      [532, 173],
      [543, 162],
    ] as const)
      expect(black(cleared, x, y), `${x},${y}`).toBe(true);
  });

  it('clears a rule scanned a degree or two crooked, which steps a pixel every few dozen', () => {
    const crooked = page((set) => {
      for (let x = 20; x < 980; x++) set(x, 200 + Math.floor(x / 30));
    });
    const cleared = preparePage(crooked).png;
    for (const x of [20, 29, 30, 500, 979]) expect(black(cleared, x, 200 + Math.floor(x / 30)), `${x}`).toBe(false);
  });

  it('gives a page without rules back as it was, Chinese set solid (strokes across two pixels apart) included', () => {
    const text = page((set) => {
      for (let i = 0; i < 36; i++) glyph(set, 20 + i * 26, 40);
    });
    expect(preparePage(text).png).toBe(text);
  });

  it('calls a page speckled when most of its blobs of ink are specks, and a page of text with its full stops not', () => {
    const line = (set: (x: number, y: number) => void) => {
      for (let i = 0; i < 30; i++) {
        glyph(set, 20 + i * 30, 40);
        // A full stop after every third character, as in "CO., LTD.", "No.:".
        if (i % 3 === 2) set(46 + i * 30, 62);
      }
    };
    expect(preparePage(page(line)).speckled).toBe(false);
    const dusty = page((set) => {
      line(set);
      // Dust: a pixel on every 40th of a grid across the page.
      for (let y = 100; y < height; y += 40) for (let x = 5; x < width; x += 40) set(x, y);
    });
    expect(preparePage(dusty).speckled).toBe(true);
  });
});
