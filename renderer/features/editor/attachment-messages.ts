import type { ByLocale } from '../../i18n/by-locale';
import { attachmentsEn } from './attachment-messages-en';
import { type AttachmentMessages, attachmentsZh } from './attachment-messages-zh';

// The 随附单据 files panel's words.

export const attachmentMessages: ByLocale<AttachmentMessages> = { 'zh-CN': attachmentsZh, en: attachmentsEn };
export type { AttachmentMessages };

/** The document types a broker attaches most, first in the list (the code table's names follow them). */
export const commonEdocTypes = [
  { code: '00000001', zh: '发票', en: 'Invoice' },
  { code: '00000002', zh: '装箱单', en: 'Packing list' },
  { code: '00000003', zh: '提运单', en: 'Bill of lading / waybill' },
  { code: '00000004', zh: '合同', en: 'Contract' },
  { code: '00000008', zh: '纸质代理报关委托协议扫描件', en: 'Customs brokerage agreement (scan)' },
  { code: '00000009', zh: '原产地证据文件', en: 'Proof of origin' },
  { code: '00000005', zh: '其它1', en: 'Other 1' },
  { code: '00000006', zh: '其它2', en: 'Other 2' },
  { code: '00000007', zh: '其它3', en: 'Other 3' },
] as const;
