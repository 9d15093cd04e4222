import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import type { DeclareRefusal } from './declare-button';
import type { ListedFinding } from './use-findings';

/**
 * Every finding, errors first within each place, in screen order; a click (or Enter on it) jumps to the field. F8 walks
 * them from the keyboard.
 */
export const ErrorPanel = memo(function ErrorPanel({
  findings,
  errorCount,
  refusal,
  onJump,
}: {
  findings: readonly ListedFinding[];
  errorCount: number;
  /** Why 申报 (F9) did not go ahead: at the top, where the broker looks after pressing it. */
  refusal: DeclareRefusal | null;
  onJump(path: string): void;
}) {
  const t = useT();
  const warnings = findings.length - errorCount;
  return (
    <section className="findings" aria-label={t.findingsRegion} id="error-panel">
      {refusal ? (
        <div className="declare-refusal" role="alert">
          <p>{refusal.message}</p>
          {refusal.issues.length > 0 ? (
            <ul>
              {refusal.issues.map((issue, i) => (
                <li key={`${issue.path}-${i}`} className="finding finding-error">
                  <span className="bullet" aria-hidden="true" />
                  <button type="button" className="link" onClick={() => onJump(issue.path)}>
                    {issue.message}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h3 className={errorCount === 0 ? 'ok' : 'bad'} tabIndex={-1} id="error-panel-heading">
        {t.findings(errorCount)}
        {warnings > 0 ? <span className="muted"> · {t.warnings(warnings)}</span> : null}
      </h3>
      <p className="muted hint">
        F8 {t.nextError} · F1 {t.helpTitle}
      </p>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.path}-${i}`} className={`finding finding-${f.severity}`}>
            <span className="bullet" aria-hidden="true" />
            <button type="button" className="link" onClick={() => onJump(f.path)}>
              {f.severity === 'warning' ? '⚠ ' : ''}
              {f.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
