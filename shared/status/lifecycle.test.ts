import { describe, expect, it } from 'vitest';
import type { LifecycleEvent, LifecycleState } from './lifecycle';
import { canApply, lifecycleEventLabels, lifecycleEvents, nextState, transitions } from './lifecycle';
import type { Workflow } from './display-status';
import { displayStatusLabels, workflows } from './display-status';

// Every starting state worth telling apart: each workflow, and a sent declaration under each kind of CHANNEL (none
// yet, one that leaves it with customs, one that sends it back).
const starts: ReadonlyArray<LifecycleState | null> = [
  null,
  ...workflows.map((workflow) => ({ workflow, channel: null })),
  { workflow: 'sent', channel: 'L' },
  { workflow: 'sent', channel: 'P' },
  { workflow: 'sent', channel: 'Z' },
  { workflow: 'sent', channel: 'E' },
  { workflow: 'draft', channel: 'Z' },
  // With a 海关编号 (#): released, under 查验, and sent back — only the first two may be modified or cancelled.
  { workflow: 'sent', channel: 'P', entryId: '222620261000000001' },
  { workflow: 'sent', channel: 'C', entryId: '222620261000000001' },
  { workflow: 'sent', channel: 'Z', entryId: '222620261000000001' },
  // 两步申报: a 概要 taken and released, the 完整 being keyed, the 完整 closed.
  { workflow: 'sent', channel: 'L', twoStep: 'summary' },
  { workflow: 'sent', channel: 'P', twoStep: 'summary' },
  { workflow: 'draft', channel: null, twoStep: 'complete' },
  { workflow: 'draft', channel: null, entryId: '222620261000000001', twoStep: 'complete' },
  { workflow: 'sent', channel: 'R', twoStep: 'complete' },
];

const name = (s: LifecycleState | null) =>
  s === null
    ? '(none)'
    : `${s.workflow}${s.channel ? `/${s.channel}` : ''}${s.entryId ? '#' : ''}${s.twoStep ? `:${s.twoStep}` : ''}`;

/**
 * The whole table written out: for each event, the starting states allowed and the workflow each leaves; every start
 * not listed for an event is refused. Written by hand, not derived from the table it checks.
 */
const allowed: Readonly<Record<LifecycleEvent, Readonly<Record<string, Workflow>>>> = {
  create: { '(none)': 'draft' },
  import: { '(none)': 'draft' },
  edit: {
    draft: 'draft',
    rejected: 'draft',
    'sent/Z': 'draft',
    'sent/E': 'draft',
    'draft/Z': 'draft',
    'sent/Z#': 'draft',
    'draft:complete': 'draft',
    'draft#:complete': 'draft',
  },
  delete: { draft: 'draft', 'draft/Z': 'draft', 'draft:complete': 'draft' },
  declare: {
    draft: 'queued',
    rejected: 'queued',
    'draft/Z': 'queued',
    'draft:complete': 'queued',
    'draft#:complete': 'queued',
  },
  withdraw: { queued: 'draft' },
  accepted: { queued: 'sent' },
  rejected: { queued: 'rejected' },
  receipt: {
    draft: 'draft',
    queued: 'sent',
    sent: 'sent',
    rejected: 'rejected',
    'sent/L': 'sent',
    'sent/P': 'sent',
    'sent/Z': 'sent',
    'sent/E': 'sent',
    'draft/Z': 'draft',
    modifying: 'modifying',
    cancelling: 'cancelling',
    cancelled: 'cancelled',
    'sent/P#': 'sent',
    'sent/C#': 'sent',
    'sent/Z#': 'sent',
    'sent/L:summary': 'sent',
    'sent/P:summary': 'sent',
    'draft:complete': 'draft',
    'draft#:complete': 'draft',
    'sent/R:complete': 'sent',
  },
  // Customs' own refusals (查验 among them) are the hub's to give; here only a 海关编号 and not sent back.
  'modify-request': { 'sent/P#': 'modifying', 'sent/C#': 'modifying' },
  'modify-approved': { modifying: 'sent' },
  'modify-refused': { modifying: 'sent' },
  'cancel-request': { 'sent/P#': 'cancelling', 'sent/C#': 'cancelling' },
  'cancel-approved': { cancelling: 'cancelled' },
  'cancel-refused': { cancelling: 'sent' },
  // Only a released 概要 opens as its 完整申报; a one-step release does not.
  complete: { 'sent/P:summary': 'draft' },
  'submit-review': {
    draft: 'draft',
    rejected: 'rejected',
    'draft/Z': 'draft',
    'draft:complete': 'draft',
    'draft#:complete': 'draft',
  },
  'approve-review': {
    draft: 'draft',
    rejected: 'rejected',
    'draft/Z': 'draft',
    'draft:complete': 'draft',
    'draft#:complete': 'draft',
  },
  'return-review': {
    draft: 'draft',
    rejected: 'rejected',
    'draft/Z': 'draft',
    'draft:complete': 'draft',
    'draft#:complete': 'draft',
  },
};

describe('the declaration lifecycle table', () => {
  const cases = lifecycleEvents.flatMap((event) => starts.map((start) => ({ event, start })));
  it.each(cases.map((c) => [c.event, name(c.start), c] as const))('%s from %s', (_e, _s, { event, start }) => {
    const expected = allowed[event][name(start)];
    expect(canApply(event, start)).toBe(expected !== undefined);
    expect(nextState(event, start)?.workflow ?? null).toBe(expected ?? null);
  });

  it('lists every event it allows in the written-out table, and names each for a broker', () => {
    expect(Object.keys(transitions).sort()).toEqual([...lifecycleEvents].sort());
    expect(Object.keys(allowed).sort()).toEqual([...lifecycleEvents].sort());
    for (const event of lifecycleEvents) expect(lifecycleEventLabels[event].zh).not.toBe('');
  });

  it('derives the status users see from the workflow left and the CHANNEL after the event', () => {
    expect(nextState('declare', { workflow: 'draft', channel: 'Z' })).toEqual({ workflow: 'queued', status: 'queued' });
    expect(nextState('accepted', { workflow: 'queued', channel: null })).toEqual({
      workflow: 'sent',
      status: 'submitted',
    });
    expect(nextState('receipt', { workflow: 'queued', channel: null }, 'P')).toEqual({
      workflow: 'sent',
      status: 'released',
    });
    // A receipt on a declaration edited since it was sent back is recorded; the draft stays a draft.
    expect(nextState('receipt', { workflow: 'draft', channel: 'Z' }, 'L')).toEqual({
      workflow: 'draft',
      status: 'draft',
    });
    expect(nextState('edit', { workflow: 'sent', channel: 'Z' })).toEqual({ workflow: 'draft', status: 'draft' });
    expect(nextState('rejected', { workflow: 'queued', channel: null })).toEqual({
      workflow: 'rejected',
      status: 'rejected',
    });
    const released = { workflow: 'sent', channel: 'P', entryId: '222620261000000001' } as const;
    expect(nextState('modify-request', released)).toEqual({ workflow: 'modifying', status: 'modify-requested' });
    expect(nextState('modify-approved', { ...released, workflow: 'modifying' })).toEqual({
      workflow: 'sent',
      status: 'released',
    });
    expect(nextState('cancel-request', released)).toEqual({ workflow: 'cancelling', status: 'cancel-requested' });
    expect(nextState('cancel-approved', { ...released, workflow: 'cancelling' })).toEqual({
      workflow: 'cancelled',
      status: 'cancelled',
    });
  });

  it('tells which step of 两步申报 a declaration is at: 概要已放行 (完整申报待办), then 完整已结关', () => {
    const summary = { workflow: 'queued', channel: null, twoStep: 'summary' } as const;
    expect(nextState('receipt', summary, 'L')).toEqual({ workflow: 'sent', status: 'accepted' });
    expect(nextState('receipt', summary, 'P')).toEqual({ workflow: 'sent', status: 'summary-released' });
    // 完整申报 opens the released 概要 as a draft of the 完整, whose own receipts start afresh.
    expect(nextState('complete', { workflow: 'sent', channel: 'P', twoStep: 'summary' }, null)).toEqual({
      workflow: 'draft',
      status: 'draft',
    });
    const complete = { workflow: 'queued', channel: null, twoStep: 'complete' } as const;
    expect(nextState('accepted', complete, null)).toEqual({ workflow: 'sent', status: 'submitted' });
    expect(nextState('receipt', complete, 'R')).toEqual({ workflow: 'sent', status: 'complete-closed' });
    // A one-step declaration's release and close read as before.
    expect(nextState('receipt', { workflow: 'queued', channel: null }, 'R')).toEqual({
      workflow: 'sent',
      status: 'closed',
    });
    expect(displayStatusLabels['summary-released'].zh).toBe('概要已放行 · 完整申报待办');
    expect(displayStatusLabels['complete-closed']).toEqual({ zh: '完整已结关', en: 'Full declaration closed' });
  });
});
