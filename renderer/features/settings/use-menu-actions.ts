import { useEffect } from 'react';
import type { MenuAction } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { copyDiagnostics } from './copy-diagnostics';
import { useSettings } from './settings-store';

/**
 * Actions the page already has a key for are replayed as that key (renderer/features/editor/keymap.ts),
 * so the menu and the keyboard run the same code; the Electron menu shows the same keys.
 */
const replayedKeys: Partial<Record<MenuAction, KeyboardEventInit>> = {
  'new-import': { key: 'n', code: 'KeyN', altKey: true },
  'new-export': { key: 'N', code: 'KeyN', altKey: true, shiftKey: true },
  'new-from-template': { key: 't', code: 'KeyT', altKey: true },
  libraries: { key: 'k', code: 'KeyK', altKey: true },
  'to-list': { key: 'l', code: 'KeyL', altKey: true },
  'switch-language': { key: 'L', code: 'KeyL', altKey: true, shiftKey: true },
  help: { key: 'F1', code: 'F1' },
};

/**
 * Performs the Electron menu's actions (the `menu` event) and offers an archive opened from the file manager
 * for import (`archive.open`), and Ctrl+, for Settings everywhere.
 */
export function useMenuActions(): void {
  const t = useAdminT();
  const notify = useUi((s) => s.notify);
  const openAt = useSettings((s) => s.openAt);
  const offerArchive = useSettings((s) => s.offerArchive);
  useEffect(() => {
    const perform = (action: MenuAction) => {
      const key = replayedKeys[action];
      if (key) {
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }),
        );
        return;
      }
      switch (action) {
        case 'settings':
          openAt('profiles');
          return;
        case 'restore-backup':
          openAt('backup');
          return;
        case 'export-archive':
        case 'import-archive':
          openAt('data');
          return;
        case 'backup-now':
          void api.invoke('backup.now', {}).then(
            (info) => notify({ kind: 'info', message: (l) => adminMessages[l].backupDone(info.name) }),
            (e: unknown) => notify({ kind: 'error', message: errorNotice(e) }),
          );
          return;
        case 'sync-now':
          void api.invoke('sync.now', {}).then(
            (s) => queryClient.setQueryData(keys.sync, s),
            () => undefined,
          );
          return;
        case 'copy-diagnostics':
          void copyDiagnostics().then((r) =>
            r.copied ? notify({ kind: 'info', message: (l) => adminMessages[l].diagnosticsCopied }) : openAt('general'),
          );
          return;
        default:
          return;
      }
    };
    const off = api.on('menu', ({ action }) => perform(action));
    const offArchive = api.on('archive.open', ({ path }) => offerArchive(path));
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.key !== ',') return;
      event.preventDefault();
      openAt();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      offArchive();
      window.removeEventListener('keydown', onKey);
    };
  }, [t, notify, openAt, offerArchive]);
}
