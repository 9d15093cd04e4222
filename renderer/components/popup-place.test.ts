import { describe, expect, it } from 'vitest';
import { LIST_MAX_HEIGHT, placeList } from './popup-place';

const viewport = { width: 1000, height: 700 };
const field = (left: number, top: number, width = 200, height = 24) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
  width,
});

describe('where a field’s list goes', () => {
  it('under the field, as tall as its options up to the most a list grows', () => {
    expect(placeList(field(100, 100), { width: 300, height: 120 }, viewport)).toMatchObject({
      position: 'fixed',
      left: 100,
      top: 126,
      maxHeight: LIST_MAX_HEIGHT,
    });
  });

  it('above the field near the window’s bottom edge, never past the window', () => {
    const place = placeList(field(100, 600), { width: 300, height: 400 }, viewport);
    expect(place).toMatchObject({ bottom: 102, maxHeight: LIST_MAX_HEIGHT });
    expect(place.top).toBeUndefined();
  });

  it('under the field when a short list fits there, even with more room above', () => {
    expect(placeList(field(100, 600), { width: 300, height: 60 }, viewport)).toMatchObject({ top: 626 });
  });

  it('shrinks to the room there is on the larger side of a small window', () => {
    const place = placeList(field(100, 100), { width: 300, height: 400 }, { width: 1000, height: 320 });
    expect(place).toMatchObject({ top: 126, maxHeight: 320 - 126 - 4 });
  });

  it('moves left to stay inside the window’s right edge, and is never wider than the window', () => {
    expect(placeList(field(900, 100, 90), { width: 300, height: 100 }, viewport)).toMatchObject({ left: 696 });
    expect(placeList(field(10, 100), { width: 2000, height: 100 }, viewport)).toMatchObject({
      left: 4,
      maxWidth: 992,
    });
  });

  it('is at least as wide as the field', () => {
    expect(placeList(field(100, 100, 480), { width: 100, height: 100 }, viewport)).toMatchObject({ minWidth: 480 });
  });
});
