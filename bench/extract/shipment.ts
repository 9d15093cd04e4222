// A shipment drawn from a seed: the facts an invoice and its packing list both print. Every layout renders the same
// facts, so one truth scores a text PDF, its clean scan and its noisy scan alike. Money and weights are whole
// numbers of hundredths (quantities of thousandths) until printed, so totals add up exactly as a supplier's do.
import { randomFromSeed, type SeededRandom } from '../../test-support/shared/seeded-random';
import { articles, chineseParties, currencies, foreignParties, incoterms, origins, ports, type Party } from './goods';

export interface ShipmentLine {
  itemNo: string;
  nameZh: string;
  nameEn: string;
  model: string;
  /** Thousandths of the unit (a whole quantity is a multiple of 1000). */
  quantity: number;
  unitEn: string;
  unitZh: string;
  unitCode: string;
  /** Hundredths of the currency. */
  unitPrice: number;
  amount: number;
  origin: (typeof origins)[number];
  packages: number;
  /** Hundredths of a kilogram. */
  netWeight: number;
  grossWeight: number;
}

export interface Shipment {
  seed: number;
  invoiceNo: string;
  /** ISO date. */
  date: string;
  seller: Party;
  buyer: Party;
  incoterm: (typeof incoterms)[number];
  place: string;
  currency: (typeof currencies)[number];
  /** Set when every line has this origin and the documents state it once instead of per line. */
  commonOrigin?: (typeof origins)[number];
  lines: ShipmentLine[];
  totals: { quantity: number; amount: number; packages: number; netWeight: number; grossWeight: number };
}

const between = (r: SeededRandom, from: number, to: number) => from + r.int(to - from + 1);

function fillPattern(r: SeededRandom, pattern: string): string {
  return pattern.replace(/[#@]/g, (c) => (c === '#' ? String(r.int(10)) : String.fromCharCode(65 + r.int(26))));
}

function invoiceNumber(r: SeededRandom, year: number): string {
  const n = between(r, 1, 9999);
  switch (r.int(4)) {
    case 0:
      return `INV-${year}-${String(n).padStart(4, '0')}`;
    case 1:
      return `${fillPattern(r, '@@')}${String(year).slice(2)}${String(n).padStart(5, '0')}`;
    case 2:
      return `SW/${year}/${n}`;
    default:
      return `${fillPattern(r, '@@@')}-${String(n).padStart(6, '0')}`;
  }
}

function drawLine(r: SeededRandom, index: number, origin: (typeof origins)[number]): ShipmentLine {
  const article = r.pick(articles);
  const quantity = article.decimalQuantity ? between(r, 100, 400_000) * 10 : between(r, 1, 3000) * 1000;
  const unitPrice = between(r, article.priceFrom, article.priceTo);
  // Hundredths × thousandths → hundredths, rounded half up as an invoice is.
  const amount = Math.round((quantity * unitPrice) / 1000);
  const netWeight = Math.max(1, Math.round((quantity * article.netPerUnit) / 10_000));
  const grossWeight = netWeight + Math.max(1, Math.round(netWeight * (0.03 + r.next() * 0.12)));
  return {
    itemNo: String(index + 1),
    nameZh: article.nameZh,
    nameEn: article.nameEn,
    model: fillPattern(r, article.model),
    quantity,
    unitEn: article.unitEn,
    unitZh: article.unitZh,
    unitCode: article.unitCode,
    unitPrice,
    amount,
    origin,
    packages: Math.max(1, Math.ceil(grossWeight / 100 / between(r, 8, 25))),
    netWeight,
    grossWeight,
  };
}

/** The shipment of one seed; `lineCount` overrides the drawn number of goods lines (1–60). */
export function drawShipment(seed: number, lineCount?: number): Shipment {
  const r = randomFromSeed(seed);
  const year = 2026;
  const date = `${year}-${String(between(r, 1, 12)).padStart(2, '0')}-${String(between(r, 1, 28)).padStart(2, '0')}`;
  const importing = r.int(3) > 0;
  const foreign = r.pick(foreignParties);
  const chinese = r.pick(chineseParties);
  const count = lineCount ?? (r.int(4) === 0 ? between(r, 21, 60) : between(r, 1, 20));
  const common = r.int(2) === 0 ? r.pick(origins) : undefined;
  const lines = Array.from({ length: count }, (_, i) => drawLine(r, i, common ?? r.pick(origins)));
  const sum = (f: (l: ShipmentLine) => number) => lines.reduce((t, l) => t + f(l), 0);
  return {
    seed,
    invoiceNo: invoiceNumber(r, year),
    date,
    seller: importing ? foreign : chinese,
    buyer: importing ? chinese : foreign,
    incoterm: r.pick(incoterms),
    place: r.pick(ports),
    currency: r.pick(currencies),
    ...(common ? { commonOrigin: common } : {}),
    lines,
    totals: {
      quantity: sum((l) => l.quantity),
      amount: sum((l) => l.amount),
      packages: sum((l) => l.packages),
      netWeight: sum((l) => l.netWeight),
      grossWeight: sum((l) => l.grossWeight),
    },
  };
}

/** A whole number of 10^-scale as a plain decimal string ("1234.50"), the form the truth keeps. */
export function decimal(units: number, scale: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${frac}` : ''}`;
}

/** A quantity as printed: whole numbers without decimals, the rest with as many as it needs (at least two). */
export function quantityText(thousandths: number): string {
  if (thousandths % 1000 === 0) return String(thousandths / 1000);
  // Two decimals are hundredths: 1,620.120 prints as 1620.12, not as 16201.20 (ten times the quantity priced).
  return thousandths % 10 === 0 ? decimal(thousandths / 10, 2) : decimal(thousandths, 3);
}
