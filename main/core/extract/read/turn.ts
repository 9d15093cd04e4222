import type { Box } from '../../../../shared/extract/document';
import type { QuarterTurn } from '../ocr/picture-turn';

/** The quarter turn (0, 90, 180 or 270 degrees clockwise) nearest to `degrees`: a scan's small skew is not turned. */
export function quarterTurn(degrees: number): QuarterTurn {
  return ((((Math.round(degrees / 90) % 4) + 4) % 4) * 90) as QuarterTurn;
}

/**
 * A box in fractions of a picture, as it falls on the picture turned clockwise by `turn` (a quarter turn): a page
 * OCR read sideways is given upright, its boxes with it, so the parser reads its table like any other.
 */
export function turnedBox(box: Box, turn: number): Box {
  const { x, y, w, h } = box;
  if (turn === 90) return { ...box, x: 1 - y - h, y: x, w: h, h: w };
  if (turn === 180) return { ...box, x: 1 - x - w, y: 1 - y - h };
  if (turn === 270) return { ...box, x: y, y: 1 - x - w, w: h, h: w };
  return box;
}
