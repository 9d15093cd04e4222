import { useT } from '../i18n/use-t';
import type { NoticeText } from '../state/ui-store';
import { FailureLine } from './failure-line';

/**
 * The end of a form in a dialog or panel: its error (announced), then Cancel and the submit
 * button, the same markup everywhere so keys and screen readers meet the same thing. Cancel says
 * messages' cancel (取消 / Cancel), the one word every form uses, unless the form names what its
 * cancel keeps (保留口令, 继续修改 …).
 */
export function FormFooter({
  error,
  cancelLabel,
  onCancel,
  submitLabel,
  submitDisabled,
}: {
  error?: NoticeText | null;
  cancelLabel?: string;
  onCancel(): void;
  submitLabel: string;
  submitDisabled?: boolean;
}) {
  const t = useT();
  return (
    <>
      <FailureLine error={error ?? null} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel ?? t.cancel}
        </button>
        <button type="submit" className="primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
