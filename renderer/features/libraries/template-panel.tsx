import { ColumnHeads } from '../../components/column-heads';
import { FailureLine, useFailureState } from '../../components/failure-line';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TemplateSummary } from '../../../shared/api';
import { templatePartLabels } from '../../../shared/libraries';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { chooseFile, fileToBase64, saveFile } from '../interchange/files';
import { useLibraryUi } from './library-store';
import { libraryMessages, useLibraryT } from './messages';
import { startFromTemplate } from './template-picker';
import { listWords } from '../../i18n/list-words';

/** One template's row: start from it, rename it in place, delete it, select it for export. */
function TemplateRow({
  item,
  selected,
  onSelect,
}: {
  item: TemplateSummary;
  selected: boolean;
  onSelect(on: boolean): void;
}) {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const notify = useUi((s) => s.notify);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useFailureState();

  async function rename(): Promise<void> {
    if (name === null) return;
    try {
      await api.invoke('templates.rename', { id: item.id, name });
      setName(null);
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  async function remove(): Promise<void> {
    if (!window.confirm(t.confirmRemove(item.name))) return;
    await api.invoke('templates.delete', { id: item.id });
    notify({ kind: 'info', message: (l) => libraryMessages[l].removed(1) });
    await queryClient.invalidateQueries({ queryKey: ['templates'] });
  }

  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={t.selectTemplate(item.name)}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
      </td>
      <td>
        {name === null ? (
          item.name
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void rename();
            }}
          >
            <input
              aria-label={`${t.templateName} ${item.name}`}
              value={name}
              maxLength={60}
              autoFocus
              onChange={(e) => setName(e.target.value)}
            />
            {error ? (
              <span role="alert" className="field-message">
                {error(locale)}
              </span>
            ) : null}
          </form>
        )}
      </td>
      <td>{item.ieFlag === 'I' ? messages[locale].import : messages[locale].export}</td>
      <td>
        {listWords(
          item.parts.map((p) => templatePartLabels[p][locale === 'en' ? 'en' : 'zh']),
          locale,
        )}
      </td>
      <td>
        <button
          type="button"
          className="link"
          aria-label={`${t.start} ${item.name}`}
          onClick={() => void startFromTemplate(item.id).then(() => useLibraryUi.getState().openTab(null))}
        >
          {t.start}
        </button>{' '}
        {name === null ? (
          <button
            type="button"
            className="link"
            aria-label={`${t.rename} ${item.name}`}
            onClick={() => setName(item.name)}
          >
            {t.rename}
          </button>
        ) : (
          <button type="button" className="link" onClick={() => void rename()}>
            {t.save}
          </button>
        )}{' '}
        <button type="button" className="link" aria-label={`${t.remove} ${item.name}`} onClick={() => void remove()}>
          {t.remove}
        </button>
      </td>
    </tr>
  );
}

/** 模板: find by name or pinyin initials, start, rename, delete, export (chosen or all) and import as files. */
export function TemplatePanel() {
  const t = useLibraryT();
  // The column is named as the declaration list names it: one word for one thing on every screen.
  const app = useT();
  const notify = useUi((s) => s.notify);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [replace, setReplace] = useState(false);
  const [error, setError] = useFailureState();
  const list = useQuery({
    queryKey: ['templates', query],
    queryFn: () => api.invoke('templates.list', { query }),
    placeholderData: keepPreviousData,
  });

  async function exportFile(ids?: string[]): Promise<void> {
    try {
      saveFile(await api.invoke('templates.export', ids ? { ids } : {}));
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  async function importFile(): Promise<void> {
    const file = await chooseFile('.json,application/json');
    if (!file) return;
    try {
      const result = await api.invoke('templates.import', {
        fileName: file.name.slice(0, 255),
        contentBase64: await fileToBase64(file),
        replace,
      });
      setError(null);
      notify({ kind: 'info', message: (l) => libraryMessages[l].templatesImported(result.imported, result.replaced) });
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  const items = list.data ?? [];
  return (
    <section className="library-panel" aria-label={t.tabTemplates}>
      <div className="library-toolbar">
        <label>
          {t.search}{' '}
          <input
            type="search"
            placeholder={t.searchTemplates}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <button type="button" disabled={selected.size === 0} onClick={() => void exportFile([...selected])}>
          {t.exportSelected}
        </button>
        <button type="button" disabled={items.length === 0} onClick={() => void exportFile()}>
          {t.exportAll}
        </button>
        <button type="button" onClick={() => void importFile()}>
          {t.importTemplates}
        </button>
        <label className="inline">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {t.replaceExisting}
        </label>
      </div>
      <FailureLine error={error} />
      <table className="library-table">
        <ColumnHeads labels={[t.selectColumn, t.templateName, app.ieFlag, t.parts, app.actionsColumn]} />
        <tbody>
          {items.map((item) => (
            <TemplateRow
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
            />
          ))}
        </tbody>
      </table>
      {items.length === 0 ? <p className="muted">{t.noTemplates}</p> : null}
    </section>
  );
}
