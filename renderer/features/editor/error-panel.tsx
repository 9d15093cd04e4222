import { memo } from 'react';
import { FailureDetail } from '../../components/failure-line';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import type { DeclareRefusal } from './declare-button';
import { keysOf } from './keymap';
import type { ListedFinding } from './use-findings';

/**
 * Every finding, errors first within each place, in screen order; a click (or Enter on it) jumps to the field.
 * Alt+4 comes here and F8 / Shift+F8 walk them from the keyboard; the hint names those keys from the keymap.
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
  const locale = useUi((s) => s.locale);
  const warnings = findings.length - errorCount;
  // Empty required fields are counted apart: still to fill, not wrong (a new declaration has some 25).
  const toFill = findings.filter((f) => f.required).length;
  const wrong = errorCount - toFill;
  return (
    <section className="findings" aria-label={t.findingsRegion} id="error-panel">
      {refusal ? (
        <div className="declare-refusal" role="alert">
          <p>{refusal.message(locale)}</p>
          <FailureDetail error={refusal.message} />
          {refusal.issues.length > 0 ? (
            <ul>
              {refusal.issues.map((issue, i) => (
                <li key={`${issue.path}-${i}`} className="finding finding-error">
                  <span className="bullet" aria-hidden="true" />
                  <button type="button" className="link" onClick={() => onJump(issue.path)}>
                    {issue.message(locale)}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h3 className={errorCount === 0 ? 'ok' : wrong > 0 ? 'bad' : 'to-fill'} tabIndex={-1} id="error-panel-heading">
        {wrong > 0 || toFill === 0 ? t.findings(wrong) : null}
        {toFill > 0 ? <span className="to-fill-count">{`${wrong > 0 ? ' · ' : ''}${t.toFill(toFill)}`}</span> : null}
        {warnings > 0 ? <span className="muted"> · {t.warnings(warnings)}</span> : null}
      </h3>
      <p className="muted hint">
        {keysOf('go-errors')} {t.errorsHere} · {keysOf('next-error')} / {keysOf('prev-error')} {t.nextError} ·{' '}
        {keysOf('help')} {t.helpTitle}
      </p>
      <ul>
        {findings.map((f, i) => (
          <li
            key={`${f.path}-${i}`}
            className={`finding finding-${f.required ? 'required' : f.remark ? 'remark' : f.severity}`}
          >
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
