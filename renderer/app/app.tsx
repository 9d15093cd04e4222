import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api, ApiCallError, errorNotice } from '../api/client';
import { queryClient, useDeclaration, useMainEvents } from '../api/queries';
import { ListView } from '../features/declaration-list/list-view';
import { useListState } from '../features/declaration-list/list-store';
import { Editor } from '../features/editor/editor';
import { HelpOverlay } from '../features/editor/help-overlay';
import { actionFor } from '../features/editor/keymap';
import { recallPlace, rememberPlace } from '../features/editor/place-memory';
import { PassphraseDialog } from '../features/keys/passphrase-dialog';
import { ConnectDialog } from '../features/sync/connect-dialog';
import { SyncBar } from '../features/sync/sync-bar';
import { DeskGate } from '../features/setup/desk-gate';
import { SettingsButton } from '../features/settings/settings-dialog';
import { OperatorSwitch } from '../features/review/operator-switch';
import { ReviewQueueDialog, useReviewQueueUi } from '../features/review/review-queue';
import { ErrorBoundary } from '../components/error-boundary';
import { switchLocale } from '../features/setup/language-switch';
import { useT } from '../i18n/use-t';
import { Notices } from './notices';
import { TemplateMenu } from './template-menu';
import { ExtractScreen } from '../features/extract/extract-screen';
import { ExtractUndoBar } from '../features/extract/undo-bar';
import { InterchangeDialogs } from '../features/interchange/interchange-dialogs';
import { InterchangeMenu } from '../features/interchange/interchange-menu';
import { LibrariesButton, LibraryDialogs } from '../features/libraries/libraries-dialog';
import { useLibraryUi } from '../features/libraries/library-store';
import { useUi } from '../state/ui-store';

/** Where the app was when it was last closed (or crashed): read once from main at start. */
function useRestorePlace(): { ready: boolean; field: { id: string; path: string } | null } {
  const [state, setState] = useState<{ ready: boolean; field: { id: string; path: string } | null }>({
    ready: false,
    field: null,
  });
  useEffect(() => {
    api
      .invoke('ui.getState', {})
      .then((saved) => {
        const ui = useUi.getState();
        ui.setLocale(saved.locale);
        useListState.setState({ columns: saved.listColumns, pageSize: saved.listPageSize });
        ui.setPrefs({ confirmDeclare: saved.confirmDeclare, computeLines: saved.computeLines });
        // The local copy is written on every focus change, main's a moment later: the local one wins for the same
        // declaration.
        const local = recallPlace();
        const field = local && local.declarationId === saved.declarationId ? local.field : saved.field;
        if (saved.view === 'editor' && saved.declarationId) ui.select(saved.declarationId);
        setState({
          ready: true,
          field: saved.declarationId && field ? { id: saved.declarationId, path: field } : null,
        });
      })
      .catch(() => setState({ ready: true, field: null }));
  }, []);
  return state;
}

function Shell() {
  useMainEvents();
  const t = useT();
  const { selectedId, view, select, setView, notify, setHelpOpen } = useUi();
  const record = useDeclaration(view === 'editor' ? selectedId : null);
  const restore = useRestorePlace();

  // The list is a place too: reopening after leaving the editor shows the list.
  useEffect(() => {
    if (!restore.ready || view !== 'list') return;
    rememberPlace(null);
    void api.invoke('ui.setState', { view }).catch(() => undefined);
  }, [view, restore.ready]);

  // A declaration that no longer exists (deleted elsewhere) sends the user back to the list.
  useEffect(() => {
    if (record.error instanceof ApiCallError && record.error.code === 'NOT_FOUND') select(null);
  }, [record.error, select]);

  async function create(ieFlag: 'I' | 'E'): Promise<void> {
    try {
      // A lost answer (the connection broke) is asked again once with the same request id: main answers with
      // the draft it made then, never a second one.
      const input = { ieFlag, requestId: crypto.randomUUID() };
      const created = await api
        .invoke('declarations.create', input)
        .catch((e: unknown) =>
          e instanceof ApiCallError ? Promise.reject(e) : api.invoke('declarations.create', input),
        );
      queryClient.setQueryData(['declaration', created.id], created);
      await queryClient.invalidateQueries({ queryKey: ['declarations'] });
      select(created.id);
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = actionFor(event, 'app');
      const handled = {
        'new-import': () => void create('I'),
        'new-export': () => void create('E'),
        'new-from-template': () => useLibraryUi.getState().setTemplatePicker(true),
        libraries: () => useLibraryUi.getState().openTab('parties'),
        'to-list': () => {
          setView('list');
          useListState.getState().requestFocus(true);
        },
        'review-queue': () => useReviewQueueUi.getState().setOpen(true),
        'switch-language': switchLocale,
        help: () => setHelpOpen(true),
      }[action as string];
      if (!handled) return;
      event.preventDefault();
      handled();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const initialField = restore.field && restore.field.id === selectedId ? restore.field.path : null;
  const showEditor = view === 'editor' && record.data && restore.ready;
  // The workspace is one scrolling box for every declaration and the list: a declaration started from a template
  // while the last one was scrolled down to 价格说明 opened scrolled down too, its number, status and 境内收发货人's
  // heading above the window, as if it were still the last one. Each declaration, and the list, starts at the top
  // (before the editor focuses its field, which scrolls to a field further down when it must).
  const workspace = useRef<HTMLElement>(null);
  const shown = showEditor ? record.data?.id : view;
  useLayoutEffect(() => {
    workspace.current?.scrollTo?.(0, 0);
  }, [shown]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t.appTitle}</h1>
        <button type="button" className="primary" aria-keyshortcuts="Alt+N" onClick={() => void create('I')}>
          {t.newImport}
        </button>
        <button type="button" aria-keyshortcuts="Alt+Shift+N" onClick={() => void create('E')}>
          {t.newExport}
        </button>
        <TemplateMenu />
        <LibrariesButton />
        <InterchangeMenu />
        <button type="button" aria-keyshortcuts="Alt+L" aria-pressed={view === 'list'} onClick={() => setView('list')}>
          {t.toList}
        </button>
        <SyncBar />
        <OperatorSwitch />
        <SettingsButton />
        <button type="button" aria-keyshortcuts="Alt+Shift+L" onClick={switchLocale}>
          {t.language}
        </button>
        <button type="button" aria-keyshortcuts="F1" onClick={() => setHelpOpen(true)}>
          ?
        </button>
      </header>
      {/* A row of its own between the bar and the workspace: floating over the form, it hid 毛重 and 净重. */}
      <ExtractUndoBar />
      <main className="workspace" ref={workspace}>
        {showEditor && record.data ? (
          <ErrorBoundary
            key={record.data.id}
            fallback={(error, retry) => (
              <div className="placeholder" role="alert">
                <p className="error-text">{error.message}</p>
                <button type="button" onClick={retry}>
                  {t.retry}
                </button>
              </div>
            )}
          >
            <Editor record={record.data} initialField={initialField} />
          </ErrorBoundary>
        ) : null}
        {view === 'list' ? <ListView /> : null}
        {view === 'editor' && !record.data && !record.isPending ? (
          <p className="muted placeholder">{t.noSelection}</p>
        ) : null}
      </main>
      <Notices />
      <ConnectDialog />
      <PassphraseDialog />
      <HelpOverlay />
      <InterchangeDialogs />
      <ExtractScreen />
      <LibraryDialogs />
      <ReviewQueueDialog />
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* First run, recovery and read-only screens, Settings and the menu's actions. */}
      <DeskGate>
        <Shell />
      </DeskGate>
    </QueryClientProvider>
  );
}
