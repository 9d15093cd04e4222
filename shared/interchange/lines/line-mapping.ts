import type { DocumentCatalog, ElementDef } from '../../catalog';
import { findSection } from '../../catalog';

/**
 * Where a spreadsheet column goes: a DecList element by its XML name, or one of the two country
 * meanings. A spreadsheet says 原产国 and 最终目的国 as a person means them; the message swaps them
 * on exports (DOMAIN.md §1.4), so those columns are mapped by meaning and turned into
 * OriginCountry/DestinationCountry with countriesToMessage for the declaration's direction.
 */
export const ORIGIN = '@origin';
export const DESTINATION = '@destination';

export interface LineColumn {
  /** 0-based column of the sheet or the pasted block. */
  index: number;
  /** The column's header as read (kept so a saved profile finds the column again when columns move). */
  header: string;
  target: string;
}

export interface LineMapping {
  /** The worksheet (XLSX); the first when null. */
  sheet: string | null;
  /** The 1-based row holding the headers; 0 when there is none. Data starts on the row after it. */
  headerRow: number;
  columns: LineColumn[];
}

export interface LineTarget {
  target: string;
  zh: string;
  en: string;
}

/**
 * Elements a spreadsheet may fill: every DecList element but the line number (the position) and the message-side
 * country fields.
 */
export function lineTargets(catalog: DocumentCatalog): LineTarget[] {
  const lines = findSection(catalog, 'lines');
  const elements = (lines?.elements ?? []).filter(
    (e: ElementDef) => !e.local && e.xml !== 'GNo' && e.xml !== 'OriginCountry' && e.xml !== 'DestinationCountry',
  );
  return [
    { target: ORIGIN, zh: '原产国(地区)', en: 'Country of origin' },
    { target: DESTINATION, zh: '最终目的国(地区)', en: 'Country of final destination' },
    ...elements.map((e) => ({ target: e.xml, zh: e.zh, en: e.en })),
  ];
}

/** Header words brokers' and their customers' sheets use, beyond the catalog's own labels. */
const synonyms: Record<string, readonly string[]> = {
  CodeTS: ['商品编码', 'hs编码', 'hscode', 'hs', 'hs code', '税号', '海关编码', '税则号列'],
  GName: ['品名', '中文品名', '商品中文名称', '货物名称', 'description', 'goods', 'name'],
  GModel: ['申报要素', '规格', '型号', '规格型号', 'model', 'model no', 'specification', 'spec'],
  GQty: ['数量', 'qty', 'quantity', '申报数量'],
  GUnit: ['单位', 'unit', '成交单位', '计量单位', '申报单位'],
  DeclPrice: ['单价', 'unit price', 'price'],
  DeclTotal: ['总价', '金额', '总金额', 'total', 'amount', 'total price'],
  TradeCurr: ['币制', '币种', 'currency', 'curr'],
  FirstQty: ['法定数量', '第一数量', '法定第一数量'],
  FirstUnit: ['法定单位', '第一单位', '法定第一单位'],
  SecondQty: ['第二数量', '法定第二数量'],
  SecondUnit: ['第二单位', '法定第二单位'],
  DutyMode: ['征免方式', '征免'],
  DistrictCode: ['境内目的地', '境内货源地', '境内目的地代码', '境内货源地代码'],
  DeclGoodsEname: ['英文品名', '英文名称', 'english name'],
  ExgNo: ['货号', '料号', '物料号', 'item no', 'part no'],
  ContrItem: ['备案序号', '手册序号'],
  [ORIGIN]: ['原产国', '原产国地区', '原产地', 'origin', 'country of origin', 'coo'],
  [DESTINATION]: ['最终目的国', '最终目的国地区', '目的国', 'destination', 'country of destination'],
};

/** Lower case, full-width forms folded, spaces, punctuation and 地区 in parentheses dropped. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((地区|kg|千克)\)/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function headerIndex(catalog: DocumentCatalog): Map<string, string> {
  const index = new Map<string, string>();
  const add = (word: string, target: string) => {
    const key = normalizeHeader(word);
    if (key !== '' && !index.has(key)) index.set(key, target);
  };
  // The catalog's own names win over synonyms; the country fields are mapped by meaning.
  const lines = findSection(catalog, 'lines');
  for (const e of lines?.elements ?? []) {
    const target = e.xml === 'OriginCountry' ? ORIGIN : e.xml === 'DestinationCountry' ? DESTINATION : e.xml;
    if (e.local || e.xml === 'GNo') continue;
    const labels =
      e.xml === 'OriginCountry' || e.xml === 'DestinationCountry'
        ? [e.xml]
        : [e.xml, e.zh, e.en, e.ie?.I?.zh, e.ie?.E?.zh, e.ie?.I?.en, e.ie?.E?.en];
    for (const label of labels) if (label) add(label, target);
  }
  for (const [target, words] of Object.entries(synonyms)) for (const word of words) add(word, target);
  return index;
}

/** A mapping guessed from the headers: each column whose header names an element, each element at most once. */
export function suggestMapping(catalog: DocumentCatalog, headers: readonly string[]): LineColumn[] {
  const index = headerIndex(catalog);
  const used = new Set<string>();
  const columns: LineColumn[] = [];
  headers.forEach((header, i) => {
    const target = index.get(normalizeHeader(header));
    if (target && !used.has(target)) {
      used.add(target);
      columns.push({ index: i, header, target });
    }
  });
  return columns;
}

/**
 * A saved mapping applied to a new file: each column found again by its header (columns move
 * between a customer's files), else kept at its position when that column has no header.
 */
export function remapByHeaders(saved: readonly LineColumn[], headers: readonly string[]): LineColumn[] {
  const byHeader = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const out: LineColumn[] = [];
  for (const column of saved) {
    const found = column.header !== '' ? byHeader.get(normalizeHeader(column.header)) : undefined;
    const index = found ?? (column.header === '' || headers.length === 0 ? column.index : undefined);
    if (index !== undefined) out.push({ index, header: headers[index] ?? column.header, target: column.target });
  }
  return out;
}
