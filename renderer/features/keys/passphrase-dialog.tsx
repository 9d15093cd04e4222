import { useState, type FormEvent } from 'react';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FormFooter } from '../../components/form-footer';

/** Asks for the passphrase that protects the signing key (browser host), the first time signing needs it. */
export function PassphraseDialog() {
  const t = useT();
  const { passphraseOpen, setPassphraseOpen, notify } = useUi();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      await api.invoke('keys.unlock', { passphrase });
      setPassphrase('');
      setPassphraseOpen(false);
      notify({ kind: 'info', message: t.passphraseTitle + ' ✓' });
    } catch (e) {
      setError(
        e instanceof ApiCallError ? [e.message, ...(e.issues ?? []).map((i) => i.message)].join(' — ') : String(e),
      );
    }
  }

  return (
    <Dialog title={t.passphraseTitle} open={passphraseOpen} onClose={() => setPassphraseOpen(false)}>
      <form onSubmit={(e) => void submit(e)}>
        <p>{t.passphraseHelp}</p>
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
        <FormFooter error={error} cancelLabel={t.cancel} onCancel={() => setPassphraseOpen(false)} submitLabel={t.ok} />
      </form>
    </Dialog>
  );
}
