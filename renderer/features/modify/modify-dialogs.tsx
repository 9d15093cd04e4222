import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { DeclarationDoc } from '../../../shared/catalog';
import { goodsDeclaration } from '../../../shared/catalog';
import { AppError } from '../../../shared/api';
import type { DecModChange } from '../../../shared/modify/dec-mod-list';
import { buildDecModList, changePath } from '../../../shared/modify/dec-mod-list';
import type { ModReasonCase } from '../../../shared/modify/mod-request';
import { MAX_MOD_NOTE, modReasonCases, modReasonLabels } from '../../../shared/modify/mod-request';
import { fieldLabel } from '../../../shared/validation';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { ColumnHeads } from '../../components/column-heads';
import { FormDialog } from '../../components/form-dialog';
import { FormFooter } from '../../components/form-footer';
import { reasonText } from '../../i18n/reasons';
import { useUi } from '../../state/ui-store';
import { draftDone, flushDraft, modDraftKey } from './mod-draft';
import { useModifyT } from './modify-messages';

type Target = { id: string; clientSeqNo: string; ieFlag: 'I' | 'E' };

/** The case (海关总署令第220号 Art. 5) and the note: the two inputs every 修撤单 asks for. */
function ReasonInputs({
  reason,
  note,
  onReason,
  onNote,
}: {
  reason: ModReasonCase | null;
  note: string;
  onReason(r: ModReasonCase): void;
  onNote(n: string): void;
}) {
  const t = useModifyT();
  const locale = useUi((s) => s.locale);
  return (
    <>
      <label>
        {t.reason}
        <select
          autoFocus
          required
          value={reason ?? ''}
          onChange={(e) => onReason(Number(e.target.value) as ModReasonCase)}
        >
          <option value="" disabled>
            —
          </option>
          {modReasonCases.map((c) => (
            <option key={c} value={c}>
              {c} {locale === 'en' ? modReasonLabels[c].en : modReasonLabels[c].zh}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.note}
        <input value={note} maxLength={MAX_MOD_NOTE} onChange={(e) => onNote(e.target.value)} />
      </label>
    </>
  );
}

/**
 * The dialog both 修撤单 open: what the request carries (`children`), the case and the note, and the footer; Enter
 * signs and queues it through `send` (a refusal from main is shown in the footer), Esc closes. Nothing is sent while
 * `blocked` says why.
 */
function ModRequestDialog({
  title,
  blocked = null,
  cancelLabel,
  submitLabel,
  onClose,
  send,
  children,
}: {
  title: string;
  blocked?: string | null;
  cancelLabel: string;
  submitLabel: string;
  onClose(): void;
  send(reason: ModReasonCase, note: string): Promise<void>;
  children: ReactNode;
}) {
  const [reason, setReason] = useState<ModReasonCase | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (blocked || busy || reason === null) return;
    setBusy(true);
    try {
      await send(reason, note);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <FormDialog title={title} className="mod-form" onSubmit={submit} onClose={onClose}>
      {children}
      <ReasonInputs reason={reason} note={note} onReason={setReason} onNote={setNote} />
      <FormFooter
        error={error ? errorNotice(error) : null}
        cancelLabel={cancelLabel}
        onCancel={onClose}
        submitLabel={submitLabel}
        submitDisabled={!!blocked || busy || reason === null}
      />
    </FormDialog>
  );
}

/** A value as the list shows it: the code and, when it has one, its name in the code table. */
const shown = (value: string, name: string) => (name ? `${value} ${name}` : value) || '—';

/** The changed fields, each from its value as declared to the new one. */
export function ChangesTable({ changes, ieFlag }: { changes: readonly DecModChange[]; ieFlag: 'I' | 'E' }) {
  const t = useModifyT();
  const locale = useUi((s) => s.locale);
  return (
    <table className="mod-changes" aria-label={t.changedFields(changes.length)}>
      <ColumnHeads labels={[t.field, t.oldValue, t.newValue]} />
      <tbody>
        {changes.map((c) => (
          <tr key={c.no}>
            <th scope="row">{fieldLabel(goodsDeclaration, changePath(c), locale, ieFlag)}</th>
            <td>{shown(c.oldValue, c.oldName)}</td>
            <td>→ {shown(c.newValue, c.newName)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 确认修改申请: the fields the edited copy changes, old → new, as the request will carry them, with the case and the
 * note; 签名并提交 signs and queues it (Enter), Esc goes back to the copy.
 */
export function ModifyConfirmDialog({
  record,
  declared,
  edited,
  codeName,
  onClose,
  onQueued,
}: {
  record: Target;
  declared: DeclarationDoc;
  edited: DeclarationDoc;
  codeName(table: string, code: string): string | undefined;
  onClose(): void;
  onQueued(changes: number): void;
}) {
  const t = useModifyT();
  const locale = useUi((s) => s.locale);
  // What the request would carry, or why it cannot carry the copy (a line added, a container changed …).
  const built = useMemo((): { changes: DecModChange[] } | { refusal: AppError } => {
    try {
      return { changes: buildDecModList(goodsDeclaration, declared, edited, codeName) };
    } catch (e) {
      if (e instanceof AppError) return { refusal: e };
      throw e;
    }
  }, [declared, edited, codeName]);
  const changes = 'changes' in built ? built.changes : [];
  const blocked =
    'refusal' in built
      ? reasonText(locale, built.refusal.reason, built.refusal.params)
      : changes.length === 0
        ? reasonText(locale, 'declarations.modify-nothing-changed', { seqNo: record.clientSeqNo })
        : null;

  async function send(reasonCase: ModReasonCase, note: string): Promise<void> {
    // The copy as it is now is kept first: should the request fail, the draft holds every edit.
    await flushDraft(record.id);
    const done = await api.invoke('declarations.requestModification', { id: record.id, doc: edited, reasonCase, note });
    onQueued(done.changes);
  }

  return (
    <ModRequestDialog
      title={t.confirmTitle}
      blocked={blocked}
      cancelLabel={t.back}
      submitLabel={t.sign}
      onClose={onClose}
      send={send}
    >
      {blocked ? (
        <p role="alert" className="error-text">
          {blocked}
        </p>
      ) : (
        <>
          <p>{t.changedFields(changes.length)}</p>
          <ChangesTable changes={changes} ieFlag={record.ieFlag} />
        </>
      )}
    </ModRequestDialog>
  );
}

/** 撤单申请: the case and the note; Enter signs and queues a DecModType 2 request, Esc closes. */
export function CancelDialog({ record, onClose, onQueued }: { record: Target; onClose(): void; onQueued(): void }) {
  const t = useModifyT();
  async function send(reasonCase: ModReasonCase, note: string): Promise<void> {
    await api.invoke('declarations.requestCancellation', { id: record.id, reasonCase, note });
    onQueued();
  }
  return (
    <ModRequestDialog
      title={t.cancelTitle}
      cancelLabel={t.close}
      submitLabel={t.cancelConfirm}
      onClose={onClose}
      send={send}
    >
      <p className="muted">{t.modifyFirst}</p>
    </ModRequestDialog>
  );
}

/** 放弃修改: asked first (the copy's edits are lost); Enter removes the draft and closes the copy, Esc keeps it. */
export function DiscardDialog({ id, onClose, onDiscarded }: { id: string; onClose(): void; onDiscarded(): void }) {
  const t = useModifyT();
  const [error, setError] = useState<unknown>(null);
  async function discard(): Promise<void> {
    // Nothing waiting to be saved may bring the draft back after it is removed.
    draftDone(id);
    try {
      await api.invoke('declarations.discardModDraft', { id });
      onDiscarded();
    } catch (e) {
      setError(e);
      void queryClient.invalidateQueries({ queryKey: modDraftKey(id) });
    }
  }
  return (
    <FormDialog title={t.discardTitle} className="mod-form" onSubmit={discard} onClose={onClose}>
      <p>{t.discardBody}</p>
      <FormFooter
        error={error ? errorNotice(error) : null}
        cancelLabel={t.keepEditing}
        onCancel={onClose}
        submitLabel={t.discardConfirm}
      />
    </FormDialog>
  );
}
