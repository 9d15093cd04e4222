import { useState } from 'react';
import type { ApiIssue } from '../../shared/api';
import { issuesFromZod, PASSPHRASE_MIN, passphraseSchema } from '../../shared/api';
import { messages } from '../i18n/messages';
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
  /** An issue main would answer, or 'mismatch': the box confirming a new passphrase differs from the first. */
  problem?: ApiIssue | 'mismatch' | null;
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
          {problem === 'mismatch' ? messages[locale].passphraseMismatch : issueText(locale, problem)}
        </span>
      ) : null}
    </div>
  );
}

/** Which box of a new passphrase is wrong, and why. */
type NewPassphraseProblem = { box: 'first'; issue: ApiIssue } | { box: 'again' };

/**
 * A new passphrase typed twice. The key is sealed under what is typed and nothing else knows it, so a typo in a
 * single box would lock the broker out of the key: `checked()` refuses a passphrase main would refuse, then two boxes
 * that differ, says which under its box and moves the focus there; the caller sends nothing unless it answers true.
 */
export function useNewPassphrase(id: string) {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<NewPassphraseProblem | null>(null);
  // `alone`: only the first box is shown (a stored key's passphrase, typed once), so only it is checked.
  function checked(alone = false): boolean {
    const issue = passphraseProblem(value);
    const found: NewPassphraseProblem | null = issue
      ? { box: 'first', issue }
      : !alone && value !== again
        ? { box: 'again' }
        : null;
    setProblem(found);
    if (found) document.getElementById(found.box === 'first' ? id : `${id}-again`)?.focus();
    return found === null;
  }
  function clear(): void {
    setValue('');
    setAgain('');
    setProblem(null);
  }
  // Typing in either box again takes back what was said about them.
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProblem(null);
  };
  const onChange = edit(setValue);
  return {
    value,
    checked,
    clear,
    fields: { id, value, again, problem, onChange, onAgain: edit(setAgain) },
    /** The first box's props where it stands alone (checked(true)): a stored key's passphrase, typed once. */
    alone: { id, value, onChange, problem: problem?.box === 'first' ? problem.issue : null },
  };
}

/** The two boxes of a new passphrase (useNewPassphrase's `fields`): the passphrase, then the same again. */
export function NewPassphraseFields({
  id,
  label,
  value,
  again,
  problem,
  onChange,
  onAgain,
}: ReturnType<typeof useNewPassphrase>['fields'] & { label: string }) {
  const locale = useUi((s) => s.locale);
  return (
    <>
      <PassphraseField
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        choosing
        problem={problem?.box === 'first' ? problem.issue : null}
      />
      <PassphraseField
        id={`${id}-again`}
        label={messages[locale].passphraseAgain}
        value={again}
        onChange={onAgain}
        choosing
        problem={problem?.box === 'again' ? 'mismatch' : null}
      />
    </>
  );
}
