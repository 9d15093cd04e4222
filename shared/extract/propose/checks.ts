import type { Exact } from '../../taxes/exact';
import { cmp, exact, format, mul, parseDecimal, roundScaled, sum } from '../../taxes/exact';
import type { DocumentLine, DocumentTotals, ExtractionMismatch, Found, ParsedDocument } from '../document';

const totalKinds = ['quantity', 'amount', 'packages', 'netWeight', 'grossWeight'] as const;

function value(found: Found | undefined): Exact | null {
  return found ? parseDecimal(found.value) : null;
}

/** The decimals a value is printed with, so that a sum is shown as the document would print it. */
function places(found: Found | undefined): number {
  return found?.value.split('.')[1]?.length ?? 0;
}

/**
 * A document's lines against the totals it prints: for each total printed, the sum of the lines that give
 * the value. A total the lines cannot be summed for (no line gives it) is not judged.
 */
export function totalsMismatches(doc: ParsedDocument): ExtractionMismatch[] {
  const out: ExtractionMismatch[] = [];
  for (const kind of totalKinds) {
    const printed = doc.totals[kind as keyof DocumentTotals];
    const stated = value(printed);
    const parts = doc.lines.map((l) => value(l[kind])).filter((v): v is Exact => v !== null);
    if (!printed || !stated || parts.length === 0) continue;
    const total = sum(parts);
    if (cmp(total, stated) !== 0)
      out.push({
        kind: 'total',
        field: kind,
        expected: printed.value,
        actual: format(total, Math.max(...[printed, ...doc.lines.map((l) => l[kind])].map(places))),
        fileName: doc.fileName,
        ...(printed.box ? { box: printed.box } : {}),
      });
  }
  return out;
}

/**
 * Rows that look like goods rows after the document's totals row, which no line holds: said first, since they explain
 * a total that does not add up — and are the only sign when the row taken as the total was a page's sub-total, which
 * the lines read do add up to.
 */
export function rowsAfterTotalsMismatches(doc: ParsedDocument): ExtractionMismatch[] {
  const after = doc.rowsAfterTotals;
  if (!after) return [];
  return [
    {
      kind: 'rows-after-totals',
      field: 'rows',
      expected: String(after.rows),
      actual: '',
      fileName: doc.fileName,
      box: after.box,
    },
  ];
}

/**
 * A line's quantity × unit price against its amount, to the cent (rounded half up, as invoices round): an
 * OCR slip in any of the three shows here.
 */
export function arithmeticMismatch(line: DocumentLine): { expected: string; actual: string } | null {
  const q = value(line.quantity);
  const p = value(line.unitPrice);
  const a = value(line.amount);
  if (!q || !p || !a) return null;
  const product = roundScaled(mul(q, p), 2);
  if (product === roundScaled(a, 2)) return null;
  return { expected: line.amount?.value ?? '', actual: format(exact(product, 100n), 2) };
}

/** Whether two quantities printed differ as numbers ("1000" and "1000.00" agree). */
export function differ(a: Found | undefined, b: Found | undefined): boolean {
  const x = value(a);
  const y = value(b);
  return x !== null && y !== null && cmp(x, y) !== 0;
}
