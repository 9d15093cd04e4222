import { memo, useEffect, useState } from 'react';
import type { DeclarationRecord, DeclarationSummary } from '../../../shared/api';
import type { CompleteDeadline, DeadlineState, TwoStepStanding } from '../../../shared/status';
import { deadlineState, owedCompleteDeadline } from '../../../shared/status';
import type { Messages } from '../../i18n/messages';
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

/** The deadline a declaration still owes and where it stands now, re-read at each China midnight that changes it. */
function useOwedDeadline(item: TwoStepStanding): { deadline: CompleteDeadline; state: DeadlineState } | null {
  const deadline = owedCompleteDeadline(item);
  const now = useNowUntil((at) => (deadline ? deadlineState(deadline, at).changesAt : null));
  return deadline ? { deadline, state: deadlineState(deadline, now) } : null;
}

function leftText(t: Messages, state: DeadlineState): string {
  return state.level === 'overdue' ? t.completeOverdue(-state.daysLeft) : t.completeDaysLeft(state.daysLeft);
}

/**
 * The words of the deadline a declaration still owes, in the UI language, for the note and the list's badge alike:
 * its level, the whole sentence (last day and release), the short due date, and what is left.
 */
function useDeadlineWords(item: TwoStepStanding) {
  const t = useT();
  const owed = useOwedDeadline(item);
  if (!owed) return null;
  const { deadline, state } = owed;
  return {
    level: state.level,
    sentence: t.completeDeadline(dashed(deadline.lastDay), dashed(deadline.released)),
    due: t.completeDue(dashed(deadline.lastDay).slice(5)),
    left: leftText(t, state),
  };
}

/**
 * On a released 概要申报, and on its 完整申报 until that is declared: the last day for the 完整申报 (the 14th day after the
 * release, China date); 3 days and 1 day before it warns, after it the declaration is marked overdue — offline too.
 */
export const CompleteDeadlineNote = memo(function CompleteDeadlineNote({ record }: { record: DeclarationRecord }) {
  const words = useDeadlineWords(record);
  if (!words) return null;
  return (
    <p className={`complete-deadline deadline-${words.level}`} role="status" data-level={words.level}>
      {words.sentence} · {words.left}
    </p>
  );
});

/** The same deadline in a row of the declaration list, beside the status: the last day and what is left. */
export const DeadlineBadge = memo(function DeadlineBadge({ item }: { item: DeclarationSummary }) {
  const words = useDeadlineWords(item);
  if (!words) return null;
  return (
    <span
      className={`deadline-badge deadline-${words.level}`}
      data-testid="complete-deadline"
      data-level={words.level}
      title={words.sentence}
    >
      {words.due} · {words.left}
    </span>
  );
});
