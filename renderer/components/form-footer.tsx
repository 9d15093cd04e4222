import type { NoticeText } from '../state/ui-store';
import { FailureLine } from './failure-line';

/**
 * The end of a form in a dialog or panel: its error (announced), then Cancel and the submit
 * button, the same markup everywhere so keys and screen readers meet the same thing.
 */
export function FormFooter({
  error,
  cancelLabel,
  onCancel,
  submitLabel,
  submitDisabled,
}: {
  error?: NoticeText | null;
  cancelLabel: string;
  onCancel(): void;
  submitLabel: string;
  submitDisabled?: boolean;
}) {
  return (
    <>
      <FailureLine error={error ?? null} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
