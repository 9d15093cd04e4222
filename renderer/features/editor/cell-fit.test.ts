import { describe, expect, it } from 'vitest';
import { fitCellText, headFitPx } from './cell-fit';

// A goods-grid text cell cuts its value to its column by the widest each character can be drawn at 12 px.
describe('a text cell’s value cut to its column', () => {
  it('keeps a value that fits whole', () => {
    expect(fitCellText('鲜苹果', 120)).toEqual({ text: '鲜苹果', cut: false });
    expect(fitCellText('0808100000', 120)).toEqual({ text: '0808100000', cut: false });
    expect(fitCellText('', 60)).toEqual({ text: '', cut: false });
  });

  it('cuts a longer one and ends it with …, within the column', () => {
    // 120 px less the cell's 17 px of padding and border: 8.6 em; each CJK character takes one, the … one.
    expect(fitCellText('富士苹果一级果径八十毫米以上', 120)).toEqual({ text: '富士苹果一级果…', cut: true });
    const latin = fitCellText('WWWWWWWWWWWWWWWWWWWW', 120);
    expect(latin).toEqual({ text: 'WWWWWWW…', cut: true });
  });

  it('lets narrow characters take less room than wide ones', () => {
    const digits = fitCellText('1234567890123456', 120).text;
    const wide = fitCellText('MMMMMMMMMMMMMMMM', 120).text;
    expect(digits.length).toBeGreaterThan(wide.length);
  });

  it('counts a character outside the BMP once', () => {
    expect(fitCellText('𠀀𠀀', 60)).toEqual({ text: '𠀀𠀀', cut: false });
  });
});

// A goods-grid column head is read whole: an English one on up to two lines broken at a space.
describe('the width a column head needs', () => {
  it('takes the longer half of an English head broken at its best space, never a word cut', () => {
    // "Unit of" 4.03 em, "quantity" 4.74 em at 12 px: 56.88 px, plus the head's 9 px of padding and border.
    expect(headFitPx('Unit of quantity')).toBe(66);
    expect(headFitPx('Unit of quantity')).toBeLessThan(headFitPx('Unit of') + headFitPx('quantity'));
    expect(headFitPx('Specification (declaration elements)')).toBeGreaterThanOrEqual(
      headFitPx('(declaration elements)'),
    );
  });

  it('keeps a head without a space on one line', () => {
    expect(headFitPx('成交计量单位')).toBe(6 * 12 + 9);
    expect(headFitPx('Currency')).toBe(Math.ceil((0.75 + 7 * 0.62) * 12) + 9);
  });
});
