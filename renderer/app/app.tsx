import { QueryClientProvider } from '@tanstack/react-query';
import { api, ApiCallError } from '../api/client';
import { queryClient, useDeclaration, useMainEvents } from '../api/queries';
import { DeclarationList } from '../features/declarations/declaration-list';
import { Editor } from '../features/declarations/editor';
import { PassphraseDialog } from '../features/keys/passphrase-dialog';
import { ConnectDialog } from '../features/sync/connect-dialog';
import { SyncBar } from '../features/sync/sync-bar';
import { useT } from '../i18n/use-t';
import { Notices } from './notices';
import { useUi } from './ui-store';

function Shell() {
  useMainEvents();
  const t = useT();
  const { selectedId, select, locale, setLocale, notify } = useUi();
  const record = useDeclaration(selectedId);

  async function create(ieFlag: 'I' | 'E'): Promise<void> {
    try {
      const created = await api.invoke('declarations.create', { ieFlag });
      await queryClient.invalidateQueries({ queryKey: ['declarations'] });
      select(created.id);
    } catch (e) {
      notify({ kind: 'error', message: e instanceof ApiCallError ? e.message : String(e) });
    }
  }

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t.appTitle}</h1>
        <button type="button" className="primary" onClick={() => void create('I')}>
          {t.newImport}
        </button>
        <button type="button" onClick={() => void create('E')}>
          {t.newExport}
        </button>
        <SyncBar />
        <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t.language}
        </button>
      </header>
      <main className="workspace">
        <DeclarationList />
        {record.data ? <Editor key={record.data.id} record={record.data} /> : <p className="muted placeholder">{t.noSelection}</p>}
      </main>
      <Notices />
      <ConnectDialog />
      <PassphraseDialog />
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}
