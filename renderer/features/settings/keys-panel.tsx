import { FailureLine } from '../../components/failure-line';
import { ColumnHeads } from '../../components/column-heads';
import { askPassphraseIfLocked, useBusyCall } from '../../components/busy-call';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, failureLine } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { localSecond } from '../../i18n/local-time';
import { adminMessages } from '../../i18n/admin-messages';
import { useAdminT } from '../../i18n/use-admin-t';
import { adminKeys } from './settings-store';
import { NewPassphraseFields, useNewPassphrase } from '../../components/passphrase-field';
import { KeyImportFields, useKeyImport } from '../keys/key-import-fields';

/**
 * Key management (the sync issue's keys.* methods): the current key, all keys, the public key, and replacing the key.
 */
export function KeysPanel() {
  const t = useAdminT();
  const { notify } = useUi();
  const data = useQuery({
    queryKey: adminKeys.keys,
    queryFn: async () => ({ status: await api.invoke('keys.status', {}), list: await api.invoke('keys.list', {}) }),
  });
  const [publicText, setPublicText] = useState<string | null>(null);
  const keyImport = useKeyImport('ed25519');
  const { busy, error, setError, run } = useBusyCall();
  const newPassphrase = useNewPassphrase('settings-key-new-passphrase');
  const status = data.data?.status;

  /**
   * A change to the keys from one of the forms: busy meanwhile, the keys read again once it is made; a key locked
   * behind its passphrase opens the passphrase dialog, and the refusal shows under the forms.
   */
  function changeKeys(event: FormEvent, change: () => Promise<void>): Promise<void> {
    event.preventDefault();
    return run(async () => {
      await change();
      await queryClient.invalidateQueries({ queryKey: adminKeys.keys });
    }, askPassphraseIfLocked);
  }

  const reseal = (event: FormEvent, protection: 'safe-storage' | 'passphrase') =>
    changeKeys(event, async () => {
      await api.invoke('keys.reseal', {
        protection,
        ...(protection === 'passphrase' ? { passphrase: newPassphrase.value } : {}),
      });
      newPassphrase.clear();
      notify({
        kind: 'info',
        message: (l) =>
          protection === 'safe-storage' ? adminMessages[l].protectedByKeychain : adminMessages[l].protectedByPassphrase,
      });
    });

  const rotate = (event: FormEvent) =>
    changeKeys(event, async () => {
      const privateKey = keyImport.privateKey.trim();
      await api.invoke('keys.rotate', { algorithm: keyImport.algorithm, ...(privateKey ? { privateKey } : {}) });
      keyImport.clear();
      notify({ kind: 'info', message: (l) => adminMessages[l].rotateDone });
    });

  return (
    <div>
      <p>
        {t.keyStatus}
        {status?.exists ? <strong>{`${status.keyId ?? ''} (${status.algorithm ?? ''})`}</strong> : t.noKey}
      </p>
      <table className="admin-table" aria-label={t.keyList}>
        <ColumnHeads labels={[t.keyId, t.algorithm, t.keyState, t.keyCreated]} />
        <tbody>
          {(data.data?.list ?? []).map((k) => (
            <tr key={k.keyId}>
              <th scope="row">{k.keyId}</th>
              <td>{k.algorithm}</td>
              <td>{k.active ? t.active : t.retired}</td>
              <td>{localSecond(k.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        disabled={!status?.exists}
        onClick={() =>
          void api.invoke('keys.exportPublic', {}).then(
            (r) => setPublicText(r.text),
            (e: unknown) => setError(failureLine(e)),
          )
        }
      >
        {t.exportPublic}
      </button>
      {publicText ? (
        <textarea aria-label={t.exportPublic} readOnly rows={4} value={publicText} className="mono" />
      ) : null}
      {status?.exists ? (
        <p>
          {t.protection}
          {status.protection === 'safe-storage' ? t.protectionKeychain : t.protectionPassphrase}
        </p>
      ) : null}
      {/* Only the desktop app has a keychain; the key can move to it, or back to a passphrase for the browser host. */}
      {status?.exists && status.keychain && status.protection === 'passphrase' ? (
        <form noValidate onSubmit={(e) => void reseal(e, 'safe-storage')} className="admin-subform">
          <p className="muted">{t.toKeychainIntro}</p>
          <button type="submit" disabled={busy}>
            {t.toKeychain}
          </button>
        </form>
      ) : null}
      {status?.exists && status.protection === 'safe-storage' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // The key is sealed under the new passphrase: the two boxes must agree before it is sent.
            if (newPassphrase.checked()) void reseal(e, 'passphrase');
          }}
          className="admin-subform"
        >
          <p className="muted">{t.toPassphraseIntro}</p>
          <NewPassphraseFields label={t.newPassphrase} {...newPassphrase.fields} />
          <button type="submit" disabled={busy}>
            {t.toPassphrase}
          </button>
        </form>
      ) : null}
      <form noValidate onSubmit={(e) => void rotate(e)} className="admin-subform">
        <h3>{t.rotate}</h3>
        <p className="muted">{t.rotateIntro}</p>
        <KeyImportFields idPrefix="settings-key" keyLabel={t.importPrivate} {...keyImport.fields} />
        <button type="submit" disabled={busy}>
          {t.rotate}
        </button>
      </form>
      <FailureLine error={error} />
    </div>
  );
}
