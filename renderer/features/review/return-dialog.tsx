import { useFailureState } from '../../components/failure-line';
import { useMemo, useRef, useState } from 'react';
import type { DeclarationRecord, DeclarationReview, ReviewRemarkInput } from '../../../shared/api';
import { goodsDeclaration } from '../../../shared/catalog';
import { fieldLabel } from '../../../shared/validation';
import { api, errorNotice } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
import { FormFooter } from '../../components/form-footer';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from '../editor/editor-store';
import { footerGroups, gridColumns, groupFields, headGroups, lineDetailColumns } from '../editor/form-layout';
import { useReviewT } from './review-messages';

/** The fields a remark may be pinned to, in the form's order: the head's boxes, each goods line's, the signature. */
export function remarkFields(ieFlag: 'I' | 'E', lineCount: number): string[] {
  const head = headGroups.flatMap((g) => groupFields(g, ieFlag));
  const lines = Array.from({ length: lineCount }, (_, i) =>
    [...gridColumns, ...lineDetailColumns].map((c) => `lines[${i}].${c}`),
  ).flat();
  return [...head, ...lines, ...footerGroups.flatMap((g) => groupFields(g, ieFlag))];
}

/**
 * 退回: the reviewer writes remarks, each pinned to a field — the field focused in the form when the dialog opened is
 * chosen first, any other field of the form can be chosen from the list — and returns the declaration with them.
 */
export function ReturnDialog({
  record,
  lineCount,
  onClose,
  onReturned,
}: {
  record: Pick<DeclarationRecord, 'id' | 'ieFlag'>;
  lineCount: number;
  onClose(): void;
  onReturned(review: DeclarationReview): void;
}) {
  const t = useReviewT();
  const locale = useUi((s) => s.locale);
  // The field the reviewer was on when they pressed 退回 (Alt+Shift+R), the usual target of the remark.
  const [focused] = useState(() => useEditorUi.getState().currentPath);
  const fields = useMemo(() => {
    const all = remarkFields(record.ieFlag, lineCount);
    return focused && !all.includes(focused) ? [focused, ...all] : all;
  }, [record.ieFlag, lineCount, focused]);
  const [path, setPath] = useState(focused ?? fields[0] ?? 'head.TradeName');
  const [text, setText] = useState('');
  const [remarks, setRemarks] = useState<ReviewRemarkInput[]>([]);
  const [error, setError] = useFailureState();
  const textRef = useRef<HTMLInputElement>(null);
  const label = (p: string) => fieldLabel(goodsDeclaration, p, locale, record.ieFlag);

  const typed = text.trim() !== '';

  function add(): void {
    if (!typed) return;
    setRemarks((rs) => [...rs, { path, text: text.trim() }]);
    setText('');
    textRef.current?.focus();
  }

  async function send(): Promise<void> {
    // A remark typed but not yet added goes with the others: the reviewer meant it.
    const all = typed ? [...remarks, { path, text: text.trim() }] : remarks;
    try {
      onReturned(await api.invoke('review.return', { id: record.id, remarks: all }));
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  return (
    <FormDialog title={t.returnTitle} className="return-form" onSubmit={send} onClose={onClose}>
      {focused ? <p className="muted">{t.focusedField(label(focused))}</p> : null}
      <label>
        {t.remarkField}
        <select value={path} onChange={(e) => setPath(e.target.value)}>
          {fields.map((f) => (
            <option key={f} value={f}>
              {label(f)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.remarkText}
        <input
          ref={textRef}
          autoFocus
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the remark and stays for the next; the form's 退回 button sends them.
            if (e.key === 'Enter' && !e.ctrlKey) {
              e.preventDefault();
              add();
            }
          }}
        />
      </label>
      <button type="button" onClick={add} disabled={!typed}>
        {t.remarkAdd}
      </button>
      {typed ? (
        // A remark in the box goes with 退回 (send below), so "no remarks yet" would be untrue.
        <p className="muted">{t.remarkTyped}</p>
      ) : remarks.length === 0 ? (
        <p className="muted">{t.remarksEmpty}</p>
      ) : null}
      {remarks.length === 0 ? null : (
        <ul className="return-remarks" aria-label={t.returnTitle}>
          {remarks.map((r, i) => (
            <li key={`${r.path}-${i}`}>
              {label(r.path)}：{r.text}{' '}
              <button type="button" className="link" onClick={() => setRemarks((rs) => rs.filter((_, j) => j !== i))}>
                {t.remarkRemove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormFooter
        error={error}
        onCancel={onClose}
        submitLabel={t.returnConfirm}
        submitDisabled={remarks.length === 0 && !typed}
      />
    </FormDialog>
  );
}
