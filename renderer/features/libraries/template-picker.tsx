import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TemplateSummary } from '../../../shared/api';
import { templatePartLabels } from '../../../shared/libraries';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useLibraryUi } from './library-store';
import { useLibraryT } from './messages';
import { SearchPicker } from './search-picker';

/** Starts a new declaration from a template, on every screen. */
export async function startFromTemplate(id: string): Promise<void> {
  const ui = useUi.getState();
  try {
    const created = await api.invoke('declarations.createFromTemplate', { templateId: id });
    queryClient.setQueryData(['declaration', created.id], created);
    await queryClient.invalidateQueries({ queryKey: ['declarations'] });
    ui.select(created.id);
  } catch (e) {
    ui.notify({ kind: 'error', message: errorNotice(e) });
  }
}

/** Alt+T: the templates by name or pinyin initials; Enter starts a new declaration from the one chosen. */
export function TemplatePicker() {
  const t = useLibraryT();
  const locale = useUi((s) => s.locale);
  const open = useLibraryUi((s) => s.templatePicker);
  const setOpen = useLibraryUi((s) => s.setTemplatePicker);
  const [query, setQuery] = useState('');
  const templates = useQuery({
    queryKey: ['templates', query],
    queryFn: () => api.invoke('templates.list', { query }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  if (!open) return null;
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const parts = (item: TemplateSummary) =>
    item.parts.map((p) => templatePartLabels[p][locale === 'en' ? 'en' : 'zh']).join(' · ');
  return (
    <SearchPicker
      title={t.pickTemplate}
      searchLabel={t.templateName}
      hint={t.pickTemplateHint}
      // Templates there may be, but none by this name: "no templates, save one" would send the broker off to make one.
      empty={query.trim() === '' ? t.noTemplates : t.noTemplateMatches(query.trim())}
      closeLabel={t.close}
      query={query}
      onQuery={setQuery}
      items={templates.data ?? []}
      itemKey={(item) => item.id}
      renderItem={(item) => (
        <>
          <span className="name">{item.name}</span>{' '}
          <span className="muted">{`${item.ieFlag === 'I' ? (locale === 'en' ? 'Import' : '进口') : locale === 'en' ? 'Export' : '出口'} · ${parts(item)}`}</span>
        </>
      )}
      onPick={(item) => {
        close();
        void startFromTemplate(item.id);
      }}
      onClose={close}
    />
  );
}
