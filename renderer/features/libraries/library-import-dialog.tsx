import { FailureLine, useFailureState } from '../../components/failure-line';
import { useEffect, useState } from 'react';
import type { LibraryImportReport, LibraryProgress, LineSource, MethodOutput } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../components/dialog';
import { FileInput } from '../../components/file-input';
import { fileToBase64, saveFile } from '../interchange/files';
import { ProblemTable } from '../interchange/line-report';
import { MappingTable, mappingOf, SheetOptions } from '../interchange/mapping-table';
import { useLibraryUi } from './library-store';
import type { LibraryMessages } from './messages';
import { useLibraryT } from './messages';

type Preview = MethodOutput<'libraries.preview'>;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The report as CSV (UTF-8 with a BOM, as spreadsheet programs read Chinese): every listed problem with its row and
 * column.
 */
export function reportCsv(report: LibraryImportReport, locale: 'zh-CN' | 'en'): string {
  const en = locale === 'en';
  const header = en ? ['Row', 'Column', 'Field', 'Severity', 'Problem'] : ['行', '列', '栏目', '级别', '问题'];
  const rows = [...report.errors, ...report.warnings].map((p) => [
    p.row === null ? '' : String(p.row),
    p.column ?? '',
    p.field ?? '',
    p.severity === 'error' ? (en ? 'error' : '错误') : en ? 'warning' : '提示',
    en ? p.messageEn : p.message,
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function progressText(t: LibraryMessages, p: LibraryProgress | null): string {
  if (!p || p.phase === 'read') return t.reading;
  if (p.phase === 'check') return t.checking(p.done, p.total);
  return t.writing(p.total);
}

/**
 * 导入企业库 / 导入商品库: a file (.xlsx/.csv) read, its columns mapped (guessed, changeable), then
 * every row checked with its progress shown — the import can be stopped until it writes — and
 * either everything written or nothing, with a report naming each failed row (exportable as CSV).
 */
export function LibraryImportDialog() {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const kind = useLibraryUi((s) => s.importing);
  const report = useLibraryUi((s) => s.report);
  const { openImport, showReport } = useLibraryUi();
  const [source, setSource] = useState<LineSource | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [targets, setTargets] = useState<Map<number, string>>(new Map());
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<LibraryProgress | null>(null);
  const [error, setError] = useFailureState();

  useEffect(() => {
    if (!running) return;
    return api.on('libraries.progress', (p) => {
      if (p.importId === running) setProgress(p);
    });
  }, [running]);

  if (!kind) return null;

  function close(): void {
    if (running) void api.invoke('libraries.cancelImport', { importId: running }).catch(() => undefined);
    setSource(null);
    setPreview(null);
    setTargets(new Map());
    setError(null);
    setProgress(null);
    openImport(null);
  }

  async function read(next: LineSource, options: { sheet?: string; headerRow?: number } = {}): Promise<void> {
    if (!kind) return;
    setError(null);
    try {
      const result = await api.invoke('libraries.preview', { kind, source: next, ...options });
      setSource(next);
      setPreview(result);
      setTargets(new Map(result.mapping.columns.map((c) => [c.index, c.target])));
    } catch (e) {
      setError(errorNotice(e));
      // A new file refused leaves no other file's columns on screen (导入 would import that file); the same file read
      // again with another sheet or header row keeps what it showed.
      if (next !== source) {
        setSource(null);
        setPreview(null);
      }
    }
  }

  async function run(): Promise<void> {
    if (!kind || !source || !preview) return;
    const importId = crypto.randomUUID();
    setRunning(importId);
    setProgress(null);
    setError(null);
    try {
      const result = await api.invoke('libraries.import', {
        kind,
        importId,
        source,
        mapping: mappingOf(preview, targets),
      });
      if (result.written) await queryClient.invalidateQueries({ queryKey: [kind] });
      showReport(result);
    } catch (e) {
      setError(errorNotice(e));
    } finally {
      setRunning(null);
    }
  }

  if (report && report.kind === kind) {
    return (
      <Dialog title={t.reportTitle} open onClose={close}>
        <div className="line-report" data-testid="library-report">
          {report.written ? <p role="status">{t.written(report.added, report.updated)}</p> : null}
          {!report.written && report.cancelled ? <p role="status">{t.cancelled}</p> : null}
          {!report.written && !report.cancelled ? (
            <p role="alert" className="error">
              {t.notWritten(report.errorCount)}
            </p>
          ) : null}
          {report.errors.length > 0 ? <ProblemTable problems={report.errors} /> : null}
          {report.warnings.length > 0 ? <ProblemTable problems={report.warnings} /> : null}
          <p className="dialog-actions">
            {report.errors.length + report.warnings.length > 0 ? (
              <button
                type="button"
                onClick={() =>
                  saveFile({ fileName: t.reportFile(kind), mimeType: 'text/csv', text: reportCsv(report, locale) })
                }
              >
                {t.exportReport}
              </button>
            ) : null}
            <button type="button" className="primary" onClick={close}>
              {t.close}
            </button>
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t.importTitle(kind)} open onClose={close}>
      <div className="lines-import">
        <p>
          <FileInput
            label={t.chooseFile}
            accept=".xlsx,.csv,.txt,.tsv"
            disabled={running !== null}
            onFile={(file) =>
              void fileToBase64(file).then((contentBase64) =>
                read({ kind: 'file', fileName: file.name.slice(0, 255), contentBase64 }),
              )
            }
          />
        </p>
        <FailureLine error={error} className="error" />
        {preview && source ? (
          <>
            <SheetOptions preview={preview} labels={t} onRead={(options) => void read(source, options)} />
            <MappingTable preview={preview} targets={targets} onChange={setTargets} />
          </>
        ) : null}
        {running ? (
          <p role="status" aria-live="polite" className="import-progress">
            <progress
              aria-label={progressText(t, progress)}
              max={progress?.total || 1}
              value={progress?.phase === 'check' ? progress.done : progress?.phase === 'write' ? progress.total : 0}
            />{' '}
            {progressText(t, progress)}
          </p>
        ) : null}
        <p className="dialog-actions">
          {running ? (
            <button
              type="button"
              onClick={() => void api.invoke('libraries.cancelImport', { importId: running }).catch(() => undefined)}
            >
              {t.stop}
            </button>
          ) : (
            <button type="button" className="primary" disabled={!preview} onClick={() => void run()}>
              {t.doImport}
            </button>
          )}
          <button type="button" onClick={close}>
            {t.cancel}
          </button>
        </p>
      </div>
    </Dialog>
  );
}
