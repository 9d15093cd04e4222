import type { ApiIssue } from '../../shared/api';
import { issuesFromZod, PASSPHRASE_MIN, passphraseSchema } from '../../shared/api';
import { issueText } from '../i18n/reasons';
import { useUi } from '../state/ui-store';

/**
 * What is wrong with a passphrase by the contract's own rule (passphraseSchema: too short, too long), as the field
 * issue main would answer, so that it is worded as main's would be; null when main would take it.
 */
export function passphraseProblem(value: string): ApiIssue | null {
  const checked = passphraseSchema.safeParse(value);
  const issue = checked.success ? undefined : issuesFromZod(checked.error, value)[0];
  // Every call that takes a passphrase takes it as `passphrase`.
  return issue ? { ...issue, path: 'passphrase' } : null;
}

/**
 * A passphrase box with its label, refusing fewer characters than main accepts before any call is made. `choosing`:
 * the broker sets a new one (a password manager may offer to make and keep it), else types the one they set.
 * `problem`: what the form found wrong with it (passphraseProblem), shown under the box in the UI language.
 */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  choosing,
  problem = null,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  choosing: boolean;
  problem?: ApiIssue | null;
}) {
  const locale = useUi((s) => s.locale);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        minLength={PASSPHRASE_MIN}
        required
        autoComplete={choosing ? 'new-password' : 'current-password'}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem ? (
        <span id={`${id}-error`} className="error-text">
          {issueText(locale, problem)}
        </span>
      ) : null}
    </div>
  );
}
