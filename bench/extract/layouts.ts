// The layouts a generated invoice and packing list are printed in: what each table's columns are and in which
// order, how headers and names are worded (English, Chinese, both), the font, borders and number forms. Each column
// names the document fields it prints, so the truth of a document is exactly what its layout put on the page. The
// layouts themselves are data (layouts.json): a layout names its columns by their keys in `col` below.
import { z } from 'zod';
import type { DocumentLine } from '../../shared/extract/document';
import layoutsJson from './layouts.json' with { type: 'json' };
import { dateStyles, dateText, money, price, quantity, weight, type DateStyle, type NumberStyle } from './printed';
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

const langs = ['en', 'zh', 'both'] as const;
const tableStyles = ['bordered', 'borderless', 'striped'] as const;

export interface Layout {
  id: string;
  /** CSS font-family and size in points. */
  font: string;
  fontSize: number;
  lang: (typeof langs)[number];
  table: (typeof tableStyles)[number];
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

/** A column of one text field, its header in the layout's language. */
const text = (lang: Lang, en: string, zh: string, field: 'itemNo' | 'model'): Column => ({
  header: label(lang, en, zh),
  prints: [field],
  cell: (l) => esc(l[field]),
});

type Figure = 'quantity' | 'unitPrice' | 'amount' | 'packages' | 'netWeight' | 'grossWeight';

/** A column of one figure (numeric, so right-aligned), printed in the layout's number style. */
function figure(
  lang: Lang,
  en: string,
  zh: string,
  field: Figure,
  print: (n: number, s: NumberStyle) => string,
): Column {
  return { header: label(lang, en, zh), prints: [field], cell: (l, s) => esc(print(l[field], s)), numeric: true };
}

const col = {
  item: (lang: Lang) => text(lang, 'No.', '序号', 'itemNo'),
  nameEn: (): Column => ({ header: 'Description of Goods', prints: ['nameEn'], cell: (l) => esc(l.nameEn) }),
  nameZh: (): Column => ({ header: '货物名称', prints: ['nameZh'], cell: (l) => esc(l.nameZh) }),
  nameBoth: (): Column => ({
    header: '品名 Description',
    prints: ['nameZh', 'nameEn'],
    cell: (l) => two(l.nameZh, l.nameEn),
  }),
  model: (lang: Lang) => text(lang, 'Model', '型号', 'model'),
  quantity: (lang: Lang) => figure(lang, 'Quantity', '数量', 'quantity', quantity),
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
  unitPrice: (lang: Lang, s: Shipment) =>
    figure(lang, `Unit Price (${s.currency.code})`, `单价(${s.currency.code})`, 'unitPrice', price),
  amount: (lang: Lang, s: Shipment) =>
    figure(lang, `Amount (${s.currency.code})`, `金额(${s.currency.code})`, 'amount', money),
  origin: (lang: Lang): Column => ({
    header: label(lang, 'Origin', '原产国'),
    prints: ['origin'],
    cell: (l) => esc(lang === 'zh' ? l.origin.zh : l.origin.en),
  }),
  packages: (lang: Lang) => figure(lang, 'CTNS', '件数', 'packages', String),
  netWeight: (lang: Lang) => figure(lang, 'N.W. (KGS)', '净重(千克)', 'netWeight', weight),
  grossWeight: (lang: Lang) => figure(lang, 'G.W. (KGS)', '毛重(千克)', 'grossWeight', weight),
};

type ColumnKey = keyof typeof col;
const columnKeys = Object.keys(col) as [ColumnKey, ...ColumnKey[]];

const layoutSchema = z
  .object({
    id: z.string().min(1),
    font: z.string().min(1),
    fontSize: z.number().positive(),
    lang: z.enum(langs),
    table: z.enum(tableStyles),
    numbers: z.object({ grouped: z.boolean(), priceDecimals: z.union([z.literal(2), z.literal(4)]) }).strict(),
    date: z.enum(dateStyles),
    words: z.boolean(),
    /** Each document's columns in print order; `origin` is printed only when the lines' origins differ. */
    columns: z.object({
      invoice: z.array(z.enum(columnKeys)).min(1),
      'packing-list': z.array(z.enum(columnKeys)).min(1),
    }),
  })
  .strict();

/** A layout of layouts.json with its columns made for a role and a shipment. */
function layoutOf({ columns, ...style }: z.infer<typeof layoutSchema>): Layout {
  return {
    ...style,
    columns: (role, s) =>
      columns[role]
        // The head states a common origin once, so the column is left out.
        .filter((key) => key !== 'origin' || !s.commonOrigin)
        .map((key) => col[key](style.lang, s)),
  };
}

/** Layouts as layouts.json lists them, refused whole when one names a column `col` does not have or lacks a field. */
export function loadLayouts(data: unknown): readonly Layout[] {
  const parsed = z.array(layoutSchema).min(1).safeParse(data);
  if (!parsed.success) throw new Error(`bench/extract/layouts.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data.map(layoutOf);
}

export const layouts = loadLayouts(layoutsJson);

export function headDate(layout: Layout, s: Shipment): string {
  return dateText(s.date, layout.date);
}
