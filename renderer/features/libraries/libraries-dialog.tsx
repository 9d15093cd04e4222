import { useEffect } from 'react';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { DefaultsPanel } from './defaults-panel';
import { LibraryImportDialog } from './library-import-dialog';
import type { LibraryTab } from './library-store';
import { useLibraryUi } from './library-store';
import { useLibraryT } from './messages';
import { PartyPanel } from './party-panel';
import { ProductPanel } from './product-panel';
import { TemplatePanel } from './template-panel';
import { TemplatePicker } from './template-picker';

const tabs: readonly LibraryTab[] = ['parties', 'products', 'templates', 'defaults'];

/** Alt+K: the party and product libraries, the templates and the operator's defaults, in tabs. */
function LibrariesDialog() {
  const t = useLibraryT();
  const tab = useLibraryUi((s) => s.tab);
  const importing = useLibraryUi((s) => s.importing);
  const openTab = useLibraryUi((s) => s.openTab);
  // The import dialog takes the screen while it is open (one modal at a time).
  if (!tab || importing) return null;
  const names: Record<LibraryTab, string> = {
    parties: t.tabParties,
    products: t.tabProducts,
    templates: t.tabTemplates,
    defaults: t.tabDefaults,
  };
  return (
    <Dialog title={t.title} open onClose={() => openTab(null)}>
      <div className="libraries">
        <div role="tablist" aria-label={t.title}>
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`library-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`library-panel-${id}`}
              onClick={() => openTab(id)}
            >
              {names[id]}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`library-panel-${tab}`} aria-labelledby={`library-tab-${tab}`}>
          {tab === 'parties' ? <PartyPanel /> : null}
          {tab === 'products' ? <ProductPanel /> : null}
          {tab === 'templates' ? <TemplatePanel /> : null}
          {tab === 'defaults' ? <DefaultsPanel /> : null}
        </div>
        <div className="actions">
          <button type="button" onClick={() => openTab(null)}>
            {t.close}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Keeps the libraries' cached data fresh when main changes them (an import, learning from a release). */
function useLibraryEvents(): void {
  useEffect(
    () => api.on('libraries.changed', ({ kind }) => void queryClient.invalidateQueries({ queryKey: [kind] })),
    [],
  );
}

/** The libraries' screens, mounted once beside the app's other dialogs. */
export function LibraryDialogs() {
  useLibraryEvents();
  return (
    <>
      <LibrariesDialog />
      <LibraryImportDialog />
      <TemplatePicker />
    </>
  );
}

/** The top bar's button to the libraries. */
export function LibrariesButton() {
  const t = useLibraryT();
  const openTab = useLibraryUi((s) => s.openTab);
  return (
    <button type="button" aria-keyshortcuts="Alt+K" onClick={() => openTab('parties')}>
      {t.open}
    </button>
  );
}
