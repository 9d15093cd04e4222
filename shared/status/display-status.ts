import type { TwoStepMode } from '../catalog/two-step';
import type { Locale } from '../i18n/locale';
import { channelInfo } from './channels';
import { labelIn, labelTable } from '../i18n/labels';
import displayStatusLabelsJson from './display-status-labels.json' with { type: 'json' };
import { displayStatusKeys, type DisplayStatusKey } from './status-keys';

export { displayStatusKeys, type DisplayStatusKey } from './status-keys';

/** The statuses as a broker reads them (the words are data: display-status-labels.json, checked on loading). */
export const displayStatusLabels = labelTable(
  'shared/status/display-status-labels.json',
  displayStatusKeys,
  displayStatusLabelsJson,
);

/** A status users see by its key, in the language asked for (a key not known shown as it is). */
export const statusName = (key: string, locale: Locale): string => labelIn(displayStatusLabels, key, locale);

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
