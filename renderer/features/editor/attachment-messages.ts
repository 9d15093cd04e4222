import type { Locale } from '../../../shared/i18n/locale';

// The 随附单据 files panel's words, in both languages.

/** A file's size as a broker reads it: KB under a megabyte (a one-page scan), MB above. */
function fileSize(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(2)} MB`;
}

const zh = {
  title: '随附单据文件（PDF）',
  type: '单据类别',
  add: '添加 PDF…',
  hint: '也可将 PDF 拖放到此处，或粘贴（Ctrl+V）',
  none: '尚未添加随附单据文件',
  view: '查看',
  replace: '替换…',
  remove: '删除',
  adding: (name: string) => `正在添加 ${name}…`,
  added: (name: string, edocId: string) => `已添加 ${name}（${edocId}）`,
  removed: (name: string) => `已删除 ${name}`,
  size: fileSize,
  readOnly: '报关单已申报，随附单据不能修改',
};

const en: typeof zh = {
  title: 'Attached document files (PDF)',
  type: 'Document type',
  add: 'Add PDF…',
  hint: 'Or drop a PDF here, or paste it (Ctrl+V)',
  none: 'No document files attached yet',
  view: 'View',
  replace: 'Replace…',
  remove: 'Remove',
  adding: (name) => `Adding ${name}…`,
  added: (name, edocId) => `Added ${name} (${edocId})`,
  removed: (name) => `Removed ${name}`,
  size: fileSize,
  readOnly: 'The declaration is declared; its document files cannot change',
};

export function attachmentMessages(locale: Locale): typeof zh {
  return locale === 'en' ? en : zh;
}

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
