import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeclarationRecord, DeclareConfirmation, ReasonMessage } from '../../../shared/api';
import { api, ApiCallError, errorNotice } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useBusy } from '../../components/busy-call';
import { Dialog } from '../../components/dialog';
import { messages } from '../../i18n/messages';
import { issueText, messageText } from '../../i18n/reasons';
import { useT } from '../../i18n/use-t';
import { useUi, type NoticeText } from '../../state/ui-store';
import { useFlowT } from './flow-messages';
import { compareKeys, orderKey } from './form-layout';

/** How many warnings the confirmation lists by name; the rest are counted. */
const LISTED_WARNINGS = 8;

/** Whether 申报 asks first, by the broker's setting: never when the checks found errors (those are refused first). */
export function needsConfirmation(setting: DeclareConfirmation, errors: number, warnings: number): boolean {
  if (errors > 0 || setting === 'never') return false;
  return setting === 'always' || warnings > 0;
}

/** Why 申报 did not go ahead, shown at the top of the error panel: a message and the fields it names (if any). */
export interface DeclareRefusal {
  /** Worded when shown, so a refusal still shown when the language changes is worded again. */
  message: NoticeText;
  /**
   * Main's findings when its checks refused what the editor's passed (its code tables differ): each field, and its
   * text worded when shown like the message.
   */
  issues: ReadonlyArray<{ path: string; message: NoticeText }>;
}

/** The fields a failed call names, each worded when shown (main's finding or reason, in the language of the moment). */
function refusedFields(error: unknown): DeclareRefusal['issues'] {
  if (!(error instanceof ApiCallError)) return [];
  return (error.error.issues ?? []).map((issue) => ({ path: issue.path, message: (l) => issueText(l, issue) }));
}

export interface DeclareDeps {
  /** Saves what is pending. */
  beforeDeclare(): Promise<void>;
  /** The errors of the editor's checks on the declaration as it is now (not when typing last paused). */
  errorsNow(): readonly string[];
  /** Moves the cursor to a field. */
  jump(path: string): void;
  /** Main refused what the editor's checks passed: its code tables are newer; check again with them. */
  recheck(): void;
  /** The warnings the checks leave (named in the confirmation before 申报); none when not given. */
  warningsNow?(): readonly string[];
  /** 申报 stopped on errors: the broker meant to declare, so a field still to fill is an error now, not a mark. */
  stopped?(): void;
  /** 申报 went ahead and the declaration as it is now (read-only, 待发送) is on screen: where the cursor goes on from. */
  declared?(): void;
  /**
   * Why 申报 cannot go ahead though the checks pass (the firm's 申报前须复核 not met), as main would refuse it; null
   * when nothing holds it. Said before the confirmation, which would otherwise ask to sign and queue it.
   */
  heldNow?(): Promise<ReasonMessage | null>;
}

/** The field first on screen among `paths`. */
export function firstOnScreen(paths: readonly string[], ieFlag: 'I' | 'E'): string | undefined {
  return [...paths].sort((a, b) => compareKeys(orderKey(a, ieFlag), orderKey(b, ieFlag)))[0];
}

/** Brings the error panel's top (where the refusal is) into view: it scrolls on its own beside the form. */
function showPanel(): void {
  const panel = document.getElementById('error-panel');
  const side = panel?.parentElement;
  if (side) side.scrollTop = 0;
}

/**
 * 申报 (the button and F9): saves what is pending; with errors left it goes to the first of them and
 * says why at the top of the error panel, in the UI language; otherwise main signs and queues it (a
 * locked key asks for the passphrase). Main checks again: if its checks refuse, its findings show
 * the same way and the editor's checks run again with the code tables main has.
 */
export function useDeclare(record: DeclarationRecord, deps: DeclareDeps) {
  const notify = useUi((s) => s.notify);
  const setPassphraseOpen = useUi((s) => s.setPassphraseOpen);
  const { busy, run } = useBusy();
  const [refusal, setRefusal] = useState<DeclareRefusal | null>(null);
  // The warnings as they were when the broker asked: the confirmation names what is confirmed.
  const [confirming, setConfirming] = useState<readonly string[] | null>(null);
  const setting = useUi((s) => s.prefs.confirmDeclare);
  const { beforeDeclare, errorsNow, jump, recheck, warningsNow, stopped, heldNow, declared } = deps;
  const ieFlag = record.ieFlag;
  // After the passphrase is given, declaring goes on by itself (the latest declare, not the one that asked).
  const again = useRef<() => Promise<void>>(() => Promise.resolve());

  const refuse = useCallback(
    (paths: readonly string[], issues: DeclareRefusal['issues']) => {
      setRefusal({ message: (l) => messages[l].cannotDeclare(paths.length), issues });
      stopped?.();
      const first = firstOnScreen(paths, ieFlag);
      if (first) jump(first);
      showPanel();
    },
    [ieFlag, jump, stopped],
  );

  const send = useCallback(
    (confirmed: boolean): Promise<void> =>
      run(
        async () => {
          setRefusal(null);
          await beforeDeclare();
          const errors = errorsNow();
          if (errors.length > 0) {
            refuse(errors, []);
            return;
          }
          const held = await heldNow?.();
          if (held) {
            setRefusal({ message: (l) => messageText(l, held), issues: [] });
            showPanel();
            return;
          }
          const warnings = warningsNow?.() ?? [];
          if (!confirmed && needsConfirmation(setting, 0, warnings.length)) {
            setConfirming(warnings);
            return;
          }
          await api.invoke('declarations.declare', { id: record.id });
          notify({ kind: 'info', message: (l) => `${record.clientSeqNo} ${messages[l].declared}` });
          await queryClient.invalidateQueries({ queryKey: keys.declaration(record.id) });
          declared?.();
        },
        (error) => {
          if (error instanceof ApiCallError && error.code === 'PASSPHRASE_REQUIRED')
            setPassphraseOpen(true, () => void again.current());
          else if (error instanceof ApiCallError && error.code === 'VALIDATION_FAILED' && error.issues?.length) {
            const issues = refusedFields(error);
            refuse(
              issues.map((i) => i.path),
              [...issues].sort((a, b) => compareKeys(orderKey(a.path, ieFlag), orderKey(b.path, ieFlag))),
            );
            recheck();
          } else {
            setRefusal({
              message: errorNotice(error),
              issues: refusedFields(error),
            });
            showPanel();
          }
        },
      ),
    [
      beforeDeclare,
      errorsNow,
      warningsNow,
      heldNow,
      declared,
      setting,
      ieFlag,
      notify,
      record.clientSeqNo,
      record.id,
      recheck,
      refuse,
      run,
      setPassphraseOpen,
    ],
  );

  const declare = useCallback(() => send(false), [send]);
  const confirm = useCallback(() => {
    setConfirming(null);
    void send(true);
  }, [send]);
  const cancel = useCallback(() => setConfirming(null), []);

  // The broker has confirmed by then: the declare that asked for the passphrase goes on as confirmed.
  useEffect(() => {
    again.current = () => send(true);
  }, [send]);
  const dismiss = useCallback(() => setRefusal(null), []);
  return { declare, busy, refusal, dismiss, confirming, confirm, cancel, clientSeqNo: record.clientSeqNo };
}

/** Asks before 申报, naming the warnings the checks left: Enter declares, Esc goes back to the declaration. */
function ConfirmDeclare({ state }: { state: ReturnType<typeof useDeclare> }) {
  const f = useFlowT();
  const warnings = state.confirming;
  const confirmButton = useRef<HTMLButtonElement>(null);
  // After the dialog has opened (its effect runs first): the modal dialog focuses its first control, 返回, by itself.
  useEffect(() => {
    if (warnings) confirmButton.current?.focus();
  }, [warnings]);
  if (!warnings) return null;
  return (
    <Dialog title={f.confirmTitle} open onClose={state.cancel}>
      <p>{f.confirmBody(state.clientSeqNo, warnings.length)}</p>
      {warnings.length > 0 ? (
        <ul className="confirm-warnings">
          {warnings.slice(0, LISTED_WARNINGS).map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
          {warnings.length > LISTED_WARNINGS ? <li>{f.confirmMore(warnings.length - LISTED_WARNINGS)}</li> : null}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" onClick={state.cancel}>
          {f.confirmBack}
        </button>
        <button type="button" className="primary" ref={confirmButton} onClick={state.confirm}>
          {f.confirmDeclare}
        </button>
      </div>
    </Dialog>
  );
}

export function DeclareButton({ state, disabled }: { state: ReturnType<typeof useDeclare>; disabled: boolean }) {
  const t = useT();
  return (
    <div className="declare">
      <button
        type="button"
        className="primary"
        disabled={disabled || state.busy}
        onClick={() => void state.declare()}
        aria-keyshortcuts="F9"
      >
        {t.declare}
      </button>
      <ConfirmDeclare state={state} />
    </div>
  );
}
