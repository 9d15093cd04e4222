import type { TwoStepMode } from '../catalog/two-step';
import type { Locale } from '../i18n/locale';
import { channelInfo } from './channels';
import type { DisplayStatusKey } from './status-keys';

export { displayStatusKeys, type DisplayStatusKey } from './status-keys';

export const displayStatusLabels: Readonly<Record<DisplayStatusKey, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  queued: { zh: '待发送', en: 'Queued' },
  rejected: { zh: '被拒收', en: 'Rejected by hub' },
  submitted: { zh: '已提交', en: 'Submitted' },
  declared: { zh: '申报成功', en: 'Declared' },
  accepted: { zh: '海关已入库', en: 'Accepted by customs' },
  returned: { zh: '退回修改', en: 'Returned for correction' },
  refused: { zh: '退单', en: 'Refused' },
  reviewed: { zh: '已审结', en: 'Reviewed' },
  'tax-due': { zh: '需交税费', en: 'Duties due' },
  inspection: { zh: '查验', en: 'Inspection' },
  'needs-action': { zh: '需处理', en: 'Needs action' },
  released: { zh: '已放行', en: 'Released' },
  'summary-released': { zh: '概要已放行 · 完整申报待办', en: 'Summary released · full declaration due' },
  closed: { zh: '已结关', en: 'Closed' },
  'complete-closed': { zh: '完整已结关', en: 'Full declaration closed' },
  deleted: { zh: '已删单', en: 'Deleted' },
  'modify-requested': { zh: '修改申请中', en: 'Modification requested' },
  'cancel-requested': { zh: '撤单申请中', en: 'Cancellation requested' },
  cancelled: { zh: '已撤单', en: 'Cancelled' },
  other: { zh: '其他回执', en: 'Other receipt' },
};

/** A status users see by its key, in the language asked for (a key not known shown as it is). */
export function statusName(key: string, locale: Locale): string {
  const label = (displayStatusLabels as Readonly<Record<string, { zh: string; en: string }>>)[key];
  return label ? (locale === 'en' ? label.en : label.zh) : key;
}

/**
 * Our side of a declaration's life: edited, signed and queued, taken by the hub, or refused by it; once customs has
 * it (a 海关编号), a modification or cancellation request waiting for its answer, and cancelled (撤单 approved).
 */
export const workflows = ['draft', 'queued', 'sent', 'rejected', 'modifying', 'cancelling', 'cancelled'] as const;
export type Workflow = (typeof workflows)[number];

/**
 * The status shown for a declaration. Local workflow wins until the hub has
 * the submission; after that the latest customs CHANNEL decides, and for 两步申报 the `step` (DecHead/Type's mode)
 * says which one: a released 概要 still owes its 完整申报, a closed 完整 ends both.
 */
export function deriveDisplayStatus(
  workflow: Workflow,
  channel: string | null,
  step: TwoStepMode | null = null,
): DisplayStatusKey {
  if (workflow === 'draft') return 'draft';
  if (workflow === 'queued') return 'queued';
  if (workflow === 'rejected') return 'rejected';
  if (workflow === 'modifying') return 'modify-requested';
  if (workflow === 'cancelling') return 'cancel-requested';
  if (workflow === 'cancelled') return 'cancelled';
  if (channel === null) return 'submitted';
  const status = channelInfo(channel)?.status ?? 'other';
  if (step === 'summary' && status === 'released') return 'summary-released';
  if (step === 'complete' && status === 'closed') return 'complete-closed';
  return status;
}

/** Whether the user may edit: drafts, hub rejections, and customs returns/refusals (as a new revision). */
export function isEditable(workflow: Workflow, channel: string | null): boolean {
  if (workflow === 'draft' || workflow === 'rejected') return true;
  const status = deriveDisplayStatus(workflow, channel);
  return status === 'returned' || status === 'refused';
}
