import { el } from './element-builder';
import type { SectionDef } from './types';

// DecHead in schema order (../shared/DOMAIN.md §1.3: order from the XSD-generated classes, type,
// length and 暂存/申报必填 from the import-spec transcription, decmessage-fields.tsv). Chinese labels
// are the printed form's wording where the form has one (e2e finds fields by them); the `ie`
// labels are the form's import/export wording for fields whose meaning turns with the direction.

const I = (zh: string, en: string) => ({ zh, en });

export const decHead: SectionDef = {
  id: 'head',
  xml: 'DecHead',
  zh: '表头',
  en: 'Header',
  repeats: false,
  filledBy: 'user',
  elements: [
    el('SeqNo', '统一编号', 'Single window sequence no.', 'S18', '', {
      auto: 'customs',
      note: '首次导入传空值，由系统自动生成并返回客户端',
    }),
    el('IEFlag', '进出口标志', 'Import/export flag', 'S1', 'both', { codeTable: 'ie-flags', auto: 'system' }),
    el('Type', '单据类型', 'Declaration type', 'S6', 'declare', {
      // The spec marks it 申报必填, yet an ordinary declaration leaves it blank.
      conditional: true,
      note: '前两位：一般报关单填空值；ML 保税区进出境备案清单、SD 属地申报口岸验放 …；第三位 5 概要申报 / 6 完整申报',
    }),
    el('AgentCode', '申报单位代码', 'Declaring agent customs code', 'S10', 'both', { format: 'customs-code' }),
    el('AgentName', '申报单位', 'Declaring agent', 'S100', 'both'),
    el('ApprNo', '批准文号', 'Approval no.', 'S32', ''),
    el('BillNo', '提运单号', 'Bill of lading no.', 'S32', '', { summary: true }),
    el('ContrNo', '合同协议号', 'Contract no.', 'S32', ''),
    el('CustomMaster', '申报地海关', 'Declaring customs', 'S4', 'both', { codeTable: 'customs-districts' }),
    el('CutMode', '征免性质', 'Levy nature', 'S3', '', { codeTable: 'levy-natures' }),
    el('DistinatePort', '经停港/指运港', 'Port of call / destination', 'S6', 'declare', {
      codeTable: 'ports',
      ie: { I: I('经停港', 'Port of call'), E: I('指运港', 'Port of destination') },
    }),
    el('FeeCurr', '运费币制', 'Freight currency', 'S3', '', { codeTable: 'currencies' }),
    el('FeeMark', '运费标记', 'Freight mark', 'S1', '', { codeTable: 'fee-marks' }),
    el('FeeRate', '运费', 'Freight rate/amount', 'N19,5', ''),
    el('GrossWet', '毛重(千克)', 'Gross weight (kg)', 'N19,5', 'declare', { summary: true }),
    el('IEDate', '进出口日期', 'Import/export date', 'D8', '', {
      ie: { I: I('进口日期', 'Import date'), E: I('出口日期', 'Export date') },
    }),
    el('IEPort', '进出境关别', 'Customs of entry/exit', 'S4', 'declare', {
      summary: true,
      codeTable: 'customs-districts',
      ie: { I: I('进境关别', 'Customs of entry'), E: I('出境关别', 'Customs of exit') },
    }),
    el('InsurCurr', '保险费币制', 'Insurance currency', 'S3', '', { codeTable: 'currencies' }),
    el('InsurMark', '保险费标记', 'Insurance mark', 'S1', '', { codeTable: 'insur-marks' }),
    el('InsurRate', '保险费', 'Insurance rate/amount', 'N19,5', ''),
    el('LicenseNo', '许可证号', 'Licence no.', 'S20', ''),
    el('ManualNo', '备案号', 'Record no. (manual/account book)', 'S12', '', {
      note: '加工贸易手册/账册号、征免税证明编号等',
    }),
    el('NetWt', '净重(千克)', 'Net weight (kg)', 'N19,5', 'declare'),
    el('NoteS', '备注', 'Remarks', 'S255', ''),
    el('OtherCurr', '杂费币制', 'Other charges currency', 'S3', '', { codeTable: 'currencies' }),
    el('OtherMark', '杂费标记', 'Other charges mark', 'S1', '', { codeTable: 'insur-marks' }),
    el('OtherRate', '杂费', 'Other charges rate/amount', 'N19,5', ''),
    el('OwnerCode', '消费使用/生产销售单位代码', 'Consumer/producer code', 'S18', '', {
      format: 'customs-code-or-no',
      ie: { I: I('消费使用单位代码', 'Consumer code'), E: I('生产销售单位代码', 'Producer/seller code') },
      note: '10位或9位，或NO',
    }),
    el('OwnerName', '消费使用/生产销售单位', 'Consumer/producer', 'S100', 'declare', {
      ie: { I: I('消费使用单位', 'Consumer'), E: I('生产销售单位', 'Producer/seller') },
    }),
    el('PackNo', '件数', 'Number of packages', 'I9', 'declare'),
    el('TradeCode', '境内收发货人编号', 'Domestic consignee/consignor code', 'S18', 'declare', {
      summary: true,
      format: 'customs-code',
    }),
    el('TradeCountry', '启运国/运抵国', 'Country of departure/arrival', 'S3', 'declare', {
      codeTable: 'countries',
      ie: { I: I('启运国(地区)', 'Country of departure'), E: I('运抵国(地区)', 'Country of arrival') },
    }),
    el('TradeMode', '监管方式', 'Supervision mode', 'S4', 'declare', { summary: true, codeTable: 'trade-modes' }),
    el('TradeName', '境内收发货人', 'Domestic consignee/consignor', 'S100', 'declare', { summary: true }),
    el('TrafMode', '运输方式', 'Transport mode', 'S1', 'declare', { summary: true, codeTable: 'transport-modes' }),
    el('TrafName', '运输工具名称', 'Means of transport', 'S50', '', {
      summary: true,
      note: '航次号填在自由文本 VoyNo；转关填 @+载货清单号',
    }),
    el('TransMode', '成交方式', 'Transaction method', 'S1', 'declare', { codeTable: 'transaction-methods' }),
    el('WrapType', '包装种类', 'Package type', 'S2', 'declare', { codeTable: 'packaging-types' }),
    el('EntryId', '海关编号', 'Customs entry no.', 'S18', '', { auto: 'customs' }),
    // 18 digits by the filling rules; the transcription's String(9) is a legacy size (calibrations.ts).
    el('PreEntryId', '预录入编号', 'Pre-entry no.', 'S18', '', {
      auto: 'customs',
      note: '规范为18位（关区4+年份4+进出口1+流水9）；导入规范仍标9位',
    }),
    el('EdiId', '报关标志', 'Declaration flag', 'S1', 'declare', { codeTable: 'edi-ids' }),
    el('Risk', '风险评估参数', 'Risk assessment parameter', 'S10', '', { note: '空值（上海专用）' }),
    el('CopName', '录入单位', 'Data entry company', 'S70', 'both'),
    // The transcription says String(9), the old 组织机构代码; real messages carry the 10-character
    // 海关编码 here (calibrations.ts): both are accepted, as for OwnerCode.
    el('CopCode', '录入单位代码', 'Data entry company code', 'S10', 'both', { format: 'customs-or-org-code' }),
    el('EntryType', '报关单类型', 'Entry type', 'S1', 'declare', { codeTable: 'entry-types' }),
    el('PDate', '打印日期', 'Print date', 'D8', ''),
    el('TypistNo', '录入员IC卡号', 'Typist IC card no.', 'S30', 'both'),
    el('InputerName', '录入员', 'Typist name', 'S32', 'both'),
    el('PartenerID', '申报人标识', 'Declarant identifier', 'S20', ''),
    el('TgdNo', '关联单据号', 'Related document no.', 'S18', '', { note: '空值，预留字段' }),
    el('DataSource', '扩展字段', 'Extension flags', 'S5', '', {
      note: '第一位 口罩标准；第三位 商品拆分；第五位 智能申报',
    }),
    el('DeclTrnRel', '报关/转关关系标志', 'Declaration/transit relation', 'S1', 'both', { codeTable: 'decl-trn-rel' }),
    el('ChkSurety', '担保验放标志', 'Guarantee release flag', 'S1', '', { codeTable: 'flags-01' }),
    el('BillType', '备案清单类型', 'Record list type', 'S1', '', { codeTable: 'bill-types' }),
    el('CopCodeScc', '录入单位统一社会信用代码', 'Data entry company USCC', 'S18', '', { format: 'uscc' }),
    el('OwnerCodeScc', '消费使用/生产销售单位统一社会信用代码', 'Consumer/producer USCC', 'S18', 'declare', {
      format: 'uscc',
      ie: {
        I: I('消费使用单位统一社会信用代码', 'Consumer USCC'),
        E: I('生产销售单位统一社会信用代码', 'Producer/seller USCC'),
      },
    }),
    el('AgentCodeScc', '申报单位统一社会信用代码', 'Declaring agent USCC', 'S18', 'declare', {
      summary: true,
      format: 'uscc',
    }),
    el('TradeCoScc', '境内收发货人统一社会信用代码', 'Domestic consignee/consignor USCC', 'S18', 'declare', {
      summary: true,
      format: 'uscc',
    }),
    el('PromiseItmes', '价格说明', 'Price declarations', 'S32', 'both', {
      format: 'promise-items',
      note: '每位 1 是 / 0 否 / 9 空：特殊关系确认、价格影响确认、支付特许权使用费确认、公式定价确认、暂定价格确认',
    }),
    el('TradeAreaCode', '贸易国(地区)', 'Trading country', 'S3', 'both', { codeTable: 'countries' }),
    el('CheckFlow', '查验分流', 'Inspection split', 'S1', '', { codeTable: 'flags-01' }),
    el('TaxAaminMark', '税收征管标记', 'Tax administration mark', 'S1', '', { codeTable: 'flags-01' }),
    el('MarkNo', '标记唛码', 'Shipping marks', 'S400', '', { note: '无标记填 N/M' }),
    el('DespPortCode', '启运港', 'Port of departure', 'S8', 'declare', { codeTable: 'ports' }),
    el('EntyPortCode', '入境口岸/离境口岸', 'Port of entry/exit', 'S8', 'declare', {
      codeTable: 'entry-exit-ports',
      ie: { I: I('入境口岸', 'Port of entry'), E: I('离境口岸', 'Port of exit') },
    }),
    el('GoodsPlace', '货物存放地点', 'Place of goods', 'S100', 'declare'),
    el('BLNo', 'B/L号', 'B/L no.', 'S50', ''),
    el('InspOrgCode', '口岸检验检疫机关', 'Port inspection authority', 'S10', '', { note: '字段已废弃，不再使用' }),
    el('SpecDeclFlag', '特种业务标识', 'Special business flags', 'S10', '', {
      note: '每位 0/1：国际赛事、特殊进出军工物资、国际援助物资、国际会议、直通放行、外交礼遇、转关',
    }),
    el('PurpOrgCode', '目的地海关', 'Destination customs', 'S4', '', { codeTable: 'customs-districts' }),
    el('DespDate', '启运日期', 'Departure date', 'D8', ''),
    el('CmplDschrgDt', '卸毕日期', 'Discharge completed date', 'D8', ''),
    el('CorrelationReasonFlag', '关联理由', 'Correlation reason', 'S2', '', { codeTable: 'correlation-reasons' }),
    el('VsaOrgCode', '领证机关', 'Certificate issuing authority', 'S10', '', { note: '字段已废弃，不再使用' }),
    el('OrigBoxFlag', '原集装箱标识', 'Original container flag', 'S1', '', { codeTable: 'flags-01' }),
    el('DeclareName', '报关人员', 'Declarant name', 'S50', 'both'),
    el('NoOtherPack', '无其他包装', 'No other packaging', 'S1', '', { codeTable: 'flags-01' }),
    el('OrgCode', '检验检疫受理机关', 'Inspection acceptance authority', 'S10', '', { note: '字段已废弃，不再使用' }),
    el('OverseasConsignorCode', '境外发货人代码', 'Overseas consignor code', 'S50', '', {
      note: '进口填写；有AEO互认的填AEO编码，否则填NO',
    }),
    el('OverseasConsignorCname', '境外发货人名称(中文)', 'Overseas consignor (Chinese name)', 'S150', ''),
    el('OverseasConsignorEname', '境外发货人名称(外文)', 'Overseas consignor (foreign name)', 'S100', ''),
    el('OverseasConsignorAddr', '境外发货人地址', 'Overseas consignor address', 'S100', ''),
    el('OverseasConsigneeCode', '境外收货人代码', 'Overseas consignee code', 'S50', '', {
      note: '出口填写；有AEO互认的填AEO编码，否则填NO',
    }),
    el('OverseasConsigneeEname', '境外收货人名称(外文)', 'Overseas consignee (foreign name)', 'S400', ''),
    el('DomesticConsigneeEname', '境内收发货人名称(外文)', 'Domestic consignee/consignor (foreign name)', 'S400', ''),
    el('CorrelationNo', '关联号码', 'Correlation no.', 'S500', ''),
    el('EdiRemark2', 'EDI申报备注2', 'EDI remark 2', 'S128', ''),
    el('EdiRemark', 'EDI申报备注', 'EDI remark', 'S128', ''),
    el('TradeCiqCode', '境内收发货人检验检疫编码', 'Domestic consignee/consignor CIQ code', 'S10', '', {
      format: 'ciq-code',
    }),
    el('OwnerCiqCode', '消费使用/生产销售单位检验检疫编码', 'Consumer/producer CIQ code', 'S10', '', {
      format: 'ciq-code',
    }),
    el('DeclCiqCode', '申报单位检验检疫编码', 'Declaring agent CIQ code', 'S10', '', { format: 'ciq-code' }),
  ],
};
