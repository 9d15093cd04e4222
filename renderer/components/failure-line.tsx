import { useCallback, useState } from 'react';
import type { NoticeText } from '../state/ui-store';
import { useUi } from '../state/ui-store';

/**
 * A failure shown in a dialog or panel (announced), worded in the UI language each time it renders: the dialog
 * keeps what failed, so switching the language with the failure shown words it again.
 */
export function FailureLine({ error, className = 'error-text' }: { error: NoticeText | null; className?: string }) {
  const locale = useUi((s) => s.locale);
  return error ? (
    <p role="alert" className={className}>
      {error(locale)}
    </p>
  ) : null;
}

/**
 * State holding a failure's wording (a function of the language). React's setter would call a function it is given
 * as an updater, so the setter here hands it over as a value.
 */
export function useFailureState(): [NoticeText | null, (text: NoticeText | null) => void] {
  const [text, setText] = useState<NoticeText | null>(null);
  const set = useCallback((next: NoticeText | null) => setText(() => next), []);
  return [text, set];
}
