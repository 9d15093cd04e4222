/** A code-table row: `code`, `name_zh` (and usually `name_en`), plus the source's other columns. */
export type CodeRow = Record<string, string>;

/**
 * Every code table a goods declaration refers to (ElementDef.codeTable), with what the product
 * ships for it. `builtin`:
 * - `complete`: the whole table ships (the handbook's full copies of the official tables, short
 *   official lists, the ISO currencies); a code not in it is not in the table;
 * - `partial`: the copy ships as far as it goes (an older or one-source copy); a code missing from
 *   it is not judged until a complete table is imported or received from the hub;
 * - `none`: only the official parameter file the user (or the hub) provides fills it.
 * Sources of every built-in table: resources/SOURCES.md.
 */
export interface CodeTableDef {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly builtin: 'complete' | 'partial' | 'none';
}

export const codeTableDefs: readonly CodeTableDef[] = [
  { id: 'customs-districts', zh: '关区代码', en: 'Customs districts', builtin: 'complete' },
  { id: 'ports', zh: '港口代码', en: 'Ports', builtin: 'complete' },
  { id: 'countries', zh: '国别(地区)', en: 'Countries and regions', builtin: 'complete' },
  { id: 'domestic-districts', zh: '国内地区代码', en: 'Domestic districts', builtin: 'complete' },
  { id: 'admin-divisions', zh: '行政区划代码', en: 'Administrative divisions (GB/T 2260)', builtin: 'partial' },
  { id: 'entry-exit-ports', zh: '国内口岸代码', en: 'Ports of entry/exit', builtin: 'partial' },
  { id: 'ciq-authorities', zh: '检验检疫机关', en: 'Inspection authorities', builtin: 'partial' },
  { id: 'units', zh: '计量单位', en: 'Units of measure', builtin: 'complete' },
  { id: 'trade-modes', zh: '监管方式', en: 'Supervision modes', builtin: 'complete' },
  { id: 'levy-natures', zh: '征免性质', en: 'Levy natures', builtin: 'complete' },
  { id: 'duty-modes', zh: '征免方式', en: 'Duty modes', builtin: 'complete' },
  { id: 'transport-modes', zh: '运输方式', en: 'Transport modes', builtin: 'complete' },
  { id: 'transaction-methods', zh: '成交方式', en: 'Transaction methods', builtin: 'complete' },
  { id: 'packaging-types', zh: '包装种类', en: 'Package types', builtin: 'complete' },
  { id: 'currencies', zh: '币制', en: 'Currencies', builtin: 'complete' },
  { id: 'fee-marks', zh: '运费标记', en: 'Freight marks', builtin: 'complete' },
  { id: 'insur-marks', zh: '保费/杂费标记', en: 'Insurance and other-charge marks', builtin: 'complete' },
  { id: 'container-specs', zh: '集装箱规格', en: 'Container sizes and types', builtin: 'complete' },
  { id: 'edoc-types', zh: '随附单据类别', en: 'Attached document types', builtin: 'partial' },
  { id: 'licence-doc-types', zh: '监管证件代码', en: 'Licence document codes', builtin: 'complete' },
  { id: 'tariff', zh: '商品编号(税则)', en: 'Tariff (HS codes)', builtin: 'complete' },
  { id: 'tariff-changes', zh: '已停用商品编号', en: 'Retired HS codes', builtin: 'partial' },
  { id: 'goods-attributes', zh: '货物属性', en: 'Goods attributes', builtin: 'partial' },
  // One month's 计征汇率 per version (元 per unit of each currency): what the duty estimate converts with.
  { id: 'exchange-rates', zh: '计征汇率', en: 'Customs exchange rates', builtin: 'none' },
  { id: 'preferential-trade-agreements', zh: '优惠贸易协定', en: 'Preferential trade agreements', builtin: 'partial' },
  { id: 'licence-types', zh: '许可证类别', en: 'Licence types', builtin: 'none' },
  { id: 'ent-qualif-types', zh: '企业资质类别', en: 'Company qualification types', builtin: 'none' },
  { id: 'use-codes', zh: '用途/生产厂家', en: 'Use codes', builtin: 'complete' },
  { id: 'purposes', zh: '货物用途', en: 'Goods purposes', builtin: 'none' },
  { id: 'correlation-reasons', zh: '关联理由', en: 'Correlation reasons', builtin: 'none' },
  { id: 'ie-flags', zh: '进出口标志', en: 'Import/export flags', builtin: 'complete' },
  { id: 'edi-ids', zh: '报关标志', en: 'Declaration flags', builtin: 'complete' },
  { id: 'entry-types', zh: '报关单类型', en: 'Entry types', builtin: 'complete' },
  { id: 'decl-trn-rel', zh: '报关/转关关系标志', en: 'Declaration/transit relation', builtin: 'complete' },
  { id: 'bill-types', zh: '备案清单类型', en: 'Record list types', builtin: 'complete' },
  { id: 'flags-01', zh: '是否标志', en: 'Yes/no flags', builtin: 'complete' },
  { id: 'oper-types', zh: '操作类型', en: 'Operation types', builtin: 'complete' },
  { id: 'domain-ids', zh: '签名人分类', en: 'Signer categories', builtin: 'complete' },
  { id: 'edoc-format-types', zh: '随附单据格式类型', en: 'Attached document formats', builtin: 'complete' },
  { id: 'promise-materials', zh: '证明/声明材料代码', en: 'Declaration material codes', builtin: 'complete' },
  { id: 'brand-types', zh: '品牌类型', en: 'Brand types', builtin: 'complete' },
  { id: 'export-preferences', zh: '出口享惠情况', en: 'Export preference status', builtin: 'complete' },
];

const byId = new Map(codeTableDefs.map((d) => [d.id, d]));

export function findCodeTable(id: string): CodeTableDef | undefined {
  return byId.get(id);
}

export function isCodeTableId(id: string): boolean {
  return byId.has(id);
}

/** File names of parameter tables that differ from our table ids (the handbook's copies, official downloads). */
const fileAliases: Record<string, string> = {
  'administrative-divisions': 'admin-divisions',
  'licence-document-types': 'licence-doc-types',
  'hs-sample': 'tariff',
  'tariff-full': 'tariff',
  hs: 'tariff',
  'customs-exchange-rates': 'exchange-rates',
  计征汇率: 'exchange-rates',
  海关汇率: 'exchange-rates',
};

/**
 * The table a parameter file fills, from its name (`trade-modes.csv`, `C:\params\HS.xlsx`), or
 * undefined. One list for the desk's command line and the hub's import, so a folder of official
 * downloads loads the same tables in both.
 */
export function tableIdForFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').toLowerCase();
  const id = fileAliases[stem] ?? stem;
  return isCodeTableId(id) ? id : undefined;
}
