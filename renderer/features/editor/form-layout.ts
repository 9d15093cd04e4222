import type { ElementDef, FieldPath } from '../../../shared/catalog';
import { findElement, findSection, goodsDeclaration, parseFieldPath } from '../../../shared/catalog';

// The entry screen laid out like the printed 报关单 (../shared/DOMAIN.md §1.8): the head's boxes
// in the form's order, the goods grid with the form's columns, then the signature block; what the
// form does not show goes to panels that open on demand, and the sub-tables to tabs. Everything
// here is a field path, so Enter order, error jumps and autosave all speak the same language.

export interface FieldGroup {
  id: string;
  zh: string;
  en: string;
  /** Field paths (`head.X`, `freeText[0].X`); `I`/`E` entries show for that direction only. */
  fields: ReadonlyArray<string | { I?: string; E?: string }>;
}

const h = (...xml: string[]) => xml.map((x) => `head.${x}`);

/** The head's boxes above the goods lines, in the printed form's order. */
export const headGroups: readonly FieldGroup[] = [
  {
    id: 'trade',
    zh: '境内收发货人',
    en: 'Domestic consignee/consignor',
    fields: h('TradeName', 'TradeCode', 'TradeCoScc', 'TradeCiqCode'),
  },
  {
    id: 'customs',
    zh: '关别与日期',
    en: 'Customs and dates',
    fields: h('CustomMaster', 'IEPort', 'IEDate', 'ManualNo'),
  },
  {
    id: 'overseas',
    zh: '境外收发货人',
    en: 'Overseas party',
    fields: [
      { I: 'head.OverseasConsignorCode', E: 'head.OverseasConsigneeCode' },
      { I: 'head.OverseasConsignorEname', E: 'head.OverseasConsigneeEname' },
      { I: 'head.OverseasConsignorCname' },
      { I: 'head.OverseasConsignorAddr' },
    ],
  },
  {
    id: 'transport',
    zh: '运输',
    en: 'Transport',
    fields: [...h('TrafMode', 'TrafName'), 'freeText[0].VoyNo', ...h('BillNo', 'GoodsPlace')],
  },
  {
    id: 'owner',
    zh: '消费使用/生产销售单位',
    en: 'Consumer / producer',
    fields: h('OwnerName', 'OwnerCode', 'OwnerCodeScc', 'OwnerCiqCode'),
  },
  {
    id: 'trade-terms',
    zh: '贸易',
    en: 'Trade',
    fields: h(
      'TradeMode',
      'CutMode',
      'LicenseNo',
      'ContrNo',
      'TradeAreaCode',
      'TradeCountry',
      'DespPortCode',
      'DistinatePort',
      'EntyPortCode',
    ),
  },
  {
    id: 'packing',
    zh: '包装、重量与费用',
    en: 'Packing, weights and charges',
    fields: h(
      'WrapType',
      'PackNo',
      'GrossWet',
      'NetWt',
      'TransMode',
      'FeeMark',
      'FeeRate',
      'FeeCurr',
      'InsurMark',
      'InsurRate',
      'InsurCurr',
      'OtherMark',
      'OtherRate',
      'OtherCurr',
    ),
  },
  { id: 'marks', zh: '标记唛码及备注', en: 'Marks and remarks', fields: h('MarkNo', 'NoteS') },
];

/** The form's block below the goods lines: price declarations, the declaring agent, data entry. */
export const footerGroups: readonly FieldGroup[] = [
  {
    id: 'promises',
    zh: '价格说明与申报类型',
    en: 'Price declarations and declaration type',
    fields: h('PromiseItmes', 'Type', 'EntryType', 'EdiId', 'DeclTrnRel'),
  },
  {
    id: 'agent',
    zh: '申报单位',
    en: 'Declaring agent',
    fields: [
      ...h('AgentName', 'AgentCode', 'AgentCodeScc', 'DeclCiqCode', 'DeclareName'),
      'freeText[0].DecNo',
      'freeText[0].DecBpNo',
    ],
  },
  {
    id: 'typist',
    zh: '录入',
    en: 'Data entry',
    fields: h('CopName', 'CopCode', 'CopCodeScc', 'InputerName', 'TypistNo'),
  },
];

/** The goods grid's columns, as the printed form lists them. */
export const gridColumns: readonly string[] = [
  'CodeTS',
  'CiqCode',
  'GName',
  'GModel',
  'GQty',
  'GUnit',
  'FirstQty',
  'FirstUnit',
  'SecondQty',
  'SecondUnit',
  'DeclPrice',
  'DeclTotal',
  'TradeCurr',
  'OriginCountry',
  'DestinationCountry',
  'DistrictCode',
  'DestCode',
  'DutyMode',
];

/**
 * Sub-tables in tabs, most used first. freeText lives in the head; DecSign, SddTax and DecRisk are written by the
 * system.
 */
export const tabSections: readonly string[] = [
  'containers',
  'licenceDocs',
  'edocs',
  'otherPacks',
  'goodsLimits',
  'goodsLimitVins',
  'copLimits',
  'users',
  'requestCerts',
  'ecoRelations',
  'promises',
  'controlModels',
  'markLobs',
  'tpAccess',
  'royaltyFee',
  'trnHead',
  'trnList',
  'trnContainers',
  'trnContaGoods',
  'supplements',
];

/** Elements the user never keys: filled by customs, the app or the signer, or retired from the spec. */
export function isHidden(def: ElementDef): boolean {
  return def.auto !== undefined || (def.note ?? '').includes('字段已废弃');
}

export function groupFields(group: FieldGroup, ieFlag: 'I' | 'E'): string[] {
  return group.fields.flatMap((f) => (typeof f === 'string' ? [f] : f[ieFlag] ? [f[ieFlag]] : []));
}

const moreCache = new Map<'I' | 'E', string[]>();

/** Head (and free-text) fields the form does not show: the "more header fields" panel, in schema order. */
export function moreHeadFields(ieFlag: 'I' | 'E'): string[] {
  const cached = moreCache.get(ieFlag);
  if (cached) return cached;
  const shown = new Set([...headGroups, ...footerGroups].flatMap((g) => groupFields(g, ieFlag)));
  const head = (findSection(goodsDeclaration, 'head')?.elements ?? [])
    .filter((d) => !isHidden(d))
    .map((d) => `head.${d.xml}`);
  const free = (findSection(goodsDeclaration, 'freeText')?.elements ?? [])
    .filter((d) => !isHidden(d))
    .map((d) => `freeText[0].${d.xml}`);
  const fields = [...head, ...free].filter((path) => !shown.has(path));
  moreCache.set(ieFlag, fields);
  return fields;
}

/** Line elements outside the grid: the per-line details panel. */
export const lineDetailColumns: readonly string[] = (findSection(goodsDeclaration, 'lines')?.elements ?? [])
  .filter((d) => !isHidden(d) && !gridColumns.includes(d.xml))
  .map((d) => d.xml);

export function elementOf(path: FieldPath): ElementDef | undefined {
  return findElement(goodsDeclaration, path.kind === 'head' ? 'head' : path.table, path.element);
}

/** Where a field (or a finding's section path) lives on the screen. */
export type FieldPlace =
  | { area: 'head' | 'footer' | 'more' }
  | { area: 'grid' | 'line-detail'; line: number }
  | { area: 'tab'; tab: string; row: number }
  | { area: 'none' };

export function placeOf(path: string, ieFlag: 'I' | 'E'): FieldPlace {
  const parsed = parseFieldPath(path);
  if (!parsed) {
    // A finding about a whole section ("lines", "containers[1]").
    const section = /^([a-z][A-Za-z]*)(?:\[(\d+)\])?$/.exec(path);
    if (section?.[1] === 'lines') return { area: 'grid', line: Number(section[2] ?? 0) };
    if (section?.[1] && tabSections.includes(section[1]))
      return { area: 'tab', tab: section[1], row: Number(section[2] ?? 0) };
    return { area: 'none' };
  }
  if (parsed.kind === 'row' && parsed.table === 'lines')
    return { area: gridColumns.includes(parsed.element) ? 'grid' : 'line-detail', line: parsed.index };
  if (parsed.kind === 'row' && parsed.table !== 'freeText')
    return tabSections.includes(parsed.table)
      ? { area: 'tab', tab: parsed.table, row: parsed.index }
      : { area: 'none' };
  if (headGroups.some((g) => groupFields(g, ieFlag).includes(path))) return { area: 'head' };
  if (footerGroups.some((g) => groupFields(g, ieFlag).includes(path))) return { area: 'footer' };
  return moreHeadFields(ieFlag).includes(path) ? { area: 'more' } : { area: 'none' };
}

/**
 * A sort key that follows the screen from top to bottom, so "next error" moves the way the eye
 * does: head boxes, more head fields, goods lines (row by row), the signature block, then tabs.
 */
export function orderKey(path: string, ieFlag: 'I' | 'E'): number[] {
  const place = placeOf(path, ieFlag);
  const parsed = parseFieldPath(path);
  const element = parsed?.element ?? '';
  const flat = (groups: readonly FieldGroup[]) => groups.flatMap((g) => groupFields(g, ieFlag));
  switch (place.area) {
    case 'head':
      return [0, 0, flat(headGroups).indexOf(path)];
    case 'more':
      return [1, 0, moreHeadFields(ieFlag).indexOf(path)];
    case 'grid':
    case 'line-detail': {
      const column = gridColumns.indexOf(element);
      return [2, place.line, column >= 0 ? column : gridColumns.length + lineDetailColumns.indexOf(element)];
    }
    case 'footer':
      return [3, 0, flat(footerGroups).indexOf(path)];
    case 'tab':
      return [
        4 + tabSections.indexOf(place.tab),
        place.row,
        findSection(goodsDeclaration, place.tab)?.elements.findIndex((e) => e.xml === element) ?? 0,
      ];
    case 'none':
      return [99, 0, 0];
  }
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The DOM id of a field's input: paths contain dots and brackets, ids must not. */
export function fieldDomId(path: string): string {
  return `fld-${path.replace(/[^A-Za-z0-9]/g, '_')}`;
}
