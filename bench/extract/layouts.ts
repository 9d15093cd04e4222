// The layouts a generated invoice and packing list are printed in: what each table's columns are and in which
// order, how headers and names are worded (English, Chinese, both), the font, borders and number forms. Each column
// names the document fields it prints, so the truth of a document is exactly what its layout put on the page.
import type { DocumentLine } from '../../shared/extract/document';
import { dateText, money, price, quantity, weight, type DateStyle, type NumberStyle } from './printed';
import type { Shipment, ShipmentLine } from './shipment';

export type LineField = Exclude<keyof DocumentLine, 'index'>;
export type Role = 'invoice' | 'packing-list';

export interface Column {
  header: string;
  prints: readonly LineField[];
  /** The cell's HTML (escaped); a cell of two lines uses `<div>`s. */
  cell: (line: ShipmentLine, style: NumberStyle) => string;
  numeric?: boolean;
}

export interface Layout {
  id: string;
  /** CSS font-family and size in points. */
  font: string;
  fontSize: number;
  lang: 'en' | 'zh' | 'both';
  table: 'bordered' | 'borderless' | 'striped';
  numbers: NumberStyle;
  date: DateStyle;
  /** The total amount in words as well as figures. */
  words: boolean;
  columns: (role: Role, s: Shipment) => Column[];
}

export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const two = (a: string, b: string) => `<div>${esc(a)}</div><div>${esc(b)}</div>`;

type Lang = Layout['lang'];
const label = (lang: Lang, en: string, zh: string) => (lang === 'en' ? en : lang === 'zh' ? zh : `${zh} ${en}`);

const col = {
  item: (lang: Lang): Column => ({
    header: label(lang, 'No.', '序号'),
    prints: ['itemNo'],
    cell: (l) => esc(l.itemNo),
  }),
  nameEn: (): Column => ({ header: 'Description of Goods', prints: ['nameEn'], cell: (l) => esc(l.nameEn) }),
  nameZh: (): Column => ({ header: '货物名称', prints: ['nameZh'], cell: (l) => esc(l.nameZh) }),
  nameBoth: (): Column => ({
    header: '品名 Description',
    prints: ['nameZh', 'nameEn'],
    cell: (l) => two(l.nameZh, l.nameEn),
  }),
  model: (lang: Lang): Column => ({
    header: label(lang, 'Model', '型号'),
    prints: ['model'],
    cell: (l) => esc(l.model),
  }),
  quantity: (lang: Lang): Column => ({
    header: label(lang, 'Quantity', '数量'),
    prints: ['quantity'],
    cell: (l, s) => esc(quantity(l.quantity, s)),
    numeric: true,
  }),
  unit: (lang: Lang): Column => ({
    header: label(lang, 'Unit', '单位'),
    prints: ['unit'],
    cell: (l) => esc(lang === 'zh' ? l.unitZh : l.unitEn),
  }),
  quantityWithUnit: (lang: Lang): Column => ({
    header: label(lang, "Q'ty", '数量'),
    prints: ['quantity', 'unit'],
    cell: (l, s) => esc(`${quantity(l.quantity, s)} ${lang === 'zh' ? l.unitZh : l.unitEn}`),
    numeric: true,
  }),
  unitPrice: (lang: Lang, s: Shipment): Column => ({
    header: label(lang, `Unit Price (${s.currency.code})`, `单价(${s.currency.code})`),
    prints: ['unitPrice'],
    cell: (l, st) => esc(price(l.unitPrice, st)),
    numeric: true,
  }),
  amount: (lang: Lang, s: Shipment): Column => ({
    header: label(lang, `Amount (${s.currency.code})`, `金额(${s.currency.code})`),
    prints: ['amount'],
    cell: (l, st) => esc(money(l.amount, st)),
    numeric: true,
  }),
  origin: (lang: Lang): Column => ({
    header: label(lang, 'Origin', '原产国'),
    prints: ['origin'],
    cell: (l) => esc(lang === 'zh' ? l.origin.zh : l.origin.en),
  }),
  packages: (lang: Lang): Column => ({
    header: label(lang, 'CTNS', '件数'),
    prints: ['packages'],
    cell: (l) => String(l.packages),
    numeric: true,
  }),
  netWeight: (lang: Lang): Column => ({
    header: label(lang, 'N.W. (KGS)', '净重(千克)'),
    prints: ['netWeight'],
    cell: (l, s) => esc(weight(l.netWeight, s)),
    numeric: true,
  }),
  grossWeight: (lang: Lang): Column => ({
    header: label(lang, 'G.W. (KGS)', '毛重(千克)'),
    prints: ['grossWeight'],
    cell: (l, s) => esc(weight(l.grossWeight, s)),
    numeric: true,
  }),
};

/** The origin column, only when the lines' origins differ (else the head states it once). */
const origin = (lang: Lang, s: Shipment): Column[] => (s.commonOrigin ? [] : [col.origin(lang)]);

const packingTail = (lang: Lang): Column[] => [col.packages(lang), col.netWeight(lang), col.grossWeight(lang)];

export const layouts: readonly Layout[] = [
  {
    id: 'classic',
    font: '"DejaVu Sans", sans-serif',
    fontSize: 8.5,
    lang: 'en',
    table: 'bordered',
    numbers: { grouped: true, priceDecimals: 2 },
    date: 'day-month',
    words: true,
    columns: (role, s) => [
      col.item('en'),
      col.nameEn(),
      col.model('en'),
      col.quantity('en'),
      col.unit('en'),
      ...(role === 'invoice' ? [col.unitPrice('en', s), col.amount('en', s), ...origin('en', s)] : packingTail('en')),
    ],
  },
  {
    id: 'borderless-serif',
    font: '"DejaVu Serif", serif',
    fontSize: 8.5,
    lang: 'en',
    table: 'borderless',
    numbers: { grouped: true, priceDecimals: 4 },
    date: 'month-day',
    words: false,
    columns: (role, s) => [
      col.nameEn(),
      col.model('en'),
      ...origin('en', s),
      col.quantityWithUnit('en'),
      ...(role === 'invoice' ? [col.unitPrice('en', s), col.amount('en', s)] : packingTail('en')),
    ],
  },
  {
    id: 'bilingual',
    font: '"Noto Sans CJK SC", sans-serif',
    fontSize: 8,
    lang: 'both',
    table: 'bordered',
    numbers: { grouped: true, priceDecimals: 2 },
    date: 'iso',
    words: true,
    columns: (role, s) => [
      col.item('both'),
      col.nameBoth(),
      col.model('both'),
      col.quantity('both'),
      col.unit('both'),
      ...(role === 'invoice' ? [col.unitPrice('both', s), col.amount('both', s)] : packingTail('both')),
      ...origin('both', s),
    ],
  },
  {
    id: 'chinese',
    font: '"Noto Serif CJK SC", serif',
    fontSize: 9,
    lang: 'zh',
    table: 'bordered',
    numbers: { grouped: false, priceDecimals: 2 },
    date: 'chinese',
    words: true,
    columns: (role, s) => [
      col.item('zh'),
      col.nameZh(),
      col.model('zh'),
      ...origin('zh', s),
      col.unit('zh'),
      col.quantity('zh'),
      ...(role === 'invoice' ? [col.unitPrice('zh', s), col.amount('zh', s)] : packingTail('zh')),
    ],
  },
  {
    id: 'reordered',
    font: '"DejaVu Sans Condensed", "DejaVu Sans", sans-serif',
    fontSize: 8,
    lang: 'en',
    table: 'striped',
    numbers: { grouped: true, priceDecimals: 2 },
    date: 'slashes',
    words: true,
    columns: (role, s) => [
      col.model('en'),
      col.nameEn(),
      ...(role === 'invoice'
        ? [col.amount('en', s), col.quantity('en'), col.unit('en'), col.unitPrice('en', s)]
        : [col.packages('en'), col.quantity('en'), col.unit('en'), col.grossWeight('en'), col.netWeight('en')]),
      ...origin('en', s),
      col.item('en'),
    ],
  },
  {
    id: 'bilingual-plain',
    font: '"Noto Sans CJK SC", sans-serif',
    fontSize: 8,
    lang: 'both',
    table: 'borderless',
    numbers: { grouped: false, priceDecimals: 4 },
    date: 'day-month',
    words: false,
    columns: (role, s) => [
      col.item('both'),
      col.nameZh(),
      col.nameEn(),
      col.model('both'),
      col.quantityWithUnit('both'),
      ...(role === 'invoice' ? [col.unitPrice('both', s), col.amount('both', s)] : packingTail('both')),
      ...origin('both', s),
    ],
  },
  {
    id: 'mono-erp',
    font: '"DejaVu Sans Mono", monospace',
    fontSize: 7.5,
    lang: 'en',
    table: 'borderless',
    numbers: { grouped: false, priceDecimals: 2 },
    date: 'iso',
    words: true,
    columns: (role, s) => [
      col.item('en'),
      col.model('en'),
      col.nameEn(),
      ...origin('en', s),
      col.quantity('en'),
      col.unit('en'),
      ...(role === 'invoice' ? [col.unitPrice('en', s), col.amount('en', s)] : packingTail('en')),
    ],
  },
];

export function headDate(layout: Layout, s: Shipment): string {
  return dateText(s.date, layout.date);
}
