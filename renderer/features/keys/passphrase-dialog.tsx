import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FormFooter } from '../../components/form-footer';

/**
 * Asks for the passphrase that protects the signing key (browser host), the first time signing needs it.
 * A key already stored is unlocked, not created, and the dialog says so; what the broker was doing when
 * the key was needed (declaring, 同步) goes on once it is unlocked.
 */
export function PassphraseDialog() {
  const t = useT();
  const { passphraseOpen, setPassphraseOpen, afterUnlock, notify } = useUi();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Whether a key is stored already (unlock) or will be made under this passphrase (create); unlock until known.
  const [keyExists, setKeyExists] = useState(true);
  useEffect(() => {
    if (!passphraseOpen) return;
    let current = true;
    void api
      .invoke('keys.status', {})
      .then((s) => current && setKeyExists(s.exists))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [passphraseOpen]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      await api.invoke('keys.unlock', { passphrase });
      setPassphrase('');
      setPassphraseOpen(false);
      notify({ kind: 'info', message: (keyExists ? t.unlockTitle : t.passphraseTitle) + ' ✓' });
      afterUnlock?.();
    } catch (e) {
      setError(
        e instanceof ApiCallError ? [e.message, ...(e.issues ?? []).map((i) => i.message)].join(' — ') : String(e),
      );
    }
  }

  return (
    <Dialog
      title={keyExists ? t.unlockTitle : t.passphraseTitle}
      open={passphraseOpen}
      onClose={() => setPassphraseOpen(false)}
    >
      <form onSubmit={(e) => void submit(e)}>
        <p>{keyExists ? t.unlockHelp : t.passphraseHelp}</p>
        <div className="field">
          <label htmlFor="passphrase">{t.passphrase}</label>
          <input
            id="passphrase"
            type="password"
            minLength={8}
            required
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        <FormFooter
          error={error}
          cancelLabel={t.cancel}
          onCancel={() => setPassphraseOpen(false)}
          submitLabel={keyExists ? t.unlock : t.ok}
        />
      </form>
    </Dialog>
  );
}
