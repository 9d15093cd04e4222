import { el } from './element-builder';
import type { SectionDef } from './types';

// DecList (表体) in schema order, with the blocks nested in it. Order: DOMAIN.md §1.4 (XSD-generated
// classes; RcepOrigPlaceCode and ControlExplainCode are later additions the import spec lists
// after MnufctrRegName). Types, lengths and flags: decmessage-fields.tsv.
//
// Country fields hold the message's values: for an export the import format puts the destination
// in OriginCountry and the origin in DestinationCountry (spec note, DOMAIN.md §1.4), so the labels
// turn with the direction and shared/catalog/countries.ts maps between meaning and message.

const I = (zh: string, en: string) => ({ zh, en });

export const MAX_GOODS_LINES = 50;

export const decList: SectionDef = {
  id: 'lines',
  xml: 'DecLists/DecList',
  zh: '商品',
  en: 'Goods lines',
  repeats: true,
  maxRows: MAX_GOODS_LINES,
  filledBy: 'user',
  note: 'At most 50 lines per declaration (the long-standing practical cap; unverified, DOMAIN.md §1.4).',
  elements: [
    el('ClassMark', '归类标志', 'Classification mark', 'S1', '', { note: '空值' }),
    el('CodeTS', '商品编号', 'HS code', 'S10', 'both', { summary: true, codeTable: 'tariff', format: 'hs-code' }),
    el('ContrItem', '备案序号', 'Record item no.', 'I19', '', { note: '加工贸易手册/账册中的序号' }),
    el('DeclPrice', '申报单价', 'Unit price', 'N19,4', 'declare'),
    el('DutyMode', '征免', 'Duty mode', 'S1', 'declare', { codeTable: 'duty-modes' }),
    el('Factor', '申报计量单位与法定单位比例因子', 'Unit conversion factor', 'N11,3', ''),
    el('GModel', '规格型号', 'Specification (declaration elements)', 'S255', '', {
      note: '按商品编号的申报要素顺序填写，以 | 分隔；前两项为品牌类型、出口享惠情况',
    }),
    el('GName', '商品名称', 'Goods name', 'S255', 'declare', { summary: true }),
    el('GNo', '项号', 'Line no.', 'I19', 'both', { auto: 'system', note: '由商品顺序生成，从1开始连续' }),
    el('OriginCountry', '原产国(地区)', 'Country of origin', 'S3', 'declare', {
      summary: true,
      codeTable: 'countries',
      ie: { E: I('最终目的国(地区)', 'Country of final destination') },
      note: '出口报关单此项填最终目的国',
    }),
    el('TradeCurr', '币制', 'Currency', 'S3', 'declare', { summary: true, codeTable: 'currencies' }),
    el('DeclTotal', '申报总价', 'Total price', 'N19,4', 'declare', { summary: true }),
    el('GQty', '成交数量', 'Quantity', 'N19,5', 'declare', { summary: true }),
    el('FirstQty', '法定第一数量', 'First legal quantity', 'N19,5', 'declare'),
    el('SecondQty', '法定第二数量', 'Second legal quantity', 'N19,5', 'declare', {
      conditional: true,
      note: '商品编号有第二法定单位时必填，否则不填',
    }),
    el('GUnit', '成交计量单位', 'Unit of quantity', 'S3', 'declare', { summary: true, codeTable: 'units' }),
    el('FirstUnit', '法定第一计量单位', 'First legal unit', 'S3', 'declare', { codeTable: 'units' }),
    el('SecondUnit', '法定第二计量单位', 'Second legal unit', 'S3', '', { codeTable: 'units', conditional: true }),
    el('UseTo', '用途/生产厂家', 'Use / manufacturer', 'S2', '', { codeTable: 'use-codes' }),
    el('WorkUsd', '工缴费', 'Processing fee', 'N19,4', ''),
    el('ExgNo', '货号', 'Item no.', 'S30', ''),
    el('ExgVersion', '版本号', 'Consumption version', 'I8', ''),
    el('DestinationCountry', '最终目的国(地区)', 'Country of final destination', 'S3', 'both', {
      codeTable: 'countries',
      ie: { E: I('原产国(地区)', 'Country of origin') },
      note: '出口报关单此项填原产国',
    }),
    el('CiqCode', '检验检疫编码', 'CIQ code', 'S20', '', {
      format: 'ciq-sub-code',
      note: '填写3位监管类别，与商品编号组成13位编码',
    }),
    el('DeclGoodsEname', '商品英文名称', 'Goods name (English)', 'S100', ''),
    el('OrigPlaceCode', '原产地区代码', 'Region of origin', 'S50', ''),
    el('Purpose', '用途', 'Purpose', 'S4', '', { codeTable: 'purposes' }),
    el('ProdValidDt', '产品有效期', 'Valid until', 'S20', '', { format: 'ymd' }),
    el('ProdQgp', '产品保质期', 'Shelf life', 'S20', ''),
    el('GoodsAttr', '货物属性', 'Goods attributes', 'S20', '', { note: '货物属性代码，多个以逗号分隔' }),
    el('Stuff', '成份/原料/组份', 'Ingredients', 'S400', ''),
    el('Uncode', 'UN编码', 'UN number', 'S20', ''),
    el('DangName', '危险货物名称', 'Dangerous goods name', 'S80', ''),
    el('DangPackType', '危包类别', 'Dangerous goods packing group', 'S4', ''),
    el('DangPackSpec', '危包规格', 'Dangerous goods packing spec', 'S24', ''),
    el('EngManEntCnm', '境外生产企业名称', 'Overseas manufacturer', 'S100', ''),
    el('NoDangFlag', '非危险化学品', 'Not a dangerous chemical', 'S1', '', { codeTable: 'flags-01' }),
    el('DestCode', '目的地代码', 'Destination division code', 'S8', '', {
      codeTable: 'admin-divisions',
      ie: { I: I('目的地代码', 'Destination division code'), E: I('产地代码', 'Place of production code') },
    }),
    el('GoodsSpec', '检验检疫货物规格', 'CIQ goods specification', 'S2000', ''),
    el('GoodsModel', '货物型号', 'Goods model', 'S2000', ''),
    el('GoodsBrand', '货物品牌', 'Goods brand', 'S2000', ''),
    el('ProduceDate', '生产日期', 'Production dates', 'S2000', '', { note: 'yyyyMMdd，多个日期用英文分号分隔' }),
    el('ProdBatchNo', '生产批号', 'Production batch no.', 'S2000', ''),
    el('DistrictCode', '境内目的地/境内货源地', 'Domestic destination/source', 'S5', 'declare', {
      codeTable: 'domestic-districts',
      ie: { I: I('境内目的地', 'Domestic destination'), E: I('境内货源地', 'Domestic source') },
    }),
    el('CiqName', '检验检疫名称', 'CIQ name', 'S50', ''),
    // DecGoodsLimits (goodsLimits) is written here.
    el('MnufctrRegNo', '生产单位注册号', 'Manufacturer registration no.', 'S20', '', { note: '出口独有' }),
    el('MnufctrRegName', '生产单位名称', 'Manufacturer name', 'S150', '', { note: '出口独有' }),
    el('RcepOrigPlaceCode', '优惠贸易协定项下原产地', 'Origin under a preferential agreement', 'S3', '', {
      codeTable: 'countries',
    }),
    el('ControlExplainCode', '禁限管制识别码', 'Prohibition/restriction code', 'S4', ''),
  ],
};

export const goodsLimits: SectionDef = {
  id: 'goodsLimits',
  xml: 'DecGoodsLimits/DecGoodsLimit',
  zh: '许可证信息',
  en: 'Goods licences',
  repeats: true,
  filledBy: 'user',
  parent: { section: 'lines', after: 'CiqName', keys: [['GoodsNo', '#']] },
  elements: [
    el('GoodsNo', '商品序号', 'Line no.', 'I9', 'both'),
    el('LicTypeCode', '许可证类别', 'Licence type', 'S5', 'declare', { codeTable: 'licence-types' }),
    el('LicenceNo', '许可证编号', 'Licence no.', 'S40', 'declare'),
    el('LicWrtofDetailNo', '许可证核销明细序号', 'Licence write-off item no.', 'S4', ''),
    el('LicWrtofQty', '许可证核销数量', 'Licence write-off quantity', 'S20', ''),
    // DecGoodsLimitVin rows (goodsLimitVins) are written here: the XSD-generated classes put them
    // between LicWrtofQty and LicWrtofQtyUnit.
    el('LicWrtofQtyUnit', '许可证核销数量单位', 'Licence write-off unit', 'S3', '', { codeTable: 'units' }),
  ],
};

export const goodsLimitVins: SectionDef = {
  id: 'goodsLimitVins',
  xml: 'DecGoodsLimitVin',
  zh: '许可证VIN信息',
  en: 'Licence vehicle (VIN) details',
  repeats: true,
  filledBy: 'user',
  note: 'Vehicles under licence types 408/409.',
  parent: {
    section: 'goodsLimits',
    after: 'LicWrtofQty',
    keys: [
      ['GoodsNo', 'GoodsNo'],
      ['LicTypeCode', 'LicTypeCode'],
      ['LicenceNo', 'LicenceNo'],
    ],
  },
  elements: [
    el('GoodsNo', '商品序号', 'Line no.', 'I9', 'both', { local: true }),
    el('LicenceNo', '许可证编号', 'Licence no.', 'S40', 'both'),
    el('LicTypeCode', '许可证类别', 'Licence type', 'S5', 'both', { codeTable: 'licence-types' }),
    el('VinNo', 'VIN序号', 'VIN item no.', 'S100', ''),
    el('BillLadDate', '提/运单日期', 'Bill of lading date', 'D8', ''),
    el('QualityQgp', '质量保质期', 'Quality guarantee period', 'S100', ''),
    el('MotorNo', '发动机号或电机号', 'Engine/motor no.', 'S100', ''),
    el('VinCode', '车辆识别代码(VIN)', 'Vehicle identification no.', 'S20', ''),
    el('ChassisNo', '底盘(车架)号', 'Chassis no.', 'S10', ''),
    el('InvoiceNum', '发票所列数量', 'Invoice quantity', 'N19,5', ''),
    el('ProdCnnm', '品名(中文名称)', 'Product name (Chinese)', 'S500', ''),
    el('ProdEnnm', '品名(英文名称)', 'Product name (English)', 'S500', ''),
    el('ModelEn', '型号(英文)', 'Model (English)', 'S500', ''),
    el('PricePerUnit', '单价', 'Unit price', 'S20', ''),
    el('InvoiceNo', '发票号', 'Invoice no.', 'S30', ''),
  ],
};

export const controlModels: SectionDef = {
  id: 'controlModels',
  xml: 'DecControlModel',
  zh: '禁限管制要素',
  en: 'Prohibition/restriction elements',
  repeats: true,
  filledBy: 'user',
  note:
    'Per goods line (a third-party schema of the import spec links it to DecList). Its exact position ' +
    'in the XSD is not public; written after ControlExplainCode, one DecControlModel per row. Verify.',
  parent: { section: 'lines', after: 'ControlExplainCode', keys: [['GNo', '#']] },
  elements: [
    el('GNo', '商品序号', 'Line no.', 'I19', 'both', { local: true }),
    el('ElementNo', '要素序号', 'Element no.', 'S19', 'both'),
    el('ElementValue', '要素值', 'Element value', 'S512', ''),
    el('DeclarationCategoryCode', '禁限管制规范申报类别', 'Declaration category', 'S4', 'both'),
  ],
};
