import { absDiff, formatScaled, toScaled } from './decimal';
import type { Rule } from './types';

const KG = 5; // weights are Decimal(19,5)
const ONE_KG = 10n ** BigInt(KG);

/**
 * 毛重 ≥ 净重 > 0, each at least 1 kg ("不足一千克的填报为1", DOMAIN.md §1.1 S7), and 件数 ≥ 1
 * (bulk goods count 1). Only values that are well-formed numbers are compared; malformed ones
 * are reported by the format check.
 */
export const weightRules: Rule = (doc, _ctx, out) => {
  const gross = toScaled(doc.head.GrossWet ?? '', KG);
  const net = toScaled(doc.head.NetWt ?? '', KG);
  for (const [field, value] of [
    ['GrossWet', gross],
    ['NetWt', net],
  ] as const) {
    if (value === null) continue;
    if (value === 0n)
      out.push({ path: `head.${field}`, code: 'weight-not-positive', severity: 'error', params: { field } });
    else if (value < ONE_KG)
      out.push({ path: `head.${field}`, code: 'weight-below-one', severity: 'error', params: { field } });
  }
  if (gross !== null && net !== null && gross < net) {
    out.push({
      path: 'head.GrossWet',
      code: 'gross-below-net',
      severity: 'error',
      params: { gross: doc.head.GrossWet ?? '', net: doc.head.NetWt ?? '' },
    });
  }
  const packNo = doc.head.PackNo ?? '';
  if (/^\d+$/.test(packNo) && Number(packNo) < 1)
    out.push({ path: 'head.PackNo', code: 'pack-no-min', severity: 'error', params: {} });
};

// DeclPrice Decimal(19,4) × GQty Decimal(19,5) is exact at 9 places; DeclTotal Decimal(19,4).
const PRICE = 4;
const QTY = 5;
const PRODUCT = PRICE + QTY;
/** Totals are commonly rounded to 2 places (the sample message does): half a cent. */
const TOTAL_ROUNDING = 5n * 10n ** BigInt(PRODUCT - 3);

/**
 * 申报总价 ≈ 申报单价 × 成交数量, allowing for the rounding either way round a broker works: the
 * total rounded to 2 places (±0.005) and a unit price rounded to 4 places from total ÷ quantity
 * (±0.00005 per unit of quantity).
 */
export const totalRule: Rule = (doc, _ctx, out) => {
  doc.lines.forEach((line, i) => {
    const price = toScaled(line.DeclPrice ?? '', PRICE);
    const qty = toScaled(line.GQty ?? '', QTY);
    const total = toScaled(line.DeclTotal ?? '', PRICE);
    if (price === null || qty === null || total === null) return;
    const product = price * qty;
    const tolerance = TOTAL_ROUNDING + (qty + 1n) / 2n;
    if (absDiff(total * 10n ** BigInt(QTY), product) > tolerance) {
      out.push({
        path: `lines[${i}].DeclTotal`,
        code: 'total-mismatch',
        severity: 'error',
        params: { expected: formatScaled(product, PRODUCT, 2), total: line.DeclTotal ?? '' },
      });
    }
  });
};

/** When the deal unit is the first legal unit, the two quantities are the same quantity. */
export const firstQtyRule: Rule = (doc, _ctx, out) => {
  doc.lines.forEach((line, i) => {
    if (!line.GUnit || line.GUnit !== line.FirstUnit) return;
    const g = toScaled(line.GQty ?? '', QTY);
    const f = toScaled(line.FirstQty ?? '', QTY);
    if (g !== null && f !== null && g !== f)
      out.push({
        path: `lines[${i}].FirstQty`,
        code: 'first-qty-differs',
        severity: 'warning',
        params: { qty: line.GQty ?? '' },
      });
  });
};
