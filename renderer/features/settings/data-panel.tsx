import { FailureLine, SaidDetail } from '../../components/failure-line';
import { useBusyCall } from '../../components/busy-call';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ReasonMessage } from '../../../shared/api';
import { api } from '../../api/client';
import { useAdminT } from '../../i18n/use-admin-t';
import { ArchivePanel } from '../backup/archive-panel';
import { PathField } from './path-field';
import { reloadPage } from './reload-page';
import { adminKeys } from './settings-store';
import { useMessageText } from '../../i18n/use-message-text';

/** Where the data is (and moving it), and the archive export/import. */
export function DataPanel() {
  const t = useAdminT();
  const said = useMessageText();
  const settings = useQuery({ queryKey: adminKeys.settings, queryFn: () => api.invoke('settings.get', {}) });
  const [folder, setFolder] = useState('');
  const [copy, setCopy] = useState(true);
  // Kept as main said it, so that it is worded again when the language changes and keeps its 详情.
  const [note, setNote] = useState<ReasonMessage | null>(null);
  const { busy, error, run } = useBusyCall();

  function move(event: FormEvent): Promise<void> {
    event.preventDefault();
    return run(async () => {
      const result = await api.invoke('desk.chooseFolder', { path: folder.trim(), copyData: copy });
      if (result.note) setNote(result.note);
      else reloadPage();
    });
  }

  return (
    <div>
      <dl className="admin-paths">
        <dt>{t.dataFolder}</dt>
        <dd>{settings.data?.dataDir}</dd>
        <dt>{t.backupFolder}</dt>
        <dd>{settings.data?.backupDir}</dd>
        <dt>{t.logFolder}</dt>
        <dd>{settings.data?.logDir}</dd>
      </dl>
      {note ? (
        <div role="status" className="confirm">
          <p>{said(note)}</p>
          <SaidDetail said={note} />
          <button type="button" className="primary" onClick={() => reloadPage()}>
            {t.continue}
          </button>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void move(e)} className="admin-subform">
          <h3>{t.changeFolder}</h3>
          <PathField
            id="settings-data-folder"
            label={t.folderPath}
            purpose="data-folder"
            value={folder}
            onChange={setFolder}
          />
          <label className="check">
            <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} />
            {t.copyData}
          </label>
          <button type="submit" disabled={busy || !folder.trim()}>
            {t.use}
          </button>
        </form>
      )}
      <FailureLine error={error} />
      <ArchivePanel />
    </div>
  );
}
