// Short official code lists written down as facts, each with its citation: the import spec's own
// enumerations, the filling specification's marks, and lists our handbook states in full
// (the handbook's DOMAIN.md, cited by section). The larger official tables come from the handbook's
// copies (./handbook.ts). scripts/build-code-tables.ts turns both into resources/code-tables/*.json;
// resources/SOURCES.md records every source. A list's version changes with its content.

export interface FactTable {
  id: string;
  version: string;
  complete: boolean;
  source: string;
  /** [code, name_zh, name_en, extra columns…] */
  columns: string[];
  rows: string[][];
}

const SPEC =
  '《进出口货物报关单导入报文格式》(单一窗口) element notes, as transcribed in decmessage-fields.tsv (DOMAIN.md §1.0 S1)';

export const factTables: FactTable[] = [
  {
    id: 'ie-flags',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/IEFlag`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['I', '进口', 'Import'],
      ['E', '出口', 'Export'],
    ],
  },
  {
    id: 'edi-ids',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/EdiId`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '普通报关', 'Ordinary declaration'],
      ['3', '北方转关提前', 'Advance transit declaration (north)'],
      ['5', '南方转关提前', 'Advance transit declaration (south)'],
      ['6', '普通报关(南方H2000直转)', 'Ordinary declaration (south, H2000 direct transfer)'],
    ],
  },
  {
    id: 'entry-types',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/EntryType`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '普通报关单', 'Ordinary declaration'],
      ['L', '带报关单清单的报关单', 'Declaration with a goods list'],
      ['W', '无纸报关', 'Paperless declaration'],
      ['D', '既是清单又是无纸报关', 'Goods list and paperless'],
      ['M', '无纸化通关', 'Paperless clearance'],
    ],
  },
  {
    id: 'decl-trn-rel',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/DeclTrnRel`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '一般报关单', 'Ordinary declaration'],
      ['1', '转关提前报关单', 'Advance transit declaration'],
    ],
  },
  {
    id: 'bill-types',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/BillType`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '普通备案清单', 'Ordinary record list'],
      ['2', '先进区后报关', 'Enter zone first, declare later'],
      ['3', '分送集报备案清单', 'Split delivery, consolidated record list'],
      ['4', '分送集报报关单', 'Split delivery, consolidated declaration'],
    ],
  },
  {
    id: 'flags-01',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/ChkSurety, CheckFlow, TaxAaminMark, OrigBoxFlag, NoOtherPack; DecList/NoDangFlag`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '否', 'No'],
      ['1', '是', 'Yes'],
    ],
  },
  {
    id: 'oper-types',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecSign/OperType`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['A', '报关单上载', 'Upload declaration'],
      ['B', '报关单、转关单上载', 'Upload declaration and transit document'],
      ['C', '报关单申报', 'Declare'],
      ['D', '报关单、转关单申报', 'Declare with transit document'],
      ['E', '电子手册报关单上载', 'Upload electronic-manual declaration'],
      ['G', '报关单暂存', 'Store draft'],
    ],
  },
  {
    id: 'domain-ids',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecSign/DomainId`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '录入人', 'Data entry operator'],
      ['2', '申报人', 'Declarant'],
    ],
  },
  {
    id: 'edoc-format-types',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: EdocRealation/EdocFomatType`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['S', '结构化', 'Structured'],
      ['US', '非结构化(PDF)', 'Unstructured (PDF)'],
    ],
  },
  {
    id: 'promise-materials',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecCopPromise/DeclaratioMaterialCode ("进口填写101040，出口填写102053")`,
    columns: ['code', 'name_zh', 'name_en', 'ie_flag'],
    rows: [
      ['101040', '进口企业承诺', 'Import declaration statement', 'I'],
      ['102053', '出口企业承诺', 'Export declaration statement', 'E'],
    ],
  },
  {
    id: 'fee-marks',
    version: 'facts-1',
    complete: true,
    source:
      '《中华人民共和国海关进出口货物报关单填制规范》(海关总署公告2019年第18号) 运费 and the SW 申报项目录入指南 (DOMAIN.md §1.1, §3.2)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '率', 'Rate'],
      ['2', '单价', 'Amount per tonne'],
      ['3', '总价', 'Total amount'],
    ],
  },
  {
    id: 'insur-marks',
    version: 'facts-1',
    complete: true,
    source: '《中华人民共和国海关进出口货物报关单填制规范》 保费、杂费: only 1 率 and 3 总价 (DOMAIN.md §1.1, §3.2)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '率', 'Rate'],
      ['3', '总价', 'Total amount'],
    ],
  },
  {
    id: 'transaction-methods',
    version: 'facts-1',
    complete: true,
    source: `${SPEC}: DecHead/TransMode (DOMAIN.md §1.3 row 37, §3.2)`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', 'CIF', 'CIF'],
      ['2', 'C&F', 'C&F (CFR)'],
      ['3', 'FOB', 'FOB'],
      ['4', 'C&I', 'C&I'],
      ['5', '市场价', 'Market price'],
      ['6', '垫仓', 'Warehouse advance'],
      ['7', 'EXW', 'EXW'],
    ],
  },
  {
    id: 'duty-modes',
    version: 'facts-1',
    complete: true,
    source: 'Single window 征减免税方式 table as listed in full in DOMAIN.md §3.2',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['1', '照章征税', 'Duty as assessed'],
      ['2', '折半征税', 'Half duty'],
      ['3', '全免', 'Full exemption'],
      ['4', '特案', 'Special case'],
      ['5', '随征免性质', 'Per levy nature'],
      ['6', '保证金', 'Deposit'],
      ['7', '保函', 'Letter of guarantee'],
      ['8', '折半补税', 'Half duty paid later'],
      ['9', '全额退税', 'Full refund'],
    ],
  },
  {
    id: 'transport-modes',
    version: 'facts-1',
    complete: true,
    source: 'Single window 运输方式 table as listed in full in DOMAIN.md §3.2 (20 codes; alphanumeric)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '非保税区', 'Non-bonded area'],
      ['1', '监管仓库', 'Supervised warehouse'],
      ['2', '水路运输', 'Waterway'],
      ['3', '铁路运输', 'Rail'],
      ['4', '公路运输', 'Road'],
      ['5', '航空运输', 'Air'],
      ['6', '邮件运输', 'Post'],
      ['7', '保税区', 'Bonded zone'],
      ['8', '保税仓库', 'Bonded warehouse'],
      ['9', '其他方式运输', 'Other'],
      ['G', '固定设施运输', 'Fixed installation'],
      ['H', '边境特殊海关作业区', 'Border special customs area'],
      ['L', '旅客携带', 'Carried by passenger'],
      ['P', '洋浦保税港区', 'Yangpu bonded port area'],
      ['S', '特殊综合保税区', 'Special comprehensive bonded zone'],
      ['T', '综合实验区', 'Comprehensive pilot zone'],
      ['W', '物流中心', 'Logistics centre'],
      ['X', '物流园区', 'Logistics park'],
      ['Y', '保税港区', 'Bonded port area'],
      ['Z', '出口加工区', 'Export processing zone'],
    ],
  },
  {
    id: 'container-specs',
    version: 'facts-1',
    complete: true,
    source: 'Single window 集装箱规格 table as listed in full in DOMAIN.md §1.5',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['11', '普通2*标准箱(L)', 'General purpose, 2 TEU (L)'],
      ['12', '冷藏2*标准箱(L)', 'Refrigerated, 2 TEU (L)'],
      ['13', '罐式2*标准箱(L)', 'Tank, 2 TEU (L)'],
      ['21', '普通标准箱(S)', 'General purpose, 1 TEU (S)'],
      ['22', '冷藏标准箱(S)', 'Refrigerated, 1 TEU (S)'],
      ['23', '罐式标准箱(S)', 'Tank, 1 TEU (S)'],
      ['31', '其他标准箱(S)', 'Other, 1 TEU (S)'],
      ['32', '其他2*标准箱(L)', 'Other, 2 TEU (L)'],
    ],
  },
  {
    id: 'brand-types',
    version: 'facts-1',
    complete: true,
    source: '申报要素 position 0 品牌类型, as listed in DOMAIN.md §1.1',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '无品牌', 'No brand'],
      ['1', '境内自主品牌', 'Domestic own brand'],
      ['2', '境内收购品牌', 'Domestic acquired brand'],
      ['3', '境外品牌(贴牌生产)', 'Foreign brand (OEM)'],
      ['4', '境外品牌(其他)', 'Foreign brand (other)'],
    ],
  },
  {
    id: 'export-preferences',
    version: 'facts-1',
    complete: true,
    source: '申报要素 position 1 出口享惠情况, as listed in DOMAIN.md §1.1',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0', '出口货物在最终目的国(地区)不享受优惠关税', 'No preference in the destination'],
      ['1', '出口货物在最终目的国(地区)享受优惠关税', 'Preference in the destination'],
      ['2', '出口货物不能确定在最终目的国(地区)享受优惠关税', 'Preference unknown'],
      ['3', '不适用于进口报关单', 'Not applicable (import)'],
    ],
  },
];

/**
 * Words brokers say for a code that none of its names holds (our choice): a picker finds the code by them too, in
 * the `aliases` column beside the table's former official names. 托盘, 桶 and bag, drum, pallet are in the names.
 */
export const ourAliases: Record<string, Record<string, readonly string[]>> = {
  'packaging-types': { '22': ['carton'], '23': ['crate', 'wooden case'] },
};

/**
 * English names (our translations) for codes of the tables built from the handbook, which has
 * Chinese names only: a code without one shows its Chinese name in the English UI.
 */
export const ourEnglishNames: Record<string, Record<string, string>> = {
  'packaging-types': {
    '00': 'Bulk',
    '01': 'Unpacked',
    '04': 'Spherical tank',
    '06': 'Bag',
    '22': 'Paper or fibreboard box',
    '23': 'Wooden or plant-material box',
    '29': 'Box of other material',
    '32': 'Paper or fibreboard drum',
    '33': 'Wooden or plant-material drum',
    '39': 'Drum of other material',
    '41': 'Intermediate bulk container',
    '42': 'Portable tank',
    '43': 'Movable tank container',
    '92': 'Recycled wood pallet',
    '93': 'Natural wood pallet',
    '98': 'Plant-based dunnage',
    '99': 'Other packaging',
  },
  'trade-modes': {
    '0110': 'General trade',
    '0214': 'Processing with supplied materials',
    '0615': 'Processing with imported materials',
    '1039': 'Market procurement',
    '1210': 'Bonded e-commerce',
    '2600': 'Temporary import/export',
    '3010': 'Samples and advertising goods',
    '4561': 'Returned goods',
    '5034': 'Zone logistics goods',
    '9610': 'E-commerce',
    '9710': 'Cross-border B2B direct export',
    '9810': 'Cross-border export to overseas warehouse',
    '9900': 'Other',
  },
  'levy-natures': {
    '101': 'General duty',
    '118': 'Complete vehicles',
    '201': 'Free aid',
    '299': 'Other statutory',
    '307': 'Bonded zone',
    '401': 'Science and education supplies',
    '502': 'Processing with supplied materials',
    '503': 'Processing with imported materials',
    '789': 'Encouraged projects',
    '997': 'Free trade agreement',
    '999': 'Exceptional reduction',
  },
  units: {
    '001': 'Set (machine)',
    '006': 'Set',
    '007': 'Piece',
    '011': 'Item',
    '035': 'Kilogram',
    '036': 'Gram',
    '070': 'Tonne',
    '095': 'Litre',
    '120': 'Box',
    '140': 'Small box',
    '142': 'Bottle',
  },
  'edoc-types': {
    '00000001': 'Invoice',
    '00000002': 'Packing list',
    '00000003': 'Bill of lading / waybill',
    '00000004': 'Contract',
    '00000005': 'Other 1',
    '00000006': 'Other 2',
    '00000007': 'Other 3',
    '00000008': 'Customs brokerage agreement (scan)',
    '00000009': 'Proof of origin',
    '10000001': 'Customs brokerage agreement (electronic)',
  },
  'licence-doc-types': {
    A: 'Inspection and quarantine (entry)',
    B: 'Inspection e-record (exit)',
    Y: 'Certificate of origin',
  },
};

/**
 * 商品编号 that no longer exist in the tariff, with the codes that replaced them, as
 * ../shared/domain/code-tables/SOURCES.md names them (tariff-full.csv: "Reflects the 2026 splits").
 * A code here is named as retired with its successors; any other code missing from a complete
 * tariff is named as not in it, with the codes under the same subheading.
 */
export const tariffChanges: FactTable = {
  id: 'tariff-changes',
  version: 'facts-1',
  complete: false,
  source: '../shared/domain/code-tables/SOURCES.md, tariff-full.csv: the 2026 splits it names',
  columns: ['code', 'name_zh', 'name_en', 'successors', 'tariff_year'],
  rows: [
    ['8471300000', '2026年税则中已拆分', 'Split in the 2026 tariff', '8471301000;8471309000', '2026'],
    ['8542319090', '2026年税则中已拆分', 'Split in the 2026 tariff', '8542319091;8542319092;8542319099', '2026'],
  ],
};
