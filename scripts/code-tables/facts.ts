// Short official code lists written down as facts, each with its citation. These are the lists
// the product may ship (../shared/domain/README.md): the import spec's own enumerations, the
// filling specification's marks, and lists our handbook states in full or in part
// (/work/shared/DOMAIN.md, cited by section). Nothing here was copied from the third-party
// parameter tables; the full official tables are imported from the user's parameter files.
// scripts/build-code-tables.ts turns these into resources/code-tables/*.json; resources/SOURCES.md
// records every source. Bump `version` when a list changes.

export interface FactTable {
  id: string;
  version: string;
  complete: boolean;
  source: string;
  /** [code, name_zh, name_en, extra columns…] */
  columns: string[];
  rows: string[][];
}

const SPEC = '《进出口货物报关单导入报文格式》(单一窗口) element notes, as transcribed in decmessage-fields.tsv (DOMAIN.md §1.0 S1)';

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
    source: '《中华人民共和国海关进出口货物报关单填制规范》(海关总署公告2019年第18号) 运费 and the SW 申报项目录入指南 (DOMAIN.md §1.1, §3.2)',
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
  {
    id: 'packaging-types',
    version: 'facts-1',
    complete: false,
    source: 'Single window 包装种类 codes listed in DOMAIN.md §3.2 (16 of the current 17)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['00', '散装', 'Bulk'],
      ['01', '裸装', 'Unpacked'],
      ['04', '球状罐类', 'Spherical tank'],
      ['06', '包/袋', 'Bag'],
      ['22', '纸制或纤维板制盒/箱', 'Paper or fibreboard box'],
      ['23', '木制或竹藤等植物性材料制盒/箱', 'Wooden or plant-material box'],
      ['29', '其他材料制盒/箱', 'Box of other material'],
      ['32', '纸制或纤维板制桶', 'Paper or fibreboard drum'],
      ['39', '其他材料制桶', 'Drum of other material'],
      ['41', '中型散装容器', 'Intermediate bulk container'],
      ['42', '便携式罐体', 'Portable tank'],
      ['43', '可移动罐柜', 'Movable tank container'],
      ['92', '再生木托', 'Recycled wood pallet'],
      ['93', '天然木托', 'Natural wood pallet'],
      ['98', '植物性铺垫材料', 'Plant-based dunnage'],
      ['99', '其他包装', 'Other packaging'],
    ],
  },
  {
    id: 'trade-modes',
    version: 'facts-1',
    complete: false,
    source: 'Single window 监管方式 codes given as examples in DOMAIN.md §3.2 (13 of about 100)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['0110', '一般贸易', 'General trade'],
      ['0214', '来料加工', 'Processing with supplied materials'],
      ['0615', '进料对口', 'Processing with imported materials'],
      ['1039', '市场采购', 'Market procurement'],
      ['1210', '保税电商', 'Bonded e-commerce'],
      ['2600', '暂时进出货物', 'Temporary import/export'],
      ['3010', '货样广告品', 'Samples and advertising goods'],
      ['4561', '退运货物', 'Returned goods'],
      ['5034', '区内物流货物', 'Zone logistics goods'],
      ['9610', '电子商务', 'E-commerce'],
      ['9710', '跨境电商B2B直接出口', 'Cross-border B2B direct export'],
      ['9810', '跨境电商出口海外仓', 'Cross-border export to overseas warehouse'],
      ['9900', '其他', 'Other'],
    ],
  },
  {
    id: 'levy-natures',
    version: 'facts-1',
    complete: false,
    source: 'Single window 征免性质 codes given as examples in DOMAIN.md §3.2 (11 of about 104)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['101', '一般征税', 'General duty'],
      ['118', '整车征税', 'Complete vehicles'],
      ['201', '无偿援助', 'Free aid'],
      ['299', '其他法定', 'Other statutory'],
      ['307', '保税区', 'Bonded zone'],
      ['401', '科教用品', 'Science and education supplies'],
      ['502', '来料加工', 'Processing with supplied materials'],
      ['503', '进料加工', 'Processing with imported materials'],
      ['789', '鼓励项目', 'Encouraged projects'],
      ['997', '自贸协定', 'Free trade agreement'],
      ['999', '例外减免', 'Exceptional reduction'],
    ],
  },
  {
    id: 'units',
    version: 'facts-1',
    complete: false,
    source: 'Single window 计量单位 codes given as examples in DOMAIN.md §3.2 (11 of about 124)',
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['001', '台', 'Set (machine)'],
      ['006', '套', 'Set'],
      ['007', '个', 'Piece'],
      ['011', '件', 'Item'],
      ['035', '千克', 'Kilogram'],
      ['036', '克', 'Gram'],
      ['070', '吨', 'Tonne'],
      ['095', '升', 'Litre'],
      ['120', '箱', 'Box'],
      ['140', '盒', 'Small box'],
      ['142', '瓶', 'Bottle'],
    ],
  },
  {
    id: 'edoc-types',
    version: 'facts-1',
    complete: false,
    source: `${SPEC}: EdocRealation/EdocCode examples (DOMAIN.md §1.5)`,
    columns: ['code', 'name_zh', 'name_en'],
    rows: [
      ['00000001', '发票', 'Invoice'],
      ['00000002', '装箱单', 'Packing list'],
      ['00000003', '提/运单', 'Bill of lading / waybill'],
      ['00000004', '合同', 'Contract'],
      ['10000001', '代理报关委托协议(电子)', 'Customs brokerage agreement (electronic)'],
    ],
  },
  {
    id: 'licence-doc-types',
    version: 'facts-1',
    complete: false,
    source: '监管证件代码 named in DOMAIN.md §1.5 and code-tables notes (A, B current meanings; Y 原产地证明)',
    columns: ['code', 'name_zh', 'name_en', 'applies_import', 'applies_export'],
    rows: [
      ['A', '检验检疫', 'Inspection and quarantine (entry)', 'Y', 'N'],
      ['B', '电子底账', 'Inspection e-record (exit)', 'N', 'Y'],
      ['Y', '原产地证明', 'Certificate of origin', 'Y', 'N'],
    ],
  },
];

/**
 * Customs wording for country names the ISO package spells otherwise, and customs-only codes,
 * as DOMAIN.md §3.2 states them ("ship the customs Chinese names, e.g. 中国香港, not 香港").
 */
export const customsCountryNames: Record<string, string> = {
  CHN: '中国',
  HKG: '中国香港',
  MAC: '中国澳门',
  TWN: '中国台湾',
};

export const customsCountryExtras: string[][] = [
  ['CAI', '加那利群岛', 'Canary Islands'],
  ['CEU', '休达', 'Ceuta'],
  ['MEL', '梅利利亚', 'Melilla'],
  ['ZAS', '亚洲其他国家(地区)', 'Other Asian countries (regions)'],
  ['ZZZ', '国(地)别不详', 'Country (region) unknown'],
];

/** Chinese currency names the single window uses, for the currencies DOMAIN.md §3.2 lists. */
export const customsCurrencyNames: Record<string, string> = {
  USD: '美元',
  CNY: '人民币',
  EUR: '欧元',
  HKD: '港币',
  JPY: '日本元',
  GBP: '英镑',
  KRW: '韩国圆',
  TWD: '新台币',
  MOP: '澳门元',
};

/** ISO 4217 entries that are funds, metals, bond units or test codes, never a trade currency. */
export const nonTradeCurrencies = new Set([
  'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW',
  'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX',
]);
