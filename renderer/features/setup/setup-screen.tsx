import { FailureLine } from '../../components/failure-line';
import { useBusyCall } from '../../components/busy-call';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProfileField, ProfileInput } from '../../../shared/profiles/profile-check';
import { normalizeProfile, profileProblems } from '../../../shared/profiles/profile-check';
import { api, ApiCallError, errorNotice, failureLine } from '../../api/client';
import { problemText, useAdminT } from '../../i18n/use-admin-t';
import { ProfileFields, type FieldErrors } from './profile-fields';
import { NewPassphraseFields, useNewPassphrase } from '../../components/passphrase-field';
import { EnrolmentFields, useEnrolment } from '../../components/enrolment-fields';
import { LanguageButton } from './language-switch';

type Step = 'company' | 'operator' | 'hub';
const stepFields: Record<Exclude<Step, 'hub'>, ProfileField[]> = {
  company: ['company.name', 'company.customsCode', 'company.uscc'],
  operator: ['operator.name', 'operator.icCard'],
};

export const emptyProfile: ProfileInput = {
  company: { name: '', customsCode: '', uscc: '' },
  operator: { name: '', icCard: '' },
};

/** A field problem as checked or as main named it, without words: a form keeps these and words them when shown. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Field problems as the form shows them, from the shared checks or the contract's issues. */
export function fieldErrors(t: ReturnType<typeof useAdminT>, issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  // A profile problem travels as the reason profiles.problem with the check's own code as `problem`.
  for (const issue of issues)
    out[issue.path as ProfileField] ??= problemText(
      t,
      String(issue.params?.problem ?? issue.code),
      Number(issue.params?.max ?? 0),
    );
  return out;
}

const hubFailure = (e: unknown) => failureLine(e, { paths: true });

/**
 * The first run: the declaring company, the operator, and the hub (or "work offline for now").
 * Each step is checked with the same rules main applies before anything is saved.
 */
export function SetupScreen({ needsPassphrase, onDone }: { needsPassphrase: boolean; onDone(): void }) {
  const t = useAdminT();
  const [step, setStep] = useState<Step>('company');
  const [profile, setProfile] = useState<ProfileInput>(emptyProfile);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const errors = fieldErrors(t, issues);
  const enrolment = useEnrolment('setup');
  const passphrase = useNewPassphrase('setup-passphrase');
  // The hub step's failure names each field main refused by its path.
  const { busy, error: hubError, setError: setHubError, run } = useBusyCall(hubFailure);
  const [created, setCreated] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // Each step opens on its first field, so the broker types at once.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [step]);

  function check(fields: readonly ProfileField[]): boolean {
    const list = profileProblems(profile)
      .filter((p) => fields.includes(p.field))
      .map((p) => ({ path: p.field, code: p.code, ...(p.max ? { params: { max: p.max } } : {}) }));
    const found = fieldErrors(t, list);
    setIssues(list);
    if (Object.keys(found).length > 0) {
      const first = fields.find((f) => found[f]);
      if (first) setTimeout(() => document.getElementById(`profile-${first.replace('.', '-')}`)?.focus(), 0);
      return false;
    }
    return true;
  }

  function next(event: FormEvent): void {
    event.preventDefault();
    if (step === 'company' && check(stepFields.company)) setStep('operator');
    else if (step === 'operator' && check(stepFields.operator)) setStep('hub');
  }

  /** Saves the profile once; the hub step can then be retried or skipped. */
  async function saveProfile(): Promise<boolean> {
    if (created) return true;
    try {
      await api.invoke('profiles.create', { ...normalizeProfile(profile), makeCurrent: true });
      setCreated(true);
      return true;
    } catch (e) {
      if (e instanceof ApiCallError && e.issues?.length) {
        const found = fieldErrors(t, e.issues);
        setIssues(e.issues);
        setStep(Object.keys(found).some((f) => f.startsWith('company.')) ? 'company' : 'operator');
      } else setHubError(errorNotice(e));
      return false;
    }
  }

  const finish = (connect: boolean) => {
    if (connect) {
      // The first key is sealed under this passphrase: the two boxes must agree before anything is saved or sent, and
      // so must the address and code (checked last, so that the focus lands on the first box at fault).
      const passphraseTaken = !needsPassphrase || passphrase.checked();
      if (!enrolment.checked() || !passphraseTaken) return;
    }
    return run(async () => {
      if (!(await saveProfile())) return;
      if (connect) {
        // No key is stored yet: keys.unlock makes the first one and seals it with the passphrase chosen here.
        if (needsPassphrase) await api.invoke('keys.unlock', { passphrase: passphrase.value });
        await api.invoke('sync.connect', { hubUrl: enrolment.hubUrl.trim(), enrollmentCode: enrolment.code.trim() });
      }
      onDone();
    });
  };

  return (
    <main className="admin-screen setup-screen" aria-labelledby="setup-title">
      <header className="admin-header">
        <h1 id="setup-title">{t.setupTitle}</h1>
        <LanguageButton label={t.language} />
      </header>
      <p>{t.setupIntro}</p>
      <ol className="steps" aria-label={t.setupTitle}>
        {(['company', 'operator', 'hub'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {{ company: t.stepCompany, operator: t.stepOperator, hub: t.stepHub }[s]}
          </li>
        ))}
      </ol>
      {step !== 'hub' ? (
        <form onSubmit={next} noValidate ref={form}>
          <ProfileFields part={step} value={profile} errors={errors} onChange={setProfile} />
          <div className="actions">
            {step === 'operator' ? (
              <button type="button" onClick={() => setStep('company')}>
                {t.back}
              </button>
            ) : null}
            <button type="submit" className="primary">
              {t.next}
            </button>
          </div>
        </form>
      ) : (
        <form
          noValidate
          ref={form}
          onSubmit={(e) => {
            e.preventDefault();
            void finish(true);
          }}
        >
          <p>{t.hubIntro}</p>
          <EnrolmentFields {...enrolment.fields} />
          {needsPassphrase ? <NewPassphraseFields label={t.passphrase} {...passphrase.fields} /> : null}
          <FailureLine error={hubError} />
          <div className="actions">
            <button type="button" onClick={() => setStep('operator')} disabled={busy}>
              {t.back}
            </button>
            <button type="button" onClick={() => void finish(false)} disabled={busy}>
              {t.workOffline}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.saving : t.finish}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
