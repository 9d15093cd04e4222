import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, errorNotice } from '../api/client';
import { queryClient } from '../api/queries';
import { useT } from '../i18n/use-t';
import { useLibraryUi } from '../features/libraries/library-store';
import { libraryMessages } from '../features/libraries/messages';
import { useUi } from '../state/ui-store';

/** 用模板新建: the saved templates; choosing one starts a new declaration from it. */
export function TemplateMenu() {
  const t = useT();
  const select = useUi((s) => s.select);
  const notify = useUi((s) => s.notify);
  const locale = useUi((s) => s.locale);
  const menu = useRef<HTMLDetailsElement>(null);
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api.invoke('templates.list', {}) });
  const items = templates.data ?? [];

  async function start(id: string): Promise<void> {
    if (menu.current) menu.current.open = false;
    try {
      const created = await api.invoke('declarations.createFromTemplate', { templateId: id });
      queryClient.setQueryData(['declaration', created.id], created);
      await queryClient.invalidateQueries({ queryKey: ['declarations'] });
      select(created.id);
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  async function remove(id: string): Promise<void> {
    await api.invoke('templates.delete', { id }).catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: ['templates'] });
  }

  return (
    <details className="dropdown template-menu" ref={menu}>
      <summary>{t.newFromTemplate}</summary>
      <ul>
        <li>
          <button
            type="button"
            aria-keyshortcuts="Alt+T"
            onClick={() => {
              if (menu.current) menu.current.open = false;
              useLibraryUi.getState().setTemplatePicker(true);
            }}
          >
            {libraryMessages[locale].findTemplate}
          </button>
        </li>
        {items.length === 0 ? <li className="muted">{t.noTemplates}</li> : null}
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" onClick={() => void start(item.id)}>
              {item.name} <span className="muted">{item.ieFlag === 'I' ? t.import : t.export}</span>
            </button>
            <button
              type="button"
              className="link"
              aria-label={`${t.deleteTemplate} ${item.name}`}
              onClick={() => void remove(item.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
