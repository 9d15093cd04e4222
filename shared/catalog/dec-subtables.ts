import { el } from './element-builder';
import type { SectionDef } from './types';

// The DecMessage's sub-tables and single blocks the entry form uses, in the root's schema order
// (DOMAIN.md §1.2, §1.5; element order from the XSD-generated classes, types, lengths and flags
// from decmessage-fields.tsv). Wrapper and record names are the message's: a container row is
// `Container`, a licence row `LicenseDocu`, and EdocRealation repeats directly under the root.

export const containers: SectionDef = {
  id: 'containers',
  xml: 'DecContainers/Container',
  zh: '集装箱',
  en: 'Containers',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('ContainerId', '集装箱号', 'Container no.', 'S32', 'draft', { format: 'container-no' }),
    el('ContainerMd', '集装箱规格', 'Container size/type', 'S32', 'draft', { codeTable: 'container-specs' }),
    el('GoodsNo', '商品项号关系', 'Goods line nos.', 'S255', 'draft', {
      format: 'gno-list',
      note: '商品项号用半角逗号分隔，如“1,3”',
    }),
    el('LclFlag', '拼箱标识', 'LCL flag', 'S1', '', { codeTable: 'flags-01' }),
    el('GoodsContaWt', '箱货重量', 'Container and goods weight', 'N19,5', ''),
    el('ContainerWt', '集装箱自重', 'Container tare weight', 'N18,5', ''),
  ],
};

export const licenceDocs: SectionDef = {
  id: 'licenceDocs',
  xml: 'DecLicenseDocus/LicenseDocu',
  zh: '随附单证',
  en: 'Licence documents',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('DocuCode', '随附单证代码', 'Document code', 'S1', 'draft', { codeTable: 'licence-doc-types' }),
    el('CertCode', '随附单证编号', 'Document no.', 'S32', 'draft', {
      note: '原产地证明 Y：<协定代码>+证书类型+证书编号；无证书编号填 JE00000',
    }),
  ],
};

export const requestCerts: SectionDef = {
  id: 'requestCerts',
  xml: 'DecRequestCerts/DecRequestCert',
  zh: '申请单证',
  en: 'Certificates requested',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('AppCertCode', '申请单证代码', 'Certificate code', 'S50', 'draft'),
    el('ApplOri', '申请单证正本数', 'Originals', 'S50', ''),
    el('ApplCopyQuan', '申请单证副本数', 'Copies', 'S50', ''),
  ],
};

export const otherPacks: SectionDef = {
  id: 'otherPacks',
  xml: 'DecOtherPacks/DecOtherPack',
  zh: '其他包装',
  en: 'Other packaging',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('PackQty', '包装件数', 'Number of packages', 'N19,5', 'declare', { note: '挂装、散装、裸装时可不输入' }),
    el('PackType', '包装材料种类', 'Package type', 'S2', 'declare', { codeTable: 'packaging-types' }),
  ],
};

export const copLimits: SectionDef = {
  id: 'copLimits',
  xml: 'DecCopLimits/DecCopLimit',
  zh: '企业资质',
  en: 'Company qualifications',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('EntQualifNo', '企业资质编号', 'Qualification no.', 'S40', ''),
    el('EntQualifTypeCode', '企业资质类别', 'Qualification type', 'S5', 'declare', { codeTable: 'ent-qualif-types' }),
  ],
};

export const users: SectionDef = {
  id: 'users',
  xml: 'DecUsers/DecUser',
  zh: '使用人',
  en: 'Users of the goods',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('UseOrgPersonCode', '使用单位联系人', 'Contact person', 'S20', ''),
    el('UseOrgPersonTel', '使用单位联系电话', 'Contact phone', 'S20', ''),
  ],
};

export const markLobs: SectionDef = {
  id: 'markLobs',
  xml: 'DecMarkLobs/DecMarkLob',
  zh: '标记号码附件',
  en: 'Shipping mark images',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('AttachName', '附件名称', 'File name', 'S80', 'both'),
    el('AttachType', '附件类型', 'File type', 'S20', '', { note: 'png、jpg、jpeg、webp' }),
    el('Attachment', '附件', 'Image (base64)', 'B1048576', 'both', { note: '不超过1MB，BASE64编码' }),
  ],
};

export const freeText: SectionDef = {
  id: 'freeText',
  xml: 'DecFreeTxt',
  zh: '自由文本',
  en: 'Free text',
  repeats: false,
  filledBy: 'user',
  elements: [
    el('RelId', '关联报关单号', 'Related declaration no.', 'S18', ''),
    el('RelManNo', '关联备案号', 'Related record no.', 'S12', ''),
    el('BonNo', '监管仓号', 'Bonded warehouse no.', 'S32', ''),
    el('VoyNo', '航次号', 'Voyage no.', 'S32', '', { summary: true }),
    el('DecBpNo', '报关人员电话', 'Declarant phone', 'S32', ''),
    el('CusFie', '货场代码', 'Yard code', 'S8', ''),
    el('DecNo', '报关人员证号', 'Declarant registration no.', 'S13', ''),
  ],
};

export const sign: SectionDef = {
  id: 'sign',
  xml: 'DecSign',
  zh: '签名信息',
  en: 'Signature',
  repeats: false,
  filledBy: 'system',
  note: 'Written with the message: OperType and ClientSeqNo from the declaration record, Sign/SignDate/Certificate by the signer.',
  elements: [
    el('OperType', '操作类型', 'Operation type', 'S1', 'both', { codeTable: 'oper-types', auto: 'system' }),
    el('ICCode', '操作员IC卡号', 'Operator IC card no.', 'S13', '', { note: '对应表头 TypistNo' }),
    el('CopCode', '操作企业组织机构代码', 'Operating company code', 'S18', '', { note: '对应表头 CopCode' }),
    el('OperName', '操作员姓名', 'Operator name', 'S30', ''),
    // String(18) in the transcription; the single window has taken 20 from a broker's system
    // (calibrations.ts), so a message that carries one is kept as it is.
    el('ClientSeqNo', '客户端报关单编号', 'Client sequence no.', 'S20', 'both', { auto: 'system' }),
    el('Sign', '数字签名信息', 'Signature', 'S200', 'declare', { auto: 'signer' }),
    el('SignDate', '签名日期', 'Signing time', 'T16', 'declare', { auto: 'signer' }),
    el('Certificate', '操作员卡的证书号', 'Operator certificate no.', 'S20', '', { auto: 'signer' }),
    el('HostId', '客户端邮箱HostId', 'Client mailbox host id', 'S10', '', { note: '字段已废弃，不再使用' }),
    el('BillSeqNo', '对应清单统一编号', 'Related list sequence no.', 'S18', ''),
    el('DomainId', '签名人分类', 'Signer category', 'S1', '', { codeTable: 'domain-ids' }),
    el('Note', '备注', 'Note', 'S100', ''),
  ],
};

export const edocs: SectionDef = {
  id: 'edocs',
  xml: 'EdocRealation',
  zh: '随附单据',
  en: 'Attached documents',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('EdocID', '随附单据编号', 'Document id (file name)', 'S64', 'draft', {
      note: '申报口岸+随附单据类别代码+IM+18位流水号+.pdf',
    }),
    el('EdocCode', '随附单据类别', 'Document type', 'S8', 'draft', { codeTable: 'edoc-types' }),
    el('EdocFomatType', '随附单据格式类型', 'Document format', 'S2', 'draft', { codeTable: 'edoc-format-types' }),
    el('OpNote', '操作说明', 'Operation note', 'S255', ''),
    el('EdocCopId', '随附单据文件企业名', 'Original file name', 'S64', ''),
    el('EdocOwnerCode', '所属单位海关编号', 'Owner customs code', 'S10', ''),
    el('SignUnit', '签名单位代码', 'Signing unit code', 'S10', ''),
    el('SignTime', '签名时间', 'Signing time', 'S17', '', { format: 'ymd-hms' }),
    el('EdocOwnerName', '所属单位名称', 'Owner name', 'S100', ''),
    el('EdocSize', '随附单据文件大小', 'File size', 'S12', ''),
    el('GNoStr', '商品项号关系', 'Goods line nos.', 'S150', '', { format: 'gno-list' }),
  ],
};

export const ecoRelations: SectionDef = {
  id: 'ecoRelations',
  xml: 'EcoRelation',
  zh: '原产地证明对应关系',
  en: 'Origin certificate lines',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('CertType', '单证代码', 'Certificate type', 'S3', 'draft', { note: 'Y+优惠贸易协定代码，如 Y03' }),
    el('EcoCertNo', '单证编号', 'Certificate no.', 'S64', 'draft', { note: '原产地证明类型（C/D）+原产地证明编号' }),
    el('DecGNo', '报关单商品项号', 'Declaration line no.', 'S9', 'draft'),
    el('EcoGNo', '对应随附单证商品项号', 'Certificate item no.', 'S9', 'draft'),
    el('ExtendFiled', '扩展字段', 'Extension', 'S255', ''),
  ],
};

export const risk: SectionDef = {
  id: 'risk',
  xml: 'DecRisk',
  zh: '风险评估',
  en: 'Risk assessment',
  repeats: false,
  filledBy: 'system',
  elements: [
    el('Risk', '风险评估结果', 'Risk result', 'S10', ''),
    el('Sign', '数字签名信息', 'Signature', 'S255', ''),
    el('SignDate', '处理日期', 'Processing time', 'T16', ''),
    el('Note', '备注', 'Note', 'S100', ''),
  ],
};

export const promises: SectionDef = {
  id: 'promises',
  xml: 'DecCopPromises/DecCopPromise',
  zh: '企业承诺',
  en: 'Company declarations',
  repeats: true,
  filledBy: 'user',
  elements: [
    el('DeclaratioMaterialCode', '证明/声明材料代码', 'Declaration material code', 'S10', 'declare', {
      codeTable: 'promise-materials',
      note: '进口填 101040，出口填 102053',
    }),
  ],
};

export const tpAccess: SectionDef = {
  id: 'tpAccess',
  xml: 'DecTpAccess',
  zh: '两段准入',
  en: 'Two-stage access',
  repeats: false,
  filledBy: 'user',
  note: 'A newer block; the public XSD-generated classes predate it. Written after DecCopPromises. Verify.',
  elements: [
    el('TransitionApply', '转场申请', 'Transfer application', 'S1', '', { codeTable: 'flags-01' }),
    el('TransitionSite', '转入场所场地', 'Transfer site', 'S11', '', { note: '仅在勾选了“转场申请”时必填' }),
    el('ConditionalLiftoffApply', '附条件提离申请', 'Conditional release application', 'S1', '', {
      codeTable: 'flags-01',
    }),
    el('PortDestMergeCheckApply', '口岸与目的地合并检查申请', 'Combined port/destination inspection', 'S1', '', {
      codeTable: 'flags-01',
    }),
  ],
};

export const royaltyFee: SectionDef = {
  id: 'royaltyFee',
  xml: 'DecRoyaltyFee',
  zh: '特许权使用费',
  en: 'Royalty declaration',
  repeats: false,
  filledBy: 'user',
  note: 'A newer block; its position among the root children is not public. Written after DecTpAccess. Verify.',
  elements: [
    el('PricePreDeterminNo', '价格预裁定编号', 'Price ruling no.', 'S20', ''),
    el('TaxRoyaltyDeclType', '应税特许权使用费申报情形', 'Royalty declaration case', 'S1', '', {
      note: '0 首次申报；1 延续性申报',
    }),
    el('ContractNo', '合同/协议号', 'Contract no.', 'S500', 'both'),
    el('Authorizer', '授权方', 'Licensor', 'S500', 'both'),
    el('AuthorizedPerson', '被授权方', 'Licensee', 'S500', 'both'),
    el('PayType', '支付方式', 'Payment type', 'S20', 'both', { note: '0 一次性支付；1 定期支付；2 混合' }),
    el('PayTime', '支付时间', 'Payment date', 'S10', 'both', { format: 'ymd-dash' }),
    el('PayPeriod', '支付计提周期(月)', 'Payment period (months)', 'I2', ''),
    el('EffectiveDateTime', '合同/协议起始执行时间', 'Contract start', 'S10', 'both', { format: 'ymd-dash' }),
    el('ExpirationDateTime', '合同/协议终止时间', 'Contract end', 'D10', 'both', { format: 'ymd-dash' }),
    el('RoyaltyAmount', '特许权使用费金额', 'Royalty amount', 'N19,2', 'both'),
    el('Curr', '币制', 'Currency', 'S3', 'both', { codeTable: 'currencies' }),
    el('RoyaltyFeeType', '特许权使用费类型', 'Royalty type', 'S5', 'both'),
    el('EdocType', '随附材料清单类型', 'Supporting material types', 'S8', 'both'),
    el('Statment', '说明', 'Statement', 'S2500', 'both'),
    el('IsSecret', '是否保密', 'Confidential', 'S1', 'both', { codeTable: 'flags-01' }),
    el('IsCusAudit', '是否经过海关审核认定', 'Audited by customs', 'S1', '', { codeTable: 'flags-01' }),
    el('IsCusPricePreDetermin', '是否经过海关价格预裁定', 'Price ruling obtained', 'S1', '', { codeTable: 'flags-01' }),
    el('IssueDateTime', '合同/协议签约时间', 'Contract signing date', 'S10', 'both', { format: 'ymd-dash' }),
    el('PeriodStartDate', '计提周期起始时间', 'Period start', 'S10', '', { format: 'ymd-dash' }),
    el('PeriodEndDate', '计提周期终止时间', 'Period end', 'S10', '', { format: 'ymd-dash' }),
  ],
};
