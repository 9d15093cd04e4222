import { useFailureState } from '../../components/failure-line';
import { useState, type FormEvent } from 'react';
import { api, ApiCallError, failureLine } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FormFooter } from '../../components/form-footer';

/** Settings: connect to a hub with its URL and a one-time enrollment code. */
export function ConnectDialog() {
  const t = useT();
  const { connectOpen, setConnectOpen, setPassphraseOpen } = useUi();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useFailureState();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      const status = await api.invoke('sync.connect', { hubUrl: hubUrl.trim(), enrollmentCode: code.trim() });
      queryClient.setQueryData(keys.sync, status);
      setConnectOpen(false);
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'PASSPHRASE_REQUIRED') setPassphraseOpen(true);
      setError(failureLine(e, { paths: true }));
    }
  }

  return (
    <Dialog title={t.connect} open={connectOpen} onClose={() => setConnectOpen(false)}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="hub-url">{t.hubUrl}</label>
          <input
            id="hub-url"
            type="url"
            required
            value={hubUrl}
            onChange={(e) => setHubUrl(e.target.value)}
            placeholder={t.hubUrlExample}
          />
        </div>
        <div className="field">
          <label htmlFor="enroll-code">{t.enrollmentCode}</label>
          <input id="enroll-code" required value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <FormFooter error={error} cancelLabel={t.cancel} onCancel={() => setConnectOpen(false)} submitLabel={t.ok} />
      </form>
    </Dialog>
  );
}
