import { useEffect } from 'react';
import { FailureDetail } from '../components/failure-line';
import { useT } from '../i18n/use-t';
import { noticeText, useUi } from '../state/ui-store';

/** In-app notices (the browser host's stand-in for desktop notifications): releases, rejections, errors. */
export function Notices() {
  const t = useT();
  const { notices, dismiss, select, locale } = useUi();
  useEffect(() => {
    if (notices.length === 0) return;
    const oldest = notices[0];
    const timer = setTimeout(() => oldest && dismiss(oldest.id), 10_000);
    return () => clearTimeout(timer);
  }, [notices, dismiss]);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
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
