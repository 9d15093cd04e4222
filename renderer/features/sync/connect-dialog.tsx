import { useFailureState } from '../../components/failure-line';
import type { FormEvent } from 'react';
import { api, ApiCallError, failureLine } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { FormFooter } from '../../components/form-footer';
import { EnrolmentFields, useEnrolment } from '../../components/enrolment-fields';

/** The sync bar's 连接 (shown while the desk is not enrolled): a hub address and a one-time enrolment code. */
export function ConnectDialog() {
  const t = useT();
  const { connectOpen, setConnectOpen, setPassphraseOpen } = useUi();
  const enrolment = useEnrolment('connect');
  const [error, setError] = useFailureState();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    if (!enrolment.checked()) return;
    try {
      // The bar offers this dialog only while the desk is not enrolled (state 'not-configured'), where a hub that
      // cannot be reached keeps the code and main enrols once the hub answers, as on the first run: the default, not
      // 'refuse'.
      const status = await api.invoke('sync.connect', {
        hubUrl: enrolment.hubUrl.trim(),
        enrollmentCode: enrolment.code.trim(),
      });
      queryClient.setQueryData(keys.sync, status);
      setConnectOpen(false);
      // The dialog stays mounted: a one-time code, used, must not be offered again if the desk loses its hub.
      enrolment.clearCode();
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'PASSPHRASE_REQUIRED') setPassphraseOpen(true);
      setError(failureLine(e, { paths: true }));
    }
  }

  return (
    <Dialog title={t.connect} open={connectOpen} onClose={() => setConnectOpen(false)}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <EnrolmentFields {...enrolment.fields} />
        <FormFooter error={error} onCancel={() => setConnectOpen(false)} submitLabel={t.ok} />
      </form>
    </Dialog>
  );
}
