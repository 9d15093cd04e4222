import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { useAdminT } from '../../i18n/use-admin-t';
import { RecoveryScreen } from '../recovery/recovery-screen';
import { SettingsDialog } from '../settings/settings-dialog';
import { adminKeys } from '../settings/settings-store';
import { useMenuActions } from '../settings/use-menu-actions';
import { SetupScreen } from './setup-screen';
import './admin.css';

function AdminLayer() {
  useMenuActions();
  return <SettingsDialog />;
}

/**
 * Decides what the window shows first: the recovery screen when the data could not be opened,
 * the first-run setup when there is no operator profile yet, and otherwise the desk (with a
 * banner in read-only mode). Settings and the menu's actions live beside the desk.
 */
export function DeskGate({ children }: { children: ReactNode }) {
  const t = useAdminT();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: adminKeys.status,
    queryFn: () => api.invoke('desk.status', {}),
    staleTime: Infinity,
    retry: 3,
  });
  const keyStatus = useQuery({
    queryKey: adminKeys.keys,
    queryFn: async () => ({ status: await api.invoke('keys.status', {}), list: await api.invoke('keys.list', {}) }),
    enabled: status.data?.needsSetup === true,
  });
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const locale = useUi((s) => s.locale);

  // The page's language is the UI's on every screen, the set-up and recovery ones too (they show instead of the
  // desk): screen readers voice the text by it, and the English quote face in styles.css applies by it.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // The language the user chose last time, before the first screen shows (the desk reads the rest of its place itself).
  useEffect(() => {
    void api.invoke('ui.getState', {}).then(
      (s) => useUi.getState().setLocale(s.locale),
      () => undefined,
    );
  }, []);

  if (status.isPending) return <p className="muted placeholder">…</p>;
  if (status.isError) {
    return (
      <main className="admin-screen">
        <p className="error-text" role="alert">
          {status.error.message}
        </p>
        <button type="button" onClick={() => void status.refetch()}>
          {t.retry}
        </button>
      </main>
    );
  }
  const desk = status.data;
  if (desk.mode === 'recovery' || recoveryOpen)
    return (
      <RecoveryScreen status={desk} {...(desk.mode === 'read-only' ? { onBack: () => setRecoveryOpen(false) } : {})} />
    );
  if (desk.needsSetup && desk.mode === 'normal') {
    if (keyStatus.isPending) return <p className="muted placeholder">…</p>;
    const key = keyStatus.data?.status;
    return (
      <SetupScreen
        needsPassphrase={key?.protection === 'passphrase' && !key.exists}
        onDone={() => void queryClient.invalidateQueries({ queryKey: adminKeys.status })}
      />
    );
  }
  return (
    <>
      {desk.mode === 'read-only' ? (
        <div className="read-only-banner" role="status">
          {t.readOnlyBanner}{' '}
          <button type="button" onClick={() => setRecoveryOpen(true)}>
            {t.recoveryOptions}
          </button>
        </div>
      ) : null}
      {children}
      <AdminLayer />
    </>
  );
}
