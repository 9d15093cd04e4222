import { memo, useEffect, useState } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import { twoStepModeOf } from '../../../shared/catalog';
import { channelInfo, completeDeadline, deadlineState } from '../../../shared/status';
import { isYmd } from '../../../shared/validation';
import { useReceipts } from '../../api/queries';
import { useT } from '../../i18n/use-t';

const dashed = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
/** setTimeout's longest wait; a later change is re-armed from there. */
const MAX_WAIT = 2 ** 31 - 1;

/**
 * The time now, read again at `at` (epoch ms), so a level turns at China midnight with no network and no input. A
 * timer that fires early (or a clock set back) reads the same level and arms again for what is left.
 */
function useNowUntil(at: (now: number) => number | null): number {
  const [clock, setClock] = useState(() => ({ now: Date.now(), reads: 0 }));
  const next = at(clock.now);
  useEffect(() => {
    if (next === null) return;
    const wait = Math.min(Math.max(next - Date.now(), 0), MAX_WAIT);
    const timer = setTimeout(() => setClock((c) => ({ now: Date.now(), reads: c.reads + 1 })), wait);
    return () => clearTimeout(timer);
  }, [next, clock.reads]);
  return clock.now;
}

/**
 * On a 概要申报 (DecHead/Type's third position 5): the last day for its 完整申报, counted from the 进口日期 or, while that
 * is empty, from the release receipt; 3 days and 1 day before it warns, after it the declaration is marked overdue.
 */
export const CompleteDeadlineNote = memo(function CompleteDeadlineNote({ record }: { record: DeclarationRecord }) {
  const t = useT();
  const summary = twoStepModeOf(record.doc.head.Type) === 'summary';
  const receipts = useReceipts(summary ? record.id : null);
  const release = receipts.data?.find((r) => channelInfo(r.channel)?.status === 'released');
  // A 进口日期 still being typed (or wrong) is no date to count from: the release is, until it is one.
  const entryDate = record.doc.head.IEDate;
  const deadline = summary
    ? completeDeadline({
        entryDate: record.ieFlag === 'I' && entryDate && isYmd(entryDate) ? entryDate : null,
        releasedAt: release ? Date.parse(release.receivedAt) : null,
      })
    : null;
  const now = useNowUntil((at) => (deadline ? deadlineState(deadline, at).changesAt : null));
  if (!deadline) return null;
  const state = deadlineState(deadline, now);
  const when = t.completeDeadline(dashed(deadline.lastDay), deadline.basis, dashed(deadline.start));
  const left = state.level === 'overdue' ? t.completeOverdue(-state.daysLeft) : t.completeDaysLeft(state.daysLeft);
  return (
    <p className={`complete-deadline deadline-${state.level}`} role="status" data-level={state.level}>
      {when} · {left}
    </p>
  );
});
