import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DeclarationRecord, DeclarationReview, ReasonMessage } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import { api } from '../../api/client';
import { refusalNotice, useBusy } from '../../components/busy-call';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminKeys } from '../settings/settings-store';
import { actionFor } from '../editor/keymap';
import type { DocEditor } from '../editor/use-doc-editor';
import { reviewMessages, useReviewT } from './review-messages';
import { ReturnDialog } from './return-dialog';
import { useReviewDiffUi } from './review-diff-store';

export const reviewKey = (id: string) => ['review', id] as const;

/** The declaration's review (复核) as main holds it: state, frozen digest, whether the content is still that digest. */
export function useReview(id: string) {
  return useQuery({ queryKey: reviewKey(id), queryFn: () => api.invoke('review.get', { id }) });
}

/**
 * Why 申报 waits for 复核: the firm's rule on and exactly this content not approved, worded as main refuses it; null when
 * it need not wait.
 */
export function reviewHold(review: DeclarationReview | undefined, seqNo: string): ReasonMessage | null {
  if (!review?.required || (review.state === 'approved' && review.current)) return null;
  return reasonMessage(review.state === 'approved' ? 'review.approval-void' : 'review.required', { seqNo });
}

/**
 * reviewHold on the review as main holds it at this moment, kept for the review bar too: 申报 asks after saving, and
 * the review cached before the save (or before the rule was turned off in Settings) would answer for other content.
 */
export async function reviewHoldNow(id: string, seqNo: string): Promise<ReasonMessage | null> {
  const review = await api.invoke('review.get', { id });
  queryClient.setQueryData(reviewKey(id), review);
  return reviewHold(review, seqNo);
}

/** Who is at the keyboard now, with their roles (the top bar's choice). */
function useCurrentOperator() {
  const profiles = useQuery({ queryKey: adminKeys.profiles, queryFn: () => api.invoke('profiles.list', {}) });
  return profiles.data?.find((p) => p.current) ?? null;
}

/** What the operator at the keyboard may do with this review now: the buttons and keys shown follow it. */
export function reviewActions(
  review: DeclarationReview | undefined,
  me: { id: string; roles: readonly string[] } | null,
  editable: boolean,
): { submit: boolean; approve: boolean; returnIt: boolean; own: boolean } {
  if (!review || !me) return { submit: false, approve: false, returnIt: false, own: false };
  const waiting = review.state === 'submitted';
  const own = waiting && review.preparer?.id === me.id;
  const decide = waiting && !own && me.roles.includes('reviewer');
  // Submitting again is for content that is not the one under review or approved (a return, an edit since).
  const submit =
    editable &&
    me.roles.includes('preparer') &&
    (review.state === 'none' || review.state === 'returned' || !review.current);
  return { submit, approve: decide && review.current, returnIt: decide, own: own && me.roles.includes('reviewer') };
}

/**
 * The review bar above the editor's actions: the review's state and who did it, 提交复核 / 复核通过 / 退回 for the
 * operator whose role and turn it is (Alt+R, Alt+Y, Alt+Shift+R), and a notice when an edit has voided a submission
 * or an approval (its digest is no longer the content's). 差异 (Alt+D) opens the differences beside the form
 * (review-diff-panel.tsx).
 */
export function ReviewBar({
  record,
  editable,
  lineCount,
  saveStore,
  beforeSubmit,
}: {
  record: Pick<DeclarationRecord, 'id' | 'clientSeqNo' | 'ieFlag'>;
  editable: boolean;
  /** Goods lines in the form, for the 退回 dialog's list of fields. */
  lineCount: number;
  saveStore: DocEditor['saveStore'];
  beforeSubmit(): Promise<void>;
}) {
  const t = useReviewT();
  const notify = useUi((s) => s.notify);
  const review = useReview(record.id);
  const me = useCurrentOperator();
  const [returning, setReturning] = useState(false);
  const { busy, run: runBusy } = useBusy();
  const diffOpen = useReviewDiffUi((s) => s.openFor === record.id);
  // Every save changes the content's digest: ask again whether the review still holds.
  const saved = useStore(saveStore, (s) => s.state);
  useEffect(() => {
    if (saved === 'saved') void queryClient.invalidateQueries({ queryKey: reviewKey(record.id) });
  }, [saved, record.id]);

  const data = review.data;
  const can = reviewActions(data, me, editable);

  const run = (call: () => Promise<DeclarationReview>, said: (l: 'zh-CN' | 'en') => string) =>
    runBusy(async () => {
      const next = await call();
      queryClient.setQueryData(reviewKey(record.id), next);
      void queryClient.invalidateQueries({ queryKey: ['review-queue'] });
      notify({ kind: 'info', message: (l) => said(l), declarationId: record.id });
    }, refusalNotice);
  const id = record.id;
  const seqNo = record.clientSeqNo;
  const submit = () =>
    run(
      async () => {
        await beforeSubmit();
        return api.invoke('review.submit', { id });
      },
      (l) => reviewMessages[l].submitted(seqNo),
    );
  const approve = () =>
    run(
      () => api.invoke('review.approve', { id }),
      (l) => reviewMessages[l].approved(seqNo),
    );

  const latest = useRef({ id, can, submit, approve, open: () => setReturning(true) });
  useEffect(() => {
    latest.current = { id, can, submit, approve, open: () => setReturning(true) };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const action = actionFor(event, 'editor');
      if (action === 'review-differences') {
        event.preventDefault();
        useReviewDiffUi.getState().toggle(latest.current.id);
        return;
      }
      const { can: now } = latest.current;
      const run =
        action === 'submit-review' && now.submit
          ? latest.current.submit
          : action === 'approve-review' && now.approve
            ? latest.current.approve
            : action === 'return-review' && now.returnIt
              ? latest.current.open
              : null;
      if (!run) return;
      event.preventDefault();
      void run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!data) return null;
  const who = (p: { name: string } | null) => p?.name ?? '';
  const stateText =
    data.state === 'none'
      ? t.state.none
      : data.state === 'submitted'
        ? t.state.submitted(who(data.preparer))
        : data.state === 'approved'
          ? t.state.approved(who(data.reviewer))
          : t.state.returned(who(data.reviewer));
  // An edit after 提交复核 or 复核通过: what was reviewed is not what is here now. Only while it can still be edited and
  // declared: an approved 修改申请 changes a declared declaration's content too, and a declared or cancelled one was
  // told to be submitted for review again, which it cannot be.
  const voided = editable && (data.state === 'approved' || data.state === 'submitted') && !data.current;

  // The state only where review applies: the firm's rule on, or a review on record. With the rule off (as it was at
  // 申报 for most declared declarations) "not submitted for review" was noise on every declaration opened.
  const applies = data.required || data.state !== 'none';

  return (
    <section className="review-bar" aria-label={t.bar}>
      {applies ? (
        <span className={`review-state review-${data.state}`} data-testid="review-state">
          {t.bar}
          {t.sep}
          {stateText}
        </span>
      ) : null}
      {voided ? (
        <p className="review-void" role="alert">
          {data.state === 'approved' ? t.voidApproved : t.voidSubmitted}
        </p>
      ) : null}
      {can.own ? <span className="muted">{t.ownDeclaration}</span> : null}
      {can.submit ? (
        <button type="button" disabled={busy} aria-keyshortcuts="Alt+R" onClick={() => void submit()}>
          {t.submit}
        </button>
      ) : null}
      {can.approve ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-keyshortcuts="Alt+Y"
          onClick={() => void approve()}
        >
          {t.approve}
        </button>
      ) : null}
      {can.returnIt ? (
        <button type="button" disabled={busy} aria-keyshortcuts="Alt+Shift+R" onClick={() => setReturning(true)}>
          {t.returnIt}
        </button>
      ) : null}
      <button
        type="button"
        aria-keyshortcuts="Alt+D"
        aria-pressed={diffOpen}
        onClick={() => useReviewDiffUi.getState().toggle(id)}
      >
        {t.diffButton}
      </button>
      {returning ? (
        <ReturnDialog
          record={record}
          lineCount={lineCount}
          onClose={() => setReturning(false)}
          onReturned={(next) => {
            queryClient.setQueryData(reviewKey(record.id), next);
            void queryClient.invalidateQueries({ queryKey: ['review-queue'] });
            setReturning(false);
            notify({
              kind: 'info',
              message: (l) => reviewMessages[l].returned(seqNo, next.remarks.length),
              declarationId: record.id,
            });
          }}
        />
      ) : null}
    </section>
  );
}
