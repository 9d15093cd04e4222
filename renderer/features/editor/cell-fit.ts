// A goods-grid text cell shows as much of its value as fits its column and ends a cut value with "…".
// Why not CSS's text-overflow: it needs `overflow: hidden`, and each clipping box is a clip of its own
// in the browser's paint: with ~200 text cells on screen, layerization and paint grew with them on every
// keystroke's frame. The cut is made once per value (a row renders when its line changes), by an upper bound
// of each character's width, so a cut value never runs under the next cell.

/** The grid's text size (px): `.lines td { font-size: 12px }` in styles.css. */
const FONT_PX = 12;
/** What a text cell's box takes from its column (px): the cell's padding and right border, the text's padding. */
const CELL_CHROME_PX = 2 + 1 + 14;
const ELLIPSIS = '…';

/**
 * The widest a character can be drawn, in em, in the fonts the app names (Noto Sans CJK first): CJK and
 * full-width characters one em; the widest Latin letters one em; other capitals, symbols and digits under
 * 0.75 em; lower case under 0.62 em; spaces and narrow punctuation under 0.4 em.
 */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code > 0x7e) return 1;
  if ('MWmw@%'.includes(ch)) return 1;
  if (' .,:;|!\'"`ijlI()[]{}-'.includes(ch)) return 0.4;
  if (ch >= 'a' && ch <= 'z') return 0.62;
  return 0.75;
}

/** The widest `text` can be drawn at the grid's text size (px), by the same upper bound as a cell's value. */
function textPx(text: string): number {
  return Array.from(text).reduce((sum, ch) => sum + charEm(ch), 0) * FONT_PX;
}

/** What a column head's box takes from its column (px): `.lines thead th`'s padding and right border. */
const HEAD_CHROME_PX = 4 + 4 + 1;

/**
 * The narrowest column that shows its head whole, on at most two lines broken at a space (px). An English head is
 * often longer than the column's values ("Unit of quantity" over three-letter unit codes): cut to "Unit of qua…", a
 * broker could not tell the grid's three unit columns apart; a second line costs less width than one long line. A
 * head without a space (Chinese) stays on one line.
 */
export function headFitPx(label: string): number {
  const words = label.split(' ');
  let text = textPx(label);
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i), words.slice(i)].map((part) => textPx(part.join(' ')));
    text = Math.min(text, Math.max(...lines));
  }
  return Math.ceil(text) + HEAD_CHROME_PX;
}

/** The value as it fits a text cell of a column `columnPx` wide: whole, or cut with "…" at the end. */
export function fitCellText(value: string, columnPx: number): { text: string; cut: boolean } {
  const room = (columnPx - CELL_CHROME_PX) / FONT_PX;
  let used = 0;
  let end = 0;
  const chars = Array.from(value);
  for (const ch of chars) {
    used += charEm(ch);
    if (used > room) break;
    end++;
  }
  if (end === chars.length) return { text: value, cut: false };
  // Room for the ellipsis (one em at most) comes out of the characters kept.
  let kept = end;
  let width = chars.slice(0, kept).reduce((sum, ch) => sum + charEm(ch), 0);
  while (kept > 0 && width + 1 > room) {
    kept--;
    width -= charEm(chars[kept] ?? '');
  }
  return { text: chars.slice(0, kept).join('') + ELLIPSIS, cut: true };
}
