import type { LineImportReport } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../components/dialog';
import { useInterchange } from './interchange-store';
import { useInterchangeT } from './messages';
import { ColumnHeads } from '../../components/column-heads';

/** The rows of a report: each problem with its sheet row, column and field, in the user's language. */
export function ProblemTable({ problems }: { problems: LineImportReport['errors'] }) {
  const t = useInterchangeT();
  const locale = useUi((s) => s.locale);
  return (
    <table className="line-report-table">
      <ColumnHeads labels={[t.row, t.column, t.problem]} />
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.row ?? '—'}</td>
            <td>{p.column ?? ''}</td>
            <td>{locale === 'en' ? p.messageEn : p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The values the import turned into codes: row, column, the sheet's text, the code and its name, and how. */
function MappedTable({ report }: { report: LineImportReport }) {
  const t = useInterchangeT();
  return (
    <>
      <p>{t.mappedTitle(report.mappedCount, report.written)}</p>
      <table className="line-report-table" aria-label={t.mappedTitle(report.mappedCount, report.written)}>
        <ColumnHeads labels={[t.row, t.column, t.sheetValue, t.storedCode]} />
        <tbody>
          {report.mapped.map((m, i) => (
            <tr key={i}>
              <td>{m.row}</td>
              <td>{m.column ?? ''}</td>
              <td>{m.from}</td>
              <td>
                {m.to} {m.name} <span className="muted">({t.mappedHow[m.how]})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.mappedCount > report.mapped.length ? (
        <p className="muted">{t.more(report.mappedCount - report.mapped.length)}</p>
      ) : null}
    </>
  );
}

/** 导入结果: what was imported, or — when any row failed — that nothing was, and each failed row and why. */
export function LineReport() {
  const t = useInterchangeT();
  const { dialog, report, reportOrigin, close } = useInterchange();
  const select = useUi((s) => s.select);
  if (!report) return null;
  return (
    <Dialog title={t.reportTitle} open={dialog === 'report'} onClose={() => close('report')}>
      <div className="line-report" data-testid="line-report">
        {report.written ? (
          <p role="status">
            {report.created.length > 0 ? t.createdDeclarations(report.created.length) : t.written(report.imported)}
          </p>
        ) : (
          <p role="alert" className="error">
            {reportOrigin === 'paste' ? t.pasteRefused : t.notWritten(report.errorCount)}
          </p>
        )}
        {report.errors.length > 0 ? <ProblemTable problems={report.errors} /> : null}
        {report.errorCount > report.errors.length ? (
          <p className="muted">{t.more(report.errorCount - report.errors.length)}</p>
        ) : null}
        {report.created.length > 0 ? (
          <ul>
            {report.created.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    close('report');
                    select(c.id);
                  }}
                >
                  {c.clientSeqNo}
                </button>
                {t.createdLines(c.lineCount)}
              </li>
            ))}
          </ul>
        ) : null}
        {report.mappedCount > 0 ? <MappedTable report={report} /> : null}
        {report.warningCount > 0 ? (
          <details>
            <summary>{t.warnings(report.warningCount)}</summary>
            <ProblemTable problems={report.warnings} />
          </details>
        ) : null}
        <p className="dialog-actions dialog-footer">
          <button type="button" onClick={() => close('report')}>
            {t.close}
          </button>
        </p>
      </div>
    </Dialog>
  );
}
