import { FailureLine, useFailureState } from '../../components/failure-line';
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { api, failureLine } from '../../api/client';
import { ColumnHeads } from '../../components/column-heads';
import { FileInput } from '../../components/file-input';
import { invalidateCodeTables } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { reasonText } from '../../i18n/reasons';
import { useT } from '../../i18n/use-t';
import { fileToBase64 } from '../interchange/files';
import type { CodeTablesMessages } from './messages';
import { codeTablesMessages, useCodeTablesT } from './messages';
import { useCodeTables } from '../../api/code-tables';
import { localMinute } from '../../i18n/local-time';

type Summary = MethodOutput<'codes.tables'>[number];
type Preview = MethodOutput<'codes.previewImport'>;
type Problem = Preview['problems'][number];

function originText(t: CodeTablesMessages, s: Summary): string {
  if (s.origin === 'builtin') return t.builtin;
  if (s.origin === 'import') return t.importedOrigin;
  if (s.origin === 'hub') return t.hub;
  return t.none;
}

/** A table's name in a language (its id when the list does not hold it). */
function tableName(s: Summary | undefined, id: string, locale: Locale): string {
  return s ? (locale === 'en' ? s.en : s.zh) : id;
}

/** The data's date, else the day an imported or received table was installed. */
function dateText(s: Summary): string {
  return s.asOf || localMinute(s.updatedAt ?? '').slice(0, 10);
}

/** A file's problem in the UI language; the row's reasons name their line themselves (第 3 行：…). */
export function problemText(t: CodeTablesMessages, locale: Locale, p: Problem): string {
  return (
    reasonText(locale, `codetables.row.${p.code}`, { ...p.params, line: p.line }) ?? `${t.line(p.line)}: ${p.message}`
  );
}

/** 设置 → 代码表: every table with its version, rows, origin, date and completeness; imports with a preview. */
export function CodeTablesPanel() {
  const t = useCodeTablesT();
  const app = useT();
  const { locale, notify } = useUi();
  const tables = useCodeTables();
  const [target, setTarget] = useState('customs-districts');
  const [whole, setWhole] = useState(true);
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useFailureState();
  const list = tables.data ?? [];
  // What a file gave (its preview or its refusal) is brought into view: it appears below the form, past the
  // panel's fold when the window is short.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (preview || error) outcome.current?.scrollIntoView?.({ block: 'nearest' });
  }, [preview, error]);
  const nameOf = (id: string) =>
    tableName(
      list.find((x) => x.id === id),
      id,
      locale,
    );

  async function read(table: string, chosen: File): Promise<void> {
    setError(null);
    setPreview(null);
    setBusy(t.reading);
    try {
      const next = { fileName: chosen.name.slice(0, 255), content: await fileToBase64(chosen) };
      setFile(next);
      setPreview(await api.invoke('codes.previewImport', { table, ...next, encoding: 'base64' }));
    } catch (e) {
      setError(failureLine(e));
    } finally {
      setBusy(null);
    }
  }

  async function commit(): Promise<void> {
    if (!file || !preview) return;
    setBusy(t.importing);
    try {
      const result = await api.invoke('codes.import', {
        table: preview.table,
        ...file,
        encoding: 'base64',
        complete: whole,
      });
      const summary = list.find((x) => x.id === result.table);
      notify({
        kind: 'info',
        message: (l) => {
          const name = tableName(summary, result.table, l);
          const words = codeTablesMessages[l];
          return result.changed ? words.imported(name, result.rowCount, result.diff) : words.unchanged(name);
        },
      });
      setPreview(null);
      setFile(null);
      invalidateCodeTables();
    } catch (e) {
      setError(failureLine(e));
    } finally {
      setBusy(null);
    }
  }

  async function restore(table: string): Promise<void> {
    try {
      await api.invoke('codes.remove', { table });
      const summary = list.find((x) => x.id === table);
      notify({ kind: 'info', message: (l) => codeTablesMessages[l].restored(tableName(summary, table, l)) });
      invalidateCodeTables();
    } catch (e) {
      setError(failureLine(e));
    }
  }

  /** An imported table that replaced a built-in one can give way to it again. */
  const restoreButton = (s: Summary) =>
    s.origin === 'import' && s.builtinVersion ? (
      <button type="button" aria-label={t.restoreLabel(nameOf(s.id))} onClick={() => void restore(s.id)}>
        {t.restore}
      </button>
    ) : null;

  return (
    <div className="code-tables-panel">
      <p className="muted">{t.intro}</p>
      <div className="code-tables-list">
        <table className="admin-table">
          <ColumnHeads labels={[t.table, t.version, t.rows, t.origin, t.date, t.complete, app.actionsColumn]} />
          <tbody>
            {list.map((s) => (
              <tr key={s.id} data-table={s.id}>
                <th scope="row">{locale === 'en' ? s.en : s.zh}</th>
                <td className="mono">{s.version ?? '—'}</td>
                <td className="num">{s.rowCount.toLocaleString(locale)}</td>
                <td className="origin">
                  {originText(t, s)}
                  {s.source ? <span className="source">{s.source}</span> : null}
                </td>
                <td className="date">{dateText(s) || '—'}</td>
                <td>{s.origin === null ? '—' : s.complete ? t.yes : t.partial}</td>
                <td className="action">{restoreButton(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t.importTitle}</h3>
      <div className="admin-subform">
        <label className="field">
          <span>{t.importInto}</span>{' '}
          <select
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              setPreview(null);
              setFile(null);
            }}
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {locale === 'en' ? s.en : s.zh}
              </option>
            ))}
          </select>
        </label>
        <FileInput
          className="field"
          label={t.chooseFile}
          accept=".csv,.xlsx,.txt"
          disabled={busy !== null}
          onFile={(chosen) => void read(target, chosen)}
        />
        <label className="field">
          <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} /> {t.wholeTable}
        </label>
      </div>
      <div ref={outcome}>
        {busy ? <p role="status">{busy}</p> : null}
        <FailureLine error={error} className="error" />
        {preview ? <PreviewView t={t} locale={locale} preview={preview} /> : null}
        {preview ? (
          <p className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== null || preview.problemCount > 0}
              onClick={() => void commit()}
            >
              {t.doImport}
            </button>
            <button type="button" onClick={() => (setPreview(null), setFile(null))}>
              {t.cancel}
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}

function PreviewView({ t, locale, preview }: { t: CodeTablesMessages; locale: Locale; preview: Preview }) {
  const nameKey = locale === 'en' ? 'name_en' : 'name_zh';
  return (
    <section aria-label={preview.fileName} className="code-import-preview">
      <p>
        <strong>{t.previewOf(preview.fileName, preview.rowCount)}</strong>
      </p>
      <p className="muted">
        {t.columns}
        <span className="mono">{preview.columns.join(', ')}</span>
      </p>
      <p>{t.current(preview.current.version, preview.current.rowCount)}</p>
      <p>{t.diff(preview.diff)}</p>
      {preview.problemCount > 0 ? (
        <div role="alert" className="error">
          <p>{t.problems(preview.problemCount)}</p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>{problemText(t, locale, p)}</li>
            ))}
          </ul>
          {preview.problemCount > preview.problems.length ? (
            <p>{t.moreProblems(preview.problemCount - preview.problems.length)}</p>
          ) : null}
        </div>
      ) : (
        <table className="admin-table">
          <caption>{t.sample}</caption>
          <ColumnHeads labels={[t.code, t.name]} />
          <tbody>
            {preview.sample.map((row) => (
              <tr key={row.code}>
                <td className="mono">{row.code}</td>
                <td>{row[nameKey] || row.name_zh || row.name_en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
