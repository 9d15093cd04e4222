import type { PatchOp } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { formatScaled, toScaled } from '../../../shared/validation/decimal';

// Amounts a goods line works out as the broker keys: 申报总价 = 成交数量 × 申报单价 (or 申报单价 =
// 申报总价 ÷ 成交数量 when the total was keyed), and 法定第一/第二数量 = 成交数量 when the legal unit
// is the deal unit. Exact decimal arithmetic on the strings (scaled integers, never floating
// point). A computed field is only ever written while it is empty or still holds what was
// computed for it: a value the broker typed is never overwritten.

/** DeclPrice is N19,4 and GQty N19,5 (the catalog); a total is rounded to cents, as the sample message writes it. */
const PRICE = 4;
const QTY = 5;
const TOTAL_DIGITS = 2;

/** What the desk wrote into each computed field, by path: a field still holding it is the desk's to recompute. */
export type Computed = Map<string, string>;

const trimZeros = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** price × qty, rounded half up to cents. */
export function totalOf(price: string, qty: string): string | null {
  const p = toScaled(price, PRICE);
  const q = toScaled(qty, QTY);
  if (p === null || q === null) return null;
  return trimZeros(formatScaled(p * q, PRICE + QTY, TOTAL_DIGITS));
}

/** total ÷ qty, rounded half up to the unit price's 4 places; null for no quantity. */
export function priceOf(total: string, qty: string): string | null {
  const t = toScaled(total, PRICE);
  const q = toScaled(qty, QTY);
  if (t === null || q === null || q === 0n) return null;
  // (t·10^-4) ÷ (q·10^-5) = t·10 ÷ q; in 10^-4 units with one digit more to round on: t·10^(5+1) ÷ q.
  const scaled = (t * 10n ** BigInt(QTY + 1)) / q;
  return trimZeros(formatScaled((scaled + 5n) / 10n, PRICE));
}

/** The legal quantity in `unitKey`'s unit, when it is the deal unit: the deal quantity itself. */
function sameUnitQty(line: Row, unitKey: 'FirstUnit' | 'SecondUnit'): string | null {
  const unit = line[unitKey] ?? '';
  const qty = line.GQty ?? '';
  return unit !== '' && unit === (line.GUnit ?? '') && toScaled(qty, QTY) !== null ? qty.trim() : null;
}

/**
 * The computed fields' edits after the broker set `key` on goods line `index` (the line as it is now), and what the
 * memory of computed values becomes. A computed field whose inputs are gone is emptied, if it is still the desk's.
 */
export function lineAmountOps(line: Row, index: number, key: string, computed: Computed): PatchOp[] {
  const path = (k: string) => `lines[${index}].${k}`;
  // The broker's own value from now on (or an empty field the desk may fill again).
  computed.delete(path(key));
  const free = (k: string) => (line[k] ?? '') === '' || computed.get(path(k)) === (line[k] ?? '');
  const ops: PatchOp[] = [];
  const write = (k: string, value: string | null) => {
    if (!free(k)) return;
    const next = value ?? '';
    if (next === (line[k] ?? '')) {
      if (next !== '') computed.set(path(k), next);
      return;
    }
    ops.push({ op: 'set', path: path(k), value: next });
    if (next === '') computed.delete(path(k));
    else computed.set(path(k), next);
  };
  const price = line.DeclPrice ?? '';
  const qty = line.GQty ?? '';
  const total = line.DeclTotal ?? '';
  if (key === 'GQty' || key === 'DeclPrice') {
    // Quantity or price keyed: the total follows, unless the broker typed it; then the price follows the total.
    if (free('DeclTotal')) write('DeclTotal', totalOf(price, qty));
    else if (key === 'GQty' && free('DeclPrice') && total !== '') write('DeclPrice', priceOf(total, qty));
  } else if (key === 'DeclTotal') {
    write('DeclPrice', priceOf(total, qty));
  }
  if (key === 'GQty' || key === 'GUnit' || key === 'FirstUnit') write('FirstQty', sameUnitQty(line, 'FirstUnit'));
  if (key === 'GQty' || key === 'GUnit' || key === 'SecondUnit') write('SecondQty', sameUnitQty(line, 'SecondUnit'));
  return ops;
}

/**
 * A memory of goods-line fields by path (what was computed, or typed) after goods lines were added, removed or moved:
 * the paths follow their lines.
 */
export function remapComputed<T>(computed: Map<string, T>, op: PatchOp): void {
  if (op.op === 'set' || op.table !== 'lines') return;
  const moved = new Map<string, T>();
  for (const [p, value] of computed) {
    const match = /^lines\[(\d+)\]\.(\w+)$/.exec(p);
    if (!match) continue;
    let line = Number(match[1]);
    if (op.op === 'insertRow') {
      if (op.index !== undefined && line >= op.index) line++;
    } else if (op.op === 'removeRow') {
      if (line === op.index) continue;
      if (line > op.index) line--;
    } else if (line === op.from) line = op.to;
    else if (op.from < op.to && line > op.from && line <= op.to) line--;
    else if (op.from > op.to && line >= op.to && line < op.from) line++;
    moved.set(`lines[${line}].${match[2] ?? ''}`, value);
  }
  computed.clear();
  for (const [p, value] of moved) computed.set(p, value);
}
