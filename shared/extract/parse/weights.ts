import type { Column, ColumnKind, Header } from './header';
import { headerKind } from './header';
import type { Line } from './layout';
import { cellNumber, inColumn } from './cells';

/** The number a line sets in a column (a unit after it aside), or undefined. */
function numberIn(line: Line, column: Column, european: boolean): number | undefined {
  const value = cellNumber(
    line.runs.filter((r) => inColumn(r, column)),
    european,
  );
  return value === null ? undefined : Number(value);
}

/**
 * Whether, on the lines under the header, the first column's number is a net weight to the second's gross weight:
 * on at least two lines setting both (the rows and the totals row), and on three in four of them, the first is no more
 * than the second and at least half of it (a number OCR misread, "31.51" read "3151", must not undo the rest). A
 * packing list's net weight is the goods less their packing, most of the gross weight; a count of cartons or a volume
 * in cubic metres beside a gross weight is a small fraction of it.
 */
function netToGross(lines: readonly Line[], net: Column, gross: Column, european: boolean): boolean {
  let pairs = 0;
  let agree = 0;
  for (const line of lines) {
    const n = numberIn(line, net, european);
    const g = numberIn(line, gross, european);
    if (n === undefined || g === undefined) continue;
    pairs++;
    if (n <= g && n >= g / 2) agree++;
  }
  return agree >= 2 && agree >= pairs * 0.75;
}

/**
 * A packing list's weight columns whose headers OCR garbled ("净重 (千克)" read "HH (T 5)"), named by what they hold.
 * Chinese headers set in a narrow ruled table are where an OCR engine misreads most; the weights under them are read
 * right. A column naming nothing becomes the net weight when it stands just left of the gross weight column and
 * holds most of each line's gross weight, or the gross weight just right of the net weight's; two neighbouring
 * unnamed columns become both when the document's own numbers say so on every line. `lines` are the lines under
 * the header on its page.
 */
export function weightsByValue(header: Header, lines: readonly Line[], european: boolean): Header {
  const columns = header.columns;
  const has = (kind: ColumnKind) => columns.some((c) => c.kind === kind);
  if (has('netWeight') && has('grossWeight')) return header;
  const unnamed = (c: Column | undefined) =>
    c !== undefined && c.kind === 'other' && headerKind(c.header) === undefined;
  const named = new Map<Column, ColumnKind>();
  columns.forEach((c, i) => {
    const next = columns[i + 1];
    if (!next) return;
    if (unnamed(c) && next.kind === 'grossWeight' && !has('netWeight') && netToGross(lines, c, next, european))
      named.set(c, 'netWeight');
    else if (c.kind === 'netWeight' && unnamed(next) && !has('grossWeight') && netToGross(lines, c, next, european))
      named.set(next, 'grossWeight');
    else if (unnamed(c) && unnamed(next) && !has('netWeight') && !has('grossWeight') && named.size === 0) {
      if (netToGross(lines, c, next, european)) named.set(c, 'netWeight').set(next, 'grossWeight');
    }
  });
  if (named.size === 0) return header;
  return { ...header, columns: columns.map((c) => ({ ...c, kind: named.get(c) ?? c.kind })) };
}
