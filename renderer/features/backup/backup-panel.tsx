import { FailureLine } from '../../components/failure-line';
import { useBusyCall } from '../../components/busy-call';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupInfo } from '../../../shared/api';
import { api, failureLine } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { localSecond } from '../../i18n/local-time';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { useT } from '../../i18n/use-t';
import { reloadPage } from '../settings/reload-page';
import { adminKeys } from '../settings/settings-store';
import { ColumnHeads } from '../../components/column-heads';

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Backups: back up now, the list, restore one (after asking), and the daily backup with its retention. */
export function BackupPanel() {
  const t = useAdminT();
  const app = useT();
  const { notify } = useUi();
  const backups = useQuery({ queryKey: adminKeys.backups, queryFn: () => api.invoke('backup.list', {}) });
  const settings = useQuery({ queryKey: adminKeys.settings, queryFn: () => api.invoke('settings.get', {}) });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [retention, setRetention] = useState<string | null>(null);
  const [daily, setDaily] = useState<boolean | null>(null);
  const { busy, error, setError, run } = useBusyCall();
  const at = (b: BackupInfo) => localSecond(b.createdAt);
  const retentionValue = retention ?? String(settings.data?.backup.retention ?? '');
  const retentionBad = !/^\d+$/.test(retentionValue) || Number(retentionValue) < 1 || Number(retentionValue) > 365;

  const backupNow = () =>
    run(async () => {
      const info = await api.invoke('backup.now', {});
      notify({ kind: 'info', message: (l) => adminMessages[l].backupDone(info.name) });
      await queryClient.invalidateQueries({ queryKey: adminKeys.backups });
    });

  // Busy is cleared once the reload has begun, as after moving the data folder: the page is going away.
  const restore = (backup: BackupInfo) =>
    run(async () => {
      await api.invoke('backup.restore', { name: backup.name });
      notify({ kind: 'info', message: (l) => adminMessages[l].restoreDone });
      // Everything on the page belonged to the replaced database: start again from the restored one.
      reloadPage();
    });

  async function saveSettings(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (retentionBad) return;
    setError(null);
    try {
      queryClient.setQueryData(
        adminKeys.settings,
        await api.invoke('settings.update', {
          backup: { retention: Number(retentionValue), daily: daily ?? settings.data?.backup.daily ?? true },
        }),
      );
      setRetention(null);
      setDaily(null);
      notify({ kind: 'info', message: (l) => adminMessages[l].saved });
      await queryClient.invalidateQueries({ queryKey: adminKeys.backups });
    } catch (e) {
      setError(failureLine(e));
    }
  }

  return (
    <div>
      <div className="actions start">
        <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()}>
          {t.backupNow}
        </button>
        {settings.data ? <span className="muted">{settings.data.backupDir}</span> : null}
      </div>
      <table className="admin-table" aria-label={t.backups}>
        <ColumnHeads labels={[t.createdAt, t.kindHeader, t.size, app.actionsColumn]} />
        <tbody>
          {(backups.data ?? []).map((b) => (
            <tr key={b.name}>
              <th scope="row">{at(b)}</th>
              <td>{t.kind[b.kind] ?? b.kind}</td>
              <td>{size(b.sizeBytes)}</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`${t.restore} ${at(b)}`}
                  onClick={() => setConfirming(b)}
                >
                  {t.restore}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {backups.data?.length === 0 ? <p className="muted">{t.noBackups}</p> : null}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="restore-confirm-text">
          <p id="restore-confirm-text">{t.restoreConfirm(at(confirming))}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t.cancel}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirming)}>
              {t.restore}
            </button>
          </div>
        </div>
      ) : null}
      <form onSubmit={(e) => void saveSettings(e)} className="admin-subform" noValidate>
        <label className="check">
          <input
            type="checkbox"
            checked={daily ?? settings.data?.backup.daily ?? true}
            onChange={(e) => setDaily(e.target.checked)}
          />
          {t.dailyBackup}
        </label>
        <div className="field narrow">
          <label htmlFor="settings-retention">{t.retention}</label>
          <input
            id="settings-retention"
            inputMode="numeric"
            value={retentionValue}
            aria-invalid={retentionBad ? true : undefined}
            aria-describedby={retentionBad ? 'settings-retention-error' : undefined}
            onChange={(e) => setRetention(e.target.value)}
          />
          {retentionBad ? (
            <span id="settings-retention-error" className="error-text">
              {t.retentionProblem}
            </span>
          ) : null}
        </div>
        <button type="submit" disabled={retentionBad}>
          {t.save}
        </button>
      </form>
      <FailureLine error={error} />
    </div>
  );
}
