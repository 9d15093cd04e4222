import { useFailureState } from '../../components/failure-line';
import { useEffect, useState, type FormEvent } from 'react';
import { api, failureLine } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FormFooter } from '../../components/form-footer';
import { NewPassphraseFields, PassphraseField, useNewPassphrase } from '../../components/passphrase-field';

/**
 * Asks for the passphrase that protects the signing key the first time signing needs it: in the browser
 * host, and in the desktop app for data the browser host made or where the OS has no keychain (Linux
 * without a keyring). A key already stored is unlocked, not created, and the dialog says so; what the
 * broker was doing when the key was needed (declaring, 同步) goes on once it is unlocked. Where the
 * desktop app has a keychain, it then offers to protect the key with it, so the passphrase is not asked
 * for again.
 */
export function PassphraseDialog() {
  const t = useT();
  const { passphraseOpen, setPassphraseOpen, afterUnlock, notify } = useUi();
  // A stored key is unlocked with the first box alone; a new key's passphrase is typed twice.
  const passphrase = useNewPassphrase('passphrase');
  const [error, setError] = useFailureState();
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
  const [offerKeychain, setOfferKeychain] = useState(false);

  function close(): void {
    setOfferKeychain(false);
    setError(null);
    // The dialog stays mounted: what was typed and said must not be there when signing asks again.
    passphrase.clear();
    setPassphraseOpen(false);
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    // A stored key's passphrase is checked by the contract's rule too, so an empty or short one is said under its box
    // in the UI language (the form is noValidate: the browser's bubble speaks the browser's) and nothing is sent.
    if (!passphrase.checked(keyExists)) return;
    try {
      const status = await api.invoke('keys.unlock', { passphrase: passphrase.value });
      passphrase.clear();
      notify({ kind: 'info', message: (l) => messages[l].passphraseAccepted });
      afterUnlock?.();
      if (status.keychain && status.protection === 'passphrase') setOfferKeychain(true);
      else close();
    } catch (e) {
      setError(failureLine(e));
    }
  }

  async function protectWithKeychain(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      await api.invoke('keys.reseal', { protection: 'safe-storage' });
      notify({ kind: 'info', message: (l) => messages[l].keychainDone });
      close();
    } catch (e) {
      setError(failureLine(e));
    }
  }

  return (
    <Dialog title={keyExists ? t.unlockTitle : t.passphraseTitle} open={passphraseOpen} onClose={close}>
      {offerKeychain ? (
        <form noValidate onSubmit={(e) => void protectWithKeychain(e)}>
          <p>{t.keychainOffer}</p>
          <FormFooter error={error} cancelLabel={t.keepPassphrase} onCancel={close} submitLabel={t.useKeychain} />
        </form>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <p>{keyExists ? t.unlockHelp : t.passphraseHelp}</p>
          {keyExists ? (
            <PassphraseField label={t.passphrase} choosing={false} {...passphrase.alone} />
          ) : (
            <NewPassphraseFields label={t.passphrase} {...passphrase.fields} />
          )}
          <FormFooter error={error} onCancel={close} submitLabel={keyExists ? t.unlock : t.ok} />
        </form>
      )}
    </Dialog>
  );
}
