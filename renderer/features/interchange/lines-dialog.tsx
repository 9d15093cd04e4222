import { FailureLine } from '../../components/failure-line';
import { refusalNotice, useBusyCall } from '../../components/busy-call';
import { useEffect, useState } from 'react';
import type { LineSource, MethodOutput } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { queryClient, useDeclaration } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { fileToBase64 } from './files';
import { useInterchange } from './interchange-store';
import { MappingTable, mappingOf, SheetOptions } from './mapping-table';
import { useInterchangeT } from './messages';

type Preview = MethodOutput<'interchange.previewLines'>;
type Placement = 'append' | 'replace' | 'at' | 'split';

/**
 * 导入商品: the mapping step. A file (or cells pasted from Excel) is read, its columns shown with
 * their headers and first values and a target for each (from the customer's saved profile, or
 * guessed from the headers, always changeable); then every row is checked and imported, or
 * nothing is and the report says which rows failed and why.
 */
export function LinesDialog() {
  const t = useInterchangeT();
  const { dialog, declarationId, close, showReport } = useInterchange();
  const record = useDeclaration(dialog === 'lines' ? declarationId : null).data;
  const [source, setSource] = useState<{ source: LineSource; label: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [targets, setTargets] = useState<Map<number, string>>(new Map());
  const [placement, setPlacement] = useState<Placement>('append');
  const [atLine, setAtLine] = useState(1);
  const [saveProfile, setSaveProfile] = useState(false);
  const [customer, setCustomer] = useState('');
  const [profileName, setProfileName] = useState('');
  // A failure here is the reason alone: the fields it names are the sheet's, shown in the preview.
  const { busy, error, setError, run } = useBusyCall(errorNotice);
  // Which wait the busy line words: a large file is read, then imported, for some seconds each.
  const [importing, setImporting] = useState(false);
  // A new file input each time the dialog starts over: the old one would keep its file, and choosing that file
  // again would change nothing and read nothing.
  const [picker, setPicker] = useState(0);

  function reset(): void {
    setPicker((n) => n + 1);
    setSource(null);
    setPreview(null);
    setTargets(new Map());
    setError(null);
  }

  async function read(
    next: { source: LineSource; label: string },
    options: { sheet?: string; headerRow?: number } = {},
  ): Promise<void> {
    await run(
      async () => {
        const result = await api.invoke('interchange.previewLines', {
          source: next.source,
          ...(declarationId ? { declarationId } : {}),
          ...options,
        });
        setSource(next);
        setPreview(result);
        setTargets(new Map(result.mapping.columns.map((c) => [c.index, c.target])));
        setCustomer((c) => c || record?.doc.head.TradeName || '');
        setProfileName((n) => n || next.label.replace(/\.[^.]+$/, '').slice(0, 60));
      },
      () => forgetOtherSource(next.source),
    );
  }

  // A new file refused leaves no other file's columns on screen: 导入 would have imported that file under this one's
  // name. The same file read again with another sheet or header row keeps what it showed.
  function forgetOtherSource(next: LineSource): void {
    if (next === source?.source) return;
    setSource(null);
    setPreview(null);
  }

  async function onFile(file: File | undefined): Promise<void> {
    if (!file) return;
    await read({
      source: { kind: 'file', fileName: file.name.slice(0, 255), contentBase64: await fileToBase64(file) },
      label: file.name,
    });
  }

  // A spreadsheet picked in the invoice reader is read here at once, as if picked in this dialog.
  const pendingFile = useInterchange((s) => s.pendingFile);
  useEffect(() => {
    if (dialog !== 'lines' || !pendingFile) return;
    const file = useInterchange.getState().takePendingFile() ?? undefined;
    void Promise.resolve().then(() => onFile(file));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onFile reads the dialog's state as it is then
  }, [dialog, pendingFile]);

  async function doImport(): Promise<void> {
    if (!preview || !source || !record) return;
    const mapping = mappingOf(preview, targets);
    const place = placement === 'at' ? { mode: 'at' as const, line: Math.max(0, atLine - 1) } : { mode: placement };
    setImporting(true);
    await run(async () => {
      // The editor saves as the broker types and the cached record is not fetched back after its
      // own saves: the revision to build on is main's.
      const { revision } = await api.invoke('declarations.get', { id: record.id });
      const report = await api.invoke('interchange.importLines', {
        declarationId: record.id,
        baseRevision: revision,
        source: source.source,
        mapping,
        placement: place,
        ...(saveProfile && customer.trim() && profileName.trim()
          ? { saveProfile: { customer: customer.trim(), name: profileName.trim() } }
          : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['declaration', record.id] });
      await queryClient.invalidateQueries({ queryKey: ['declarations'] });
      reset();
      showReport(report);
    }, refusalNotice);
    setImporting(false);
  }

  return (
    <Dialog
      title={t.linesTitle}
      open={dialog === 'lines'}
      onClose={() => {
        if (useInterchange.getState().dialog !== 'lines') return;
        reset();
        close('lines');
      }}
    >
      <div className="lines-import">
        <p>
          <label>
            {t.chooseFile}{' '}
            <input
              key={picker}
              type="file"
              accept=".xlsx,.csv,.txt,.tsv"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </label>
        </p>
        <p>
          <label>
            {t.orPaste}
            <textarea
              aria-label={t.pasteHere}
              placeholder={t.pasteHere}
              rows={3}
              onPaste={(e) => {
                const text = e.clipboardData.getData('text/plain');
                if (!text) return;
                e.preventDefault();
                void read({ source: { kind: 'text', text }, label: 'clipboard' }, { headerRow: 0 });
              }}
            />
          </label>
        </p>
        {busy ? (
          <p role="status" className="muted">
            {importing ? t.importing : t.reading}
          </p>
        ) : null}
        <FailureLine error={error} className="error" />
        {preview && source ? (
          <>
            <SheetOptions preview={preview} labels={t} onRead={(options) => void read(source, options)} />
            <MappingTable preview={preview} targets={targets} onChange={setTargets} />
            <fieldset className="choices">
              <legend>{t.placement}</legend>
              {(['append', 'replace', 'at', 'split'] as const).map((mode) => (
                <label key={mode}>
                  <input
                    type="radio"
                    name="placement"
                    checked={placement === mode}
                    onChange={() => setPlacement(mode)}
                  />{' '}
                  {t[mode]}
                  {mode === 'at' ? (
                    <input
                      type="number"
                      aria-label={t.at}
                      min={1}
                      max={50}
                      value={atLine}
                      onChange={(e) => setAtLine(Number(e.target.value))}
                    />
                  ) : null}
                </label>
              ))}
            </fieldset>
            <p>
              <label>
                <input type="checkbox" checked={saveProfile} onChange={(e) => setSaveProfile(e.target.checked)} />{' '}
                {t.saveProfile}
              </label>
              {saveProfile ? (
                <>
                  <label>
                    {t.customer} <input value={customer} onChange={(e) => setCustomer(e.target.value)} />
                  </label>
                  <label>
                    {t.profileName} <input value={profileName} onChange={(e) => setProfileName(e.target.value)} />
                  </label>
                </>
              ) : null}
            </p>
          </>
        ) : null}
        <p className="dialog-actions dialog-footer">
          <button
            type="button"
            className="primary"
            disabled={!preview || preview.rowCount === 0 || busy || !record}
            onClick={() => void doImport()}
          >
            {t.doImport}
          </button>
          <button
            type="button"
            onClick={() => {
              reset();
              close();
            }}
          >
            {t.cancel}
          </button>
        </p>
      </div>
    </Dialog>
  );
}
