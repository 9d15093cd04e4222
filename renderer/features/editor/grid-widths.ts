import { findElement, goodsDeclaration, labelOf } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { headFitPx } from './cell-fit';
import { gridColumns } from './form-layout';

export const NUMBER_WIDTH = 44;
export const ACTIONS_WIDTH = 170;

/** Each goods-grid column's width (px) by its XML name, and the table's width with 项号 and the row actions. */
export interface GridWidths {
  readonly columns: ReadonlyMap<string, number>;
  readonly table: number;
}

export function columnLabel(xml: string, locale: Locale, ieFlag: 'I' | 'E'): string {
  const def = findElement(goodsDeclaration, 'lines', xml);
  return def ? labelOf(def, locale, ieFlag) : xml;
}

/**
 * A column wide enough for its values and its heading in the UI's language and the declaration's direction (an
 * English head on up to two lines): codes narrow, names and specifications wide.
 */
function columnWidth(xml: string, locale: Locale, ieFlag: 'I' | 'E'): number {
  const def = findElement(goodsDeclaration, 'lines', xml);
  if (!def) return 90;
  const content = def.type !== 'string' ? 96 : Math.min(260, Math.max(64, def.length * 9 + 20));
  return Math.max(content, def.zh.length * 13 + 12, headFitPx(columnLabel(xml, locale, ieFlag)));
}

// Four languages × directions at most. The grid renders a row again on each keystroke in it: measuring every head's
// label then (a catalog look-up and each break of the label tried) would be work per keystroke for a fixed answer.
const widthsOf = new Map<string, GridWidths>();

/** The goods grid's widths in `locale` for a declaration of direction `ieFlag`, worked out once for each pair. */
export function gridWidths(locale: Locale, ieFlag: 'I' | 'E'): GridWidths {
  const key = `${locale}|${ieFlag}`;
  const known = widthsOf.get(key);
  if (known) return known;
  const columns = new Map(gridColumns.map((xml) => [xml, columnWidth(xml, locale, ieFlag)] as const));
  const table = NUMBER_WIDTH + ACTIONS_WIDTH + [...columns.values()].reduce((sum, width) => sum + width, 0);
  const widths = { columns, table };
  widthsOf.set(key, widths);
  return widths;
}
