import { FailureLine } from '../../components/failure-line';
import { useBusyCall } from '../../components/busy-call';
import { useState, type FormEvent } from 'react';
import type { ArchiveImportResult } from '../../../shared/api';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useAdminT } from '../../i18n/use-admin-t';
import { useSettings } from '../settings/settings-store';
import { PathField } from '../settings/path-field';

/** Export of everything to one archive, and import of one made on another machine. */
export function ArchivePanel() {
  const t = useAdminT();
  const [exportPath, setExportPath] = useState('');
  const [nativeSave, setNativeSave] = useState(false);
  // An archive opened from the file manager arrives here to be imported; the broker confirms with the button.
  const offered = useSettings((s) => s.archiveOffered);
  const [importPath, setImportPath] = useState(offered ?? '');
  const [shownOffer, setShownOffer] = useState(offered);
  if (offered !== shownOffer) {
    setShownOffer(offered);
    if (offered) setImportPath(offered);
  }
  const [exported, setExported] = useState<string | null>(null);
  const [report, setReport] = useState<ArchiveImportResult | null>(null);
  const { busy, error, run } = useBusyCall();

  const exportAll = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      // A native save dialog has already asked before replacing a file; a typed path never replaces one.
      const result = await api.invoke('archive.export', { path: exportPath.trim(), overwrite: nativeSave });
      setExported(t.exportDone(result.counts.declarations, result.path));
    });
  };
  const importAll = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setReport(await api.invoke('archive.import', { path: importPath.trim() }));
      await queryClient.invalidateQueries();
    });
  };

  return (
    <div>
      <form noValidate onSubmit={exportAll} className="admin-subform">
        <h3>{t.exportAll}</h3>
        <p className="muted">{t.exportIntro}</p>
        <PathField
          id="settings-export-path"
          label={t.exportPath}
          purpose="archive-export"
          value={exportPath}
          onChange={setExportPath}
          onPicked={setNativeSave}
        />
        <button type="submit" disabled={busy || !exportPath.trim()}>
          {t.exportAll}
        </button>
        {exported ? <p role="status">{exported}</p> : null}
      </form>
      <form noValidate onSubmit={importAll} className="admin-subform">
        <h3>{t.importArchive}</h3>
        <PathField
          id="settings-import-path"
          label={t.importPath}
          purpose="archive-import"
          value={importPath}
          onChange={setImportPath}
        />
        <button type="submit" disabled={busy || !importPath.trim()}>
          {t.importArchive}
        </button>
        {report ? (
          <div role="status">
            <p>{t.importDone(report.declarations.added, report.declarations.skipped)}</p>
            {report.returnedToDraft.length > 0 ? <p>{t.returnedToDraft(report.returnedToDraft.join(', '))}</p> : null}
            {report.conflicts.length > 0 ? (
              <p className="error-text">{t.conflicts(report.conflicts.join(', '))}</p>
            ) : null}
          </div>
        ) : null}
      </form>
      <FailureLine error={error} />
    </div>
  );
}
