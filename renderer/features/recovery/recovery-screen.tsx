import { FailureLine, SaidDetail } from '../../components/failure-line';
import { useBusyCall } from '../../components/busy-call';
import { PassphraseField, useNewPassphrase } from '../../components/passphrase-field';
import { LanguageButton } from '../setup/language-switch';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DeskStatus, ReopenResult } from '../../../shared/api';
import { api, inBrowserHost } from '../../api/client';
import { localSecond } from '../../i18n/local-time';
import { useAdminT } from '../../i18n/use-admin-t';
import { copyDiagnostics } from '../settings/copy-diagnostics';
import { PathField } from '../settings/path-field';
import { reloadPage } from '../settings/reload-page';
import { KeyImportFields, useKeyImport } from '../keys/key-import-fields';
import { useMessageText } from '../../i18n/use-message-text';

/**
 * What the user sees when the data cannot be opened: what happened, in plain words, and what
 * can be done about it — restore the latest backup, open read-only, choose another folder, put
 * the signing key back — never a stack trace. The technical reason is one click away.
 */
/** What mends a binding of the wrong runtime: reinstalling, or building it again in a checkout. */
function BindingFix({ packaged }: { packaged: boolean }) {
  const t = useAdminT();
  return packaged ? (
    <p>{t.bindingReinstall}</p>
  ) : (
    <>
      <p>{t.bindingRebuild}</p>
      <pre className="problem-detail">npm run electron:binding</pre>
    </>
  );
}

/** What the screen can offer, each by the words of its title (the messages' keys, the same in every language). */
type OptionKey = 'restoreLatest' | 'openReadOnly' | 'chooseOther' | 'importKey' | 'newKey' | 'retry';

export function RecoveryScreen({ status, onBack }: { status: DeskStatus; onBack?: () => void }) {
  const t = useAdminT();
  const said = useMessageText();
  const problem = status.problem;
  const kind = problem?.kind ?? 'unknown';
  const { busy, error, run } = useBusyCall();
  const [done, setDone] = useState<ReopenResult | null>(null);
  const [folder, setFolder] = useState('');
  const keyImport = useKeyImport('sm2');
  const passphrase = useNewPassphrase('recovery-passphrase');
  const [confirmNewKey, setConfirmNewKey] = useState(false);
  const [diagnostics, setDiagnostics] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const screen = useRef<HTMLElement>(null);

  // The recommended option (the one with the primary button), else the first, takes the focus on its first control, so
  // the broker can act at once: Enter restores a damaged database, a path can be typed for an unwritable folder.
  useEffect(() => {
    const root = screen.current;
    if (!root) return;
    const options = [...root.querySelectorAll('.recovery-option')];
    const option = options.find((o) => o.querySelector('.primary')) ?? options[0];
    // After an action with a note there are no options: 继续 takes the focus, not the language button above it.
    const first = option
      ? option.querySelector<HTMLElement>('button:not(:disabled), input, select, textarea')
      : root.querySelector<HTMLElement>('button.primary');
    first?.focus();
  }, [done, kind]);

  // A refusal is said in the option whose action it answers, not at the foot of the page far from it.
  const [acting, setActing] = useState<OptionKey | null>(null);
  const act = (key: OptionKey, work: () => Promise<ReopenResult>) =>
    run(async () => {
      setActing(key);
      const result = await work();
      if (result.note) setDone(result);
      else reloadPage();
    });

  if (done) {
    // The language button (and its key) stays: what main noted is read here, in the language the broker picks.
    return (
      <main className="admin-screen recovery-screen" aria-labelledby="recovery-done" ref={screen}>
        <header className="admin-header">
          <h1 id="recovery-done">{t.recoveryDone}</h1>
          <LanguageButton label={t.language} />
        </header>
        <p role="status">{said(done.note)}</p>
        <SaidDetail said={done.note} />
        <button type="button" className="primary" onClick={reloadPage}>
          {t.continue}
        </button>
      </main>
    );
  }

  const browserHost = inBrowserHost();
  const option = (key: OptionKey, body: ReactNode) => (
    <section className="recovery-option" aria-label={t[key]}>
      {body}
      {acting === key ? <FailureLine error={error} /> : null}
    </section>
  );
  const restore = status.latestBackup
    ? option(
        'restoreLatest',
        <>
          <button
            type="button"
            className={kind === 'damaged' ? 'primary' : undefined}
            disabled={busy}
            onClick={() => void act('restoreLatest', () => api.invoke('recovery.restoreLatest', {}))}
          >
            {t.restoreLatest}
          </button>
          <span className="muted">
            {t.latestBackup(
              localSecond(status.latestBackup.createdAt),
              t.kind[status.latestBackup.kind] ?? status.latestBackup.kind,
            )}
          </span>
        </>,
      )
    : null;
  const readOnly =
    status.mode === 'recovery' && kind !== 'unwritable'
      ? option(
          'openReadOnly',
          <button
            type="button"
            disabled={busy}
            onClick={() => void act('openReadOnly', () => api.invoke('recovery.openReadOnly', {}))}
          >
            {t.openReadOnly}
          </button>,
        )
      : null;
  const chooseFolder = option(
    'chooseOther',
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void act('chooseOther', () => api.invoke('desk.chooseFolder', { path: folder, copyData: false }));
      }}
    >
      <PathField id="recovery-folder" label={t.folderPath} purpose="data-folder" value={folder} onChange={setFolder} />
      <button
        type="submit"
        className={kind === 'unwritable' ? 'primary' : undefined}
        disabled={busy || folder.trim() === ''}
      >
        {t.chooseOther}
      </button>
    </form>,
  );
  const keyOptions =
    kind === 'missing-key' ? (
      <>
        {option(
          'importKey',
          // The browser host seals the key with the passphrase typed here, which main checks by the contract's rule:
          // the same rule is checked first, so a short one is said under its box (in the UI language, not the
          // browser's own bubble) and nothing is sent.
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (browserHost && !passphrase.checked(true)) return;
              void act('importKey', () =>
                api.invoke('recovery.importKey', {
                  algorithm: keyImport.algorithm,
                  privateKey: keyImport.privateKey,
                  ...(browserHost ? { passphrase: passphrase.value } : {}),
                }),
              );
            }}
          >
            <KeyImportFields idPrefix="recovery" keyLabel={t.privateKey} {...keyImport.fields} />
            {browserHost ? <PassphraseField label={t.passphrase} choosing={false} {...passphrase.alone} /> : null}
            <button type="submit" className="primary" disabled={busy || keyImport.privateKey.trim() === ''}>
              {t.importKey}
            </button>
          </form>,
        )}
        {option(
          'newKey',
          <>
            <label className="check">
              <input type="checkbox" checked={confirmNewKey} onChange={(e) => setConfirmNewKey(e.target.checked)} />
              {t.newKeyConfirm}
            </label>
            <button
              type="button"
              disabled={busy || !confirmNewKey}
              onClick={() => void act('newKey', () => api.invoke('recovery.newKey', { confirm: true }))}
            >
              {t.newKey}
            </button>
          </>,
        )}
      </>
    ) : null;

  return (
    <main className="admin-screen recovery-screen" aria-labelledby="recovery-title" ref={screen}>
      <header className="admin-header">
        <h1 id="recovery-title">{t.recoveryTitle[kind]}</h1>
        <LanguageButton label={t.language} />
      </header>
      <p>{t.recoveryWhat[kind]}</p>
      {problem?.kind === 'too-new' && problem.found !== undefined && problem.supported !== undefined ? (
        <p className="muted">{t.tooNewVersions(problem.found, problem.supported)}</p>
      ) : null}
      {problem?.kind === 'missing-key' ? (
        <p className="muted">{t.missingKeys((problem.missingKeyIds ?? []).join(', '), problem.queued ?? 0)}</p>
      ) : null}
      {problem?.binding ? (
        <p className="muted">
          {t.bindingVersions(
            problem.binding.file,
            problem.binding.found,
            problem.binding.runtime,
            problem.binding.required,
          )}
        </p>
      ) : null}
      <p className="muted">{t.dataDir(status.dataDir)}</p>
      <h2>{t.recoveryCan}</h2>
      {problem?.binding ? <BindingFix packaged={problem.binding.packaged} /> : null}
      {kind === 'missing-key' ? keyOptions : null}
      {/* Without its SQLite component the app can neither read a backup nor open data elsewhere. */}
      {kind === 'sqlite-binding' ? null : (
        <>
          {restore}
          {readOnly}
          {chooseFolder}
        </>
      )}
      {option(
        'retry',
        <div className="actions start">
          <button
            type="button"
            disabled={busy}
            onClick={() => void act('retry', () => api.invoke('recovery.retry', {}))}
          >
            {t.retry}
          </button>
          {onBack ? (
            <button type="button" onClick={onBack}>
              {t.close}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() =>
              void copyDiagnostics().then((r) => {
                setDiagnostics(r.copied ? null : r.text);
                setCopied(r.copied);
              })
            }
          >
            {t.copyDiagnostics}
          </button>
        </div>,
      )}
      {busy ? <p role="status">{t.working}</p> : null}
      {copied ? <p role="status">{t.diagnosticsCopied}</p> : null}
      {diagnostics ? (
        <div className="field">
          <label htmlFor="recovery-diagnostics">{t.diagnosticsManual}</label>
          <textarea id="recovery-diagnostics" readOnly rows={10} value={diagnostics} />
        </div>
      ) : null}
      <details>
        <summary>{t.details}</summary>
        <pre className="problem-detail">{problem?.detail}</pre>
      </details>
    </main>
  );
}
