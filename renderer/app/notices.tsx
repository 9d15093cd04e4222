import { useEffect, useState } from 'react';
import { FailureDetail } from '../components/failure-line';
import { useT } from '../i18n/use-t';
import { noticeText, useUi } from '../state/ui-store';

/** How long a notice stays when nobody is looking at it. */
export const NOTICE_MS = 10_000;

/**
 * In-app notices (the browser host's stand-in for desktop notifications): releases, rejections, errors. Each closes
 * by itself after NOTICE_MS, oldest first, except one with the program's own text under 详情, which stays until it
 * is closed: the broker must have time to open it and copy it for support. None closes while the pointer or the
 * focus is on the notices (someone is reading one, or selecting its text). The newest is on top: it is the one just
 * caused (the stack grows upwards from the corner).
 */
export function Notices() {
  const t = useT();
  const { notices, dismiss, select, locale } = useUi();
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = pointed || focused;
  // The last notice closed under the pointer: the empty corner gets no mouseleave, and the next notice must close.
  // Reset while rendering (React re-renders at once), not in an effect, which would render everything twice.
  if (notices.length === 0 && (pointed || focused)) {
    setPointed(false);
    setFocused(false);
  }
  useEffect(() => {
    if (held) return;
    const next = notices.find((n) => !n.message.detail);
    if (!next) return;
    const timer = setTimeout(() => dismiss(next.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notices, dismiss, held]);
  return (
    <div
      className="notices"
      role="status"
      aria-live="polite"
      onMouseEnter={() => setPointed(true)}
      onMouseLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget))}
    >
      {notices.toReversed().map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`}>
          <button type="button" className="link" onClick={() => n.declarationId && select(n.declarationId)}>
            {noticeText(n, locale)}
          </button>
          <FailureDetail error={n.message} />
          <button type="button" aria-label={t.close} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
