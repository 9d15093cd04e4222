import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { keys, queryClient, useSyncStatus } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { useSyncT } from './messages';
import { OutboxDialog } from './outbox-dialog';
import { useMessageText } from '../../i18n/use-message-text';
import { SaidDetail } from '../../components/failure-line';

/**
 * The 随附单据 going up: a short bar and its percentage beside the 同步中 state, the whole sentence (what goes up, and
 * its size) as its title and for a screen reader. The sentence in the bar took it onto a second row at 1280 px in both
 * languages, and "Uploading 43%" still did in English beside a failed sync's state.
 */
function UploadProgress({ sentBytes, totalBytes }: { sentBytes: number; totalBytes: number }) {
  const m = useSyncT();
  const pct = Math.floor((sentBytes * 100) / totalBytes);
  const sentence = m.uploading(pct, (totalBytes / 1024 / 1024).toFixed(1));
  return (
    <span className="upload-progress" role="status" data-testid="upload-progress" title={sentence}>
      <progress max={totalBytes} value={sentBytes} aria-hidden="true" />
      <span aria-hidden="true">{pct}%</span>
      <span className="sr-only">{sentence}</span>
    </span>
  );
}

/**
 * Always visible: online/offline/syncing, the outbox count, and 同步 (sync now). A signing key locked since
 * start-up (no passphrase given yet) stops sending and receipts: the bar says 密钥未解锁 with a button to
 * unlock, and 同步 asks for the passphrase first, then syncs. After a failure the state opens what went wrong last.
 */
export function SyncBar() {
  const t = useT();
  const m = useSyncT();
  const said = useMessageText();
  const [outboxOpen, setOutboxOpen] = useState(false);
  const status = useSyncStatus().data;
  const setConnectOpen = useUi((s) => s.setConnectOpen);
  const setPassphraseOpen = useUi((s) => s.setPassphraseOpen);
  const state = status?.state ?? 'offline';
  const stateLabel = { online: t.online, offline: t.offline, syncing: t.syncing, 'not-configured': t.notConfigured }[
    state
  ];
  const pending = (status?.outbox.queued ?? 0) + (status?.outbox.sending ?? 0);
  const keyLocked = status?.keyLocked === true;
  const upload = status?.upload ?? null;
  const why = status?.lastError ?? null;
  const whyFold = useRef<HTMLDetailsElement>(null);
  const syncNow = () => {
    void api.invoke('sync.now', {}).then((s) => queryClient.setQueryData(keys.sync, s));
  };
  return (
    <div className="sync-bar">
      {why ? (
        // A tooltip cannot hold the fold with the program's words, and support needs them: the state opens a panel
        // with the sentence and its 详情. Esc closes it, as clicking the state again does.
        <details
          className="conn-why"
          ref={whyFold}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && whyFold.current) whyFold.current.open = false;
          }}
        >
          <summary className={`conn conn-${state}`} data-testid="connection-state" title={said(why)}>
            {stateLabel}
          </summary>
          <section className="conn-why-panel" aria-label={m.lastSyncProblem}>
            <p>{said(why)}</p>
            <SaidDetail said={why} />
          </section>
        </details>
      ) : (
        <span className={`conn conn-${state}`} data-testid="connection-state">
          {stateLabel}
        </span>
      )}
      {upload && upload.totalBytes > 0 ? <UploadProgress {...upload} /> : null}
      {keyLocked ? (
        <span className="key-locked" role="status" data-testid="key-locked" title={t.keyLockedHelp}>
          {t.keyLocked}
          <button type="button" className="link" onClick={() => setPassphraseOpen(true)}>
            {t.unlock}
          </button>
        </span>
      ) : null}
      <button
        type="button"
        className="link"
        data-testid="outbox-count"
        title={m.openOutbox}
        onClick={() => setOutboxOpen(true)}
      >
        {t.outbox} {pending}
      </button>
      <OutboxDialog open={outboxOpen} onClose={() => setOutboxOpen(false)} />
      <button type="button" onClick={() => (keyLocked ? setPassphraseOpen(true, syncNow) : syncNow())}>
        {t.sync}
      </button>
      {state === 'not-configured' ? (
        // Beside 未连接 the button's one word is enough to the eye; its name says where it connects to.
        <button type="button" aria-label={t.connect} onClick={() => setConnectOpen(true)}>
          {t.connectShort}
        </button>
      ) : null}
    </div>
  );
}
