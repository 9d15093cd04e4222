import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { DeclarationRecord, ReasonMessage } from '../../../shared/api';
import { reasonMessage } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { canApply, underInspection } from '../../../shared/status';
import { api } from '../../api/client';
import { SaidDetail } from '../../components/failure-line';
import { localMinute } from '../../i18n/local-time';
import { messageText } from '../../i18n/reasons';
import { useMessageText } from '../../i18n/use-message-text';
import { useUi } from '../../state/ui-store';
import { actionFor } from '../editor/keymap';
import { draftDone, resumeCopy, useModDraft } from './mod-draft';
import { CancelDialog, DiscardDialog, ModifyConfirmDialog } from './modify-dialogs';
import { ModFormSheet } from './mod-form-sheet';
import { modifyMessages, useModifyT } from './modify-messages';
import { useModifyUi } from './modify-store';

type Record_ = Pick<DeclarationRecord, 'id' | 'clientSeqNo' | 'ieFlag' | 'workflow' | 'channel' | 'entryId' | 'doc'>;

export const modRequestsKey = (id: string) => ['declaration', id, 'mod-requests'] as const;

/** Whether 修改申请 and 撤单申请 may be asked for now: customs holds it under a 海关编号 and no request is waiting. */
export function canRequest(record: Pick<DeclarationRecord, 'workflow' | 'channel' | 'entryId'>): boolean {
  return canApply('modify-request', record);
}

/**
 * Why 修改申请, 撤单申请 and 继续修改 wait though customs holds the declaration: it is under inspection (查验, 施检), when
 * main refuses to sign either request and the hub to take it; null otherwise. Said beside the buttons, which it
 * disables, rather than after the broker has filled in a request.
 */
export function requestHeld(record: Pick<DeclarationRecord, 'channel' | 'entryId'>): ReasonMessage | null {
  if (!underInspection(record.channel)) return null;
  return reasonMessage('modify.under-inspection', { entryId: record.entryId ?? '' });
}

/** A key or F9 that asked for a request now held: said as a notice, in the UI language when shown. */
function sayHeld(why: ReasonMessage): void {
  useUi.getState().notify({ kind: 'error', message: (l) => messageText(l, why) });
}

/** A goods line added, copied, removed or moved on the 修改申请 copy: refused with why (the key does nothing else). */
export function refuseCopyRows(): void {
  useUi.getState().notify({ kind: 'error', message: (l) => modifyMessages[l].linesFixed });
}

/**
 * 修改申请 from the editor: held while under inspection (a copy left open when the 查验 receipt came), saying why;
 * then the copy's full checks — a copy with errors goes to its first error instead — then the confirmation of the
 * changed fields (F9 or 提交修改申请).
 */
export function useModifySubmit(opts: {
  record: Pick<DeclarationRecord, 'channel' | 'entryId'>;
  copy: boolean;
  docRef: MutableRefObject<DeclarationDoc>;
  errorsNow(doc: DeclarationDoc): string[];
  jump(path: string): void;
}) {
  const notify = useUi((s) => s.notify);
  const { copy, docRef, errorsNow, jump } = opts;
  const { channel, entryId } = opts.record;
  return useCallback(() => {
    if (!copy) return;
    const held = requestHeld({ channel, entryId });
    if (held) {
      sayHeld(held);
      return;
    }
    const errors = errorsNow(docRef.current);
    const first = errors[0];
    if (first) {
      notify({ kind: 'error', message: (l) => modifyMessages[l].hasErrors(errors.length) });
      jump(first);
      return;
    }
    useModifyUi.getState().setDialog('confirm');
  }, [copy, docRef, errorsNow, jump, notify, channel, entryId]);
}

/**
 * When a request was made and answered, and when its draft was saved, month to minute: screen times, on the machine's
 * clock as every other screen writes them (what goes to customs, the printed form's 申请日期, keeps China time).
 */
const shortTime = (iso: string) => localMinute(iso).slice(5);

/** The latest request's state, when it was made and answered, and the hub's answer, under the editor's header. */
function LatestRequest({ id, tradeName }: { id: string; tradeName: string }) {
  const t = useModifyT();
  const said = useMessageText();
  const [printing, setPrinting] = useState(false);
  const requests = useQuery({
    queryKey: modRequestsKey(id),
    queryFn: () => api.invoke('declarations.modRequests', { id }),
  });
  const last = requests.data?.at(-1);
  if (!last) return null;
  const reasons = last.answer?.reasons.map(said) ?? [];
  return (
    <span className={`mod-latest mod-${last.state}`} data-testid="mod-latest">
      {t.latestOf(last.kind)}
      {t.sep}
      {t.latest[last.state]}
      {` · ${t.requestedAt(shortTime(last.createdAt))}`}
      {last.answer ? ` · ${t.answeredAt(shortTime(last.answer.at))}` : ''}
      {last.modSeqNo ? ` · ${t.modSeqNo(last.modSeqNo)}` : ''}
      {reasons.length > 0 ? ` · ${reasons.join('；')}` : ''}{' '}
      <button type="button" className="link" onClick={() => setPrinting(true)}>
        {t.print}
      </button>
      {/* The hub's own words of a refusal (its code, a library's message) for support, not in the sentence. */}
      {last.answer?.reasons.map((r, i) => (
        <SaidDetail key={i} said={r} />
      ))}
      {printing ? <ModFormSheet request={last} tradeName={tradeName} onClose={() => setPrinting(false)} /> : null}
    </span>
  );
}

/**
 * 修撤单 in the editor's header. On a declaration customs holds: 修改申请 (Alt+M) opens an editable copy of it, 撤单申请
 * (Alt+Shift+M) the cancellation dialog, and the latest request's state. On the copy: what it is, 提交修改申请 (F9)
 * and 放弃修改.
 */
export function ModifyBar({
  record,
  copy,
  edited,
  submit,
  codeName,
}: {
  record: Record_;
  copy: boolean;
  /** The copy as edited (only while `copy`). */
  edited: DeclarationDoc;
  submit(): void;
  codeName(table: string, code: string): string | undefined;
}) {
  const t = useModifyT();
  const notify = useUi((s) => s.notify);
  const dialog = useModifyUi((s) => s.dialog);
  const allowed = canRequest(record);
  const held = allowed ? requestHeld(record) : null;
  const said = useMessageText();
  // A modification prepared earlier and not sent (the editor or the app closed on it): offered to continue.
  const draft = useModDraft(record.id, allowed && !copy).data;
  const latest = useRef({ allowed, held, id: record.id });
  useEffect(() => {
    latest.current = { allowed, held, id: record.id };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const action = actionFor(event, 'editor');
      if ((action !== 'modify-request' && action !== 'cancel-request') || !latest.current.allowed) return;
      event.preventDefault();
      const { held: why } = latest.current;
      if (why) {
        sayHeld(why);
        return;
      }
      if (action === 'modify-request') void resumeCopy(latest.current.id);
      else useModifyUi.getState().setDialog('cancel');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const { clientSeqNo } = record;

  return (
    <section className="modify-bar" aria-label={copy ? t.copyBar : t.modify}>
      {copy ? (
        <>
          <strong className="mod-copy">{t.copyBar}</strong>
          <span className="muted">{t.copyHint}</span>
          <button type="button" className="primary" aria-keyshortcuts="F9" onClick={submit}>
            {t.submit}
          </button>
          <button type="button" onClick={() => useModifyUi.getState().setDialog('discard')}>
            {t.discard}
          </button>
        </>
      ) : (
        <>
          {allowed ? (
            <>
              {draft ? (
                <strong className="mod-copy" data-testid="mod-draft">
                  {t.draftKept(shortTime(draft.updatedAt))}
                </strong>
              ) : null}
              {/* 修改申请 opens the editable copy: the one kept (继续修改, beside 放弃) or a new one. */}
              <button
                type="button"
                aria-keyshortcuts="Alt+M"
                disabled={!!held}
                onClick={() => void resumeCopy(record.id)}
              >
                {draft ? t.resume : t.modify}
              </button>
              {draft ? (
                <button type="button" onClick={() => useModifyUi.getState().setDialog('discard')}>
                  {t.discard}
                </button>
              ) : null}
              <button
                type="button"
                aria-keyshortcuts="Alt+Shift+M"
                disabled={!!held}
                onClick={() => useModifyUi.getState().setDialog('cancel')}
              >
                {t.cancel}
              </button>
              {held ? (
                <span className="muted" data-testid="mod-held">
                  {said(held)}
                </span>
              ) : null}
            </>
          ) : null}
          <LatestRequest id={record.id} tradeName={record.doc.head.TradeName ?? ''} />
        </>
      )}
      {copy && dialog === 'confirm' ? (
        <ModifyConfirmDialog
          record={record}
          declared={record.doc}
          edited={edited}
          codeName={codeName}
          onClose={() => useModifyUi.getState().setDialog(null)}
          onQueued={(n) => {
            draftDone(record.id);
            useModifyUi.getState().endCopy();
            notify({
              kind: 'info',
              message: (l) => modifyMessages[l].queued(clientSeqNo, n),
              declarationId: record.id,
            });
          }}
        />
      ) : null}
      {dialog === 'discard' ? (
        <DiscardDialog
          id={record.id}
          onClose={() => useModifyUi.getState().setDialog(null)}
          onDiscarded={() => useModifyUi.getState().endCopy()}
        />
      ) : null}
      {!copy && dialog === 'cancel' ? (
        <CancelDialog
          record={record}
          onClose={() => useModifyUi.getState().setDialog(null)}
          onQueued={() => {
            // Main drops the modification draft with the cancellation: nothing is left to modify.
            draftDone(record.id);
            useModifyUi.getState().setDialog(null);
            notify({
              kind: 'info',
              message: (l) => modifyMessages[l].cancelQueued(clientSeqNo),
              declarationId: record.id,
            });
          }}
        />
      ) : null}
    </section>
  );
}
