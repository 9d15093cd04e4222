import type { TwoStepMode } from '../catalog/two-step';
import { labelIn, labelTable } from '../i18n/labels';
import type { Locale } from '../i18n/locale';
import type { Workflow } from './display-status';
import { deriveDisplayStatus, isEditable, workflows } from './display-status';
import lifecycleEventLabelsJson from './lifecycle-event-labels.json' with { type: 'json' };
import type { DisplayStatusKey } from './status-keys';

/**
 * A declaration's life in one table: every event that changes its state, the states it may start from and the state
 * it leaves. Core applies an event only through this table (main/core/lifecycle), so a state nobody listed can
 * neither be entered nor left by accident, and the status users see is always derived the same way.
 */
export const lifecycleEvents = [
  /** A new draft keyed here (or from a template, a copy). */
  'create',
  /** A new draft read from a file (a DecMessage, a goods-line sheet). */
  'import',
  /** An edit saved: a returned or refused declaration becomes a draft again, to be declared anew. */
  'edit',
  /** A draft deleted here. */
  'delete',
  /** Checked, signed and queued in the outbox. */
  'declare',
  /** Taken back from the outbox before it was sent. */
  'withdraw',
  /** The hub (or the e-port client) took the submission. */
  'accepted',
  /** The hub refused the submission (its fields are shown to fix). */
  'rejected',
  /** A customs receipt (回执): its CHANNEL decides the status users see. */
  'receipt',
  /** 修改申请 signed and queued for a declaration customs holds (it has a 海关编号). */
  'modify-request',
  /** The modification was approved: the declaration takes the request's new values. */
  'modify-approved',
  /** The modification was refused: the declaration stays as declared. */
  'modify-refused',
  /** 撤单申请 signed and queued for a declaration customs holds. */
  'cancel-request',
  /** The cancellation was approved: 已撤单. */
  'cancel-approved',
  /** The cancellation was refused: the declaration stays as it was. */
  'cancel-refused',
  /** 两步申报: a released 概要申报 opened again as its 完整申报 (same 报关单号), a draft of the rest to declare. */
  'complete',
  /** 提交复核: the content's digest frozen for a second person to review (the declaration stays a draft). */
  'submit-review',
  /** 复核通过: a reviewer other than the preparer approved that exact digest. */
  'approve-review',
  /** 退回: a reviewer sent it back to the preparer with remarks pinned to fields. */
  'return-review',
] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

/**
 * Each event as a broker would name what was tried (in a refusal: 现在不能申报 / cannot be declared now); the words are
 * data (lifecycle-event-labels.json, checked on loading).
 */
export const lifecycleEventLabels = labelTable(
  'shared/status/lifecycle-event-labels.json',
  lifecycleEvents,
  lifecycleEventLabelsJson,
);

/** A lifecycle event by its key, in the language asked for (a key not known shown as it is). */
export const eventName = (key: string, locale: Locale): string => labelIn(lifecycleEventLabels, key, locale);

/**
 * What an event is judged on: our workflow, the last customs CHANNEL (null before any receipt) and, for 两步申报, the
 * step DecHead/Type says (left out or null: a one-step declaration). The fields are named as a declaration's own, so
 * a declaration's stored state is judged as it is read.
 */
export interface LifecycleState {
  workflow: Workflow;
  channel: string | null;
  /** The 海关编号 customs gave it (a modification or cancellation needs one); unknown when left out. */
  entryId?: string | null;
  twoStep?: TwoStepMode | null;
}

interface Transition {
  /** The workflows the event may start from; `null` for an event that makes a new declaration. */
  readonly from: readonly Workflow[] | null;
  /** A further condition on the starting state (e.g. edits only of what customs sent back). */
  readonly when?: (state: LifecycleState) => boolean;
  /** The workflow the event leaves. */
  readonly to: (state: LifecycleState) => Workflow;
}

const stays = (state: LifecycleState): Workflow => state.workflow;

/**
 * 修撤单 is asked for a declaration customs holds under a 海关编号 and has not sent back (a returned or refused one is
 * edited and declared anew instead).
 */
const customsHolds = (s: LifecycleState): boolean => !!s.entryId && !isEditable(s.workflow, s.channel);

export const transitions: Readonly<Record<LifecycleEvent, Transition>> = {
  create: { from: null, to: () => 'draft' },
  import: { from: null, to: () => 'draft' },
  edit: {
    from: ['draft', 'rejected', 'sent'],
    // A sent declaration is edited only once customs returned or refused it; the edit is a new revision to declare.
    when: (s) => isEditable(s.workflow, s.channel),
    to: () => 'draft',
  },
  // The 完整申报 of a released 概要 is owed to customs under its 海关编号 (the goods are out): its draft is not deleted.
  delete: { from: ['draft'], when: (s) => !(s.twoStep === 'complete' && s.entryId), to: stays },
  declare: { from: ['draft', 'rejected'], to: () => 'queued' },
  withdraw: { from: ['queued'], to: () => 'draft' },
  accepted: { from: ['queued'], to: () => 'sent' },
  rejected: { from: ['queued'], to: () => 'rejected' },
  // A receipt proves the hub holds the submission (its answer may have been lost); on a declaration edited since, the
  // receipt is recorded and the draft stays a draft.
  receipt: { from: workflows, to: (s) => (s.workflow === 'queued' ? 'sent' : s.workflow) },
  // One request at a time: while one waits for its answer the declaration is neither modified nor cancelled again.
  'modify-request': { from: ['sent'], when: customsHolds, to: () => 'modifying' },
  'modify-approved': { from: ['modifying'], to: () => 'sent' },
  'modify-refused': { from: ['modifying'], to: () => 'sent' },
  'cancel-request': { from: ['sent'], when: customsHolds, to: () => 'cancelling' },
  'cancel-approved': { from: ['cancelling'], to: () => 'cancelled' },
  'cancel-refused': { from: ['cancelling'], to: () => 'sent' },
  // Only once the 概要 is released: the goods are out, and the rest is owed under the same numbers.
  complete: {
    from: ['sent'],
    when: (s) =>
      s.twoStep === 'summary' && deriveDisplayStatus(s.workflow, s.channel, s.twoStep) === 'summary-released',
    to: () => 'draft',
  },
  // Review happens before 申报, on what may still be declared; the review itself is kept beside the declaration.
  'submit-review': { from: ['draft', 'rejected'], to: stays },
  'approve-review': { from: ['draft', 'rejected'], to: stays },
  'return-review': { from: ['draft', 'rejected'], to: stays },
};

/** Whether `event` may happen to a declaration in `state` (`null`: there is none yet). */
export function canApply(event: LifecycleEvent, state: LifecycleState | null): boolean {
  const t = transitions[event];
  if (t.from === null || state === null) return t.from === null && state === null;
  return t.from.includes(state.workflow) && (t.when?.(state) ?? true);
}

/**
 * The state `event` leaves, with the status users see for it, or `null` when the event may not happen from `state`.
 * `channel` is the CHANNEL after the event (a receipt's own; otherwise the one the declaration had); `step` the
 * 两步申报 step after it (the 完整 for `complete`; otherwise the declaration's own).
 */
export function nextState(
  event: LifecycleEvent,
  state: LifecycleState | null,
  channel: string | null = state?.channel ?? null,
  step: TwoStepMode | null = event === 'complete' ? 'complete' : (state?.twoStep ?? null),
): { workflow: Workflow; status: DisplayStatusKey } | null {
  if (!canApply(event, state)) return null;
  const workflow = transitions[event].to(state ?? { workflow: 'draft', channel: null });
  return { workflow, status: deriveDisplayStatus(workflow, channel, step) };
}
