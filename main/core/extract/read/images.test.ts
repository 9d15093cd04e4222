import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { pngWithOrientation } from '../ocr/picture-turn';
import { darkPixels, jpegWithOrientation } from '../../../../test-support/main/page-pictures';
import { imagePage, pngOrientation } from './images';

// The page as the broker sees it: portrait, with a wide black bar near its top-left corner. Turned or mirrored any
// other way, the bar would stand tall or lie in another corner.
const [W, H] = [240, 320];
const bar = { x: 12, y: 16, w: 96, h: 24 };

/**
 * Where the pixel at (X, Y) of the page as shown is stored under each EXIF Orientation value: the EXIF standard's
 * table of what the stored picture's first row and first column are (2: the top row, the right column: mirrored
 * left to right; 5: the left column, the top row: mirrored along the diagonal; 6: the right column, the top row).
 */
const storedAt: Record<number, (X: number, Y: number) => [number, number]> = {
  1: (X, Y) => [X, Y],
  2: (X, Y) => [W - X, Y],
  3: (X, Y) => [W - X, H - Y],
  4: (X, Y) => [X, H - Y],
  5: (X, Y) => [Y, X],
  6: (X, Y) => [Y, W - X],
  7: (X, Y) => [H - Y, W - X],
  8: (X, Y) => [H - Y, X],
};

/** The picture as a camera stores it under `orientation`, the bar drawn where that puts it. */
function stored(orientation: number) {
  const sideways = orientation >= 5;
  const canvas = createCanvas(sideways ? H : W, sideways ? W : H);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const at = storedAt[orientation];
  if (!at) throw new Error(`no orientation ${orientation}`);
  const [ax, ay] = at(bar.x, bar.y);
  const [bx, by] = at(bar.x + bar.w, bar.y + bar.h);
  context.fillStyle = '#000000';
  context.fillRect(Math.min(ax, bx), Math.min(ay, by), Math.abs(bx - ax), Math.abs(by - ay));
  return {
    jpeg: jpegWithOrientation(new Uint8Array(canvas.encodeSync('jpeg', 95)), orientation),
    png: pngWithOrientation(new Uint8Array(canvas.encodeSync('png')), orientation),
  };
}

/** The box in fractions of the page as shown, grown (or shrunk, when negative) by `by` pixels each side. */
const around = (by: number) => ({
  x: (bar.x - by) / W,
  y: (bar.y - by) / H,
  w: (bar.w + 2 * by) / W,
  h: (bar.h + 2 * by) / H,
});

describe('an image file’s EXIF orientation', () => {
  // 2, 4, 5 and 7 mirror the picture as well (a phone's front camera that keeps the mirror image, an editor's flip).
  it.each([1, 2, 3, 4, 5, 6, 7, 8].flatMap((o) => [['jpeg', o] as const, ['png', o] as const]))(
    'a %s stored with orientation %i is read upright and unmirrored',
    async (kind, orientation) => {
      const page = await imagePage(kind, stored(orientation)[kind], 0);
      expect([page.width, page.height]).toEqual([W, H]);
      // The bar is whole where it is shown (a pixel of JPEG's blur in from its edges), and there is no ink elsewhere.
      const inside = around(-2);
      expect(await darkPixels(page.png, inside)).toBe((bar.w - 4) * (bar.h - 4));
      const everywhere = await darkPixels(page.png, { x: 0, y: 0, w: 1, h: 1 });
      expect(everywhere - (await darkPixels(page.png, around(3)))).toBe(0);
    },
  );

  it('is read from a PNG’s eXIf chunk, before or after the picture’s data, and is 1 without one', () => {
    const plain = new Uint8Array(createCanvas(8, 8).encodeSync('png'));
    expect(pngOrientation(plain)).toBe(1);
    expect(pngOrientation(pngWithOrientation(plain, 7))).toBe(7);
    // The same chunk just before IEND (the last 12 bytes), where an editor that adds metadata last puts it.
    const chunk = pngWithOrientation(plain, 5).subarray(33, 33 + 12 + 26);
    const late = new Uint8Array([...plain.subarray(0, -12), ...chunk, ...plain.subarray(-12)]);
    expect(pngOrientation(late)).toBe(5);
  });
});
