import { useCallback, useState } from 'react';
import type { ReasonMessage } from '../../shared/api';
import { reasonDetail } from '../i18n/reasons';
import { useT } from '../i18n/use-t';
import type { NoticeText } from '../state/ui-store';
import { useUi } from '../state/ui-store';

/**
 * A program error's own text, for support: folded away under 详情 beside the broker's sentence (which says, in the UI
 * language, that it was not done and what to do), with a button that copies it for a message to support.
 */
export function FailureDetail({ error }: { error: NoticeText | null | undefined }) {
  return <DetailFold detail={error?.detail} />;
}

/** The program's own words of something main said and keeps (an outbox row's last error), folded as FailureDetail. */
export function SaidDetail({ said }: { said: ReasonMessage | null | undefined }) {
  return <DetailFold detail={said ? reasonDetail(said.reason, said.params) : null} />;
}

function DetailFold({ detail }: { detail: string | null | undefined }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  if (!detail) return null;
  const copy = () =>
    void navigator.clipboard.writeText(detail).then(
      () => setCopied(true),
      // No clipboard here: the text stays shown to select by hand.
      () => setCopied(false),
    );
  return (
    <details className="failure-detail">
      <summary>{t.failureDetail}</summary>
      <pre>{detail}</pre>
      <button type="button" className="link" onClick={copy}>
        {copied ? t.detailCopied : t.copyDetail}
      </button>
    </details>
  );
}

/**
 * A failure shown in a dialog or panel (announced), worded in the UI language each time it renders: the dialog
 * keeps what failed, so switching the language with the failure shown words it again.
 */
export function FailureLine({ error, className = 'error-text' }: { error: NoticeText | null; className?: string }) {
  const locale = useUi((s) => s.locale);
  return error ? (
    <>
      <p role="alert" className={className}>
        {error(locale)}
      </p>
      <FailureDetail error={error} />
    </>
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
