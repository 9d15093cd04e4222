import type { DisplayStatusKey } from './status-keys';

/**
 * Customs CHANNEL codes (../shared/DOMAIN.md §2.3) and the status a user sees
 * for each. Codes are case-sensitive ('C' inspection, 'c' CIQ withdrawal).
 * A code not listed here is kept and shown raw, never dropped.
 */
export interface ChannelInfo {
  readonly zh: string;
  readonly en: string;
  readonly status: DisplayStatusKey;
}

export const channels: Readonly<Record<string, ChannelInfo>> = {
  '0': { zh: '导入成功', en: 'Imported', status: 'submitted' },
  '1': { zh: '导入失败', en: 'Import failed', status: 'refused' },
  '2': { zh: 'QP接收成功，上载发往数据中心', en: 'Received, uploading', status: 'submitted' },
  '3': { zh: '上载成功', en: 'Uploaded', status: 'submitted' },
  '4': { zh: '上载失败', en: 'Upload failed', status: 'refused' },
  '6': { zh: 'QP接收成功，申报发往数据中心', en: 'Received, declaring', status: 'submitted' },
  '7': { zh: '申报成功', en: 'Declared', status: 'declared' },
  '8': { zh: '上载成功但无申报权限', en: 'No declaring authority', status: 'refused' },
  '9': { zh: '上载申报失败', en: 'Declaration failed', status: 'refused' },
  Y: { zh: '申报失败', en: 'Declaration failed', status: 'refused' },
  N: { zh: '重传文件', en: 'Resend the file', status: 'needs-action' },
  L: { zh: '海关入库', en: 'Accepted by customs', status: 'accepted' },
  E: { zh: '海关退单', en: 'Refused by customs', status: 'refused' },
  Z: { zh: '退回修改', en: 'Returned for correction', status: 'returned' },
  H: { zh: '海关挂起，需手工申报', en: 'Suspended: declare manually', status: 'needs-action' },
  A: { zh: '放行前删除或异常处理', en: 'Deleted or exception before release', status: 'needs-action' },
  D: { zh: '海关删单', en: 'Deleted by customs', status: 'deleted' },
  G: { zh: '报关单已审结', en: 'Review completed', status: 'reviewed' },
  J: { zh: '通关无纸化审结', en: 'Paperless review completed', status: 'reviewed' },
  W: { zh: '海关无纸验放通知', en: 'Paperless clearance notice', status: 'reviewed' },
  T: { zh: '需交税费', en: 'Duties and taxes due', status: 'tax-due' },
  C: { zh: '查验通知', en: 'Inspection notice', status: 'inspection' },
  S: { zh: '施检', en: 'Inspection (CIQ)', status: 'inspection' },
  V: { zh: '转现场验估岗', en: 'Referred to valuation', status: 'reviewed' },
  Q: { zh: '验估岗处理反馈', en: 'Valuation feedback', status: 'reviewed' },
  B: { zh: '担保放行', en: 'Released under guarantee', status: 'released' },
  K: { zh: '通关无纸化担保放行', en: 'Released (paperless, guarantee)', status: 'released' },
  I: { zh: '海关无纸放行通知', en: 'Released (paperless)', status: 'released' },
  F: { zh: '放行交单', en: 'Released, documents handed in', status: 'released' },
  P: { zh: '海关已放行', en: 'Released', status: 'released' },
  X: { zh: '海关准予进港', en: 'Port entry permitted', status: 'reviewed' },
  O: { zh: '准予进卡', en: 'Gate entry permitted', status: 'reviewed' },
  M: { zh: '报关单重审', en: 'Re-examination approved', status: 'reviewed' },
  R: { zh: '已结关', en: 'Closed', status: 'closed' },
};

export function channelInfo(code: string): ChannelInfo | undefined {
  return Object.hasOwn(channels, code) ? channels[code] : undefined;
}

/**
 * Whether customs holds the declaration under inspection (查验通知 C, 施检 S): 修改申请 and 撤单申请 wait until it
 * ends. One rule for the hub that refuses such a request, main that refuses to sign one and the screen that holds
 * its buttons.
 */
export function underInspection(channel: string | null | undefined): boolean {
  return channelInfo(channel ?? '')?.status === 'inspection';
}

/**
 * Customs' note of a receipt when it says more than the channel's own name, else '': a note that is the name itself
 * (L 海关入库 noted 海关入库) read twice in Chinese and as untranslated Chinese beside the English name.
 */
export function receiptNote(channel: string, note: string): string {
  return note.trim() === channelInfo(channel)?.zh ? '' : note;
}
