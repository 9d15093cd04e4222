import { FailureLine, SaidDetail } from '../../components/failure-line';
import { askPassphraseIfLocked, useBusyCall } from '../../components/busy-call';
import { useState, type FormEvent } from 'react';
import type { HubTestResult } from '../../../shared/api';
import { api } from '../../api/client';
import { keys, queryClient, useSyncStatus } from '../../api/queries';
import { useAdminT } from '../../i18n/use-admin-t';
import { useMessageText } from '../../i18n/use-message-text';
import { EnrolmentBox, useEnrolment } from '../../components/enrolment-fields';

/** The hub connection: its state, "test the connection" (health only), and enrolling again with a new code. */
export function HubPanel() {
  const t = useAdminT();
  const said = useMessageText();
  const status = useSyncStatus().data;
  // What the test found, worded when shown: switching language with it on screen words it again.
  const [test, setTest] = useState<HubTestResult | null>(null);
  const { busy, error, run } = useBusyCall();
  const enrolment = useEnrolment('settings', status?.hubUrl ?? '');
  const { hubUrl, code, fields } = enrolment;

  const testConnection = () =>
    run(async () => {
      setTest(null);
      setTest(await api.invoke('settings.testHub', hubUrl.trim() ? { hubUrl: hubUrl.trim() } : {}));
    });

  function enrol(event: FormEvent): Promise<void> {
    event.preventDefault();
    // The form is noValidate (the browser's bubble speaks the browser's language): a malformed address is said under
    // its box in the UI language, by sync.connect's own rule, before anything is sent.
    if (!enrolment.checked()) return Promise.resolve();
    return run(async () => {
      queryClient.setQueryData(
        keys.sync,
        // The broker waits for the answer here: a hub that cannot be reached is refused under the form, the code kept
        // in its box, rather than kept by main for a retry that a desk enrolled already never makes.
        await api.invoke('sync.connect', {
          hubUrl: hubUrl.trim(),
          enrollmentCode: code.trim(),
          ifUnreachable: 'refuse',
        }),
      );
      enrolment.clearCode();
    }, askPassphraseIfLocked);
  }

  return (
    <form noValidate onSubmit={(e) => void enrol(e)}>
      <p>
        {t.connection}
        <strong>{status?.clientId ? t.enrolled(status.clientId) : t.notEnrolled}</strong>
        {status?.lastError ? <span className="muted"> — {said(status.lastError)}</span> : null}
      </p>
      <SaidDetail said={status?.lastError} />
      <EnrolmentBox
        id={`${fields.id}-hub-url`}
        field="hubUrl"
        value={hubUrl}
        onChange={fields.onHubUrl}
        problem={fields.problems.hubUrl}
        url
      />
      <div className="actions start">
        <button type="button" disabled={busy} onClick={() => void testConnection()}>
          {t.testConnection}
        </button>
        {test ? (
          <span role="status">{test.reachable ? t.reachable(test.version ?? '?') : t.unreachable(said(test.why))}</span>
        ) : null}
      </div>
      {/* Under the finding, not beside it: beside, it squeezed the button and the sentence into narrow columns. */}
      {test && !test.reachable ? <SaidDetail said={test.why} /> : null}
      <EnrolmentBox
        id={`${fields.id}-code`}
        field="enrollmentCode"
        value={code}
        onChange={fields.onCode}
        problem={fields.problems.enrollmentCode}
      />
      <div className="actions start">
        <button type="submit" disabled={busy || !hubUrl.trim() || !code.trim()}>
          {t.reenrol}
        </button>
      </div>
      <FailureLine error={error} />
    </form>
  );
}
