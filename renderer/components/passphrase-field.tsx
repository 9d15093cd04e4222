import { PASSPHRASE_MIN } from '../../shared/api';

/**
 * A passphrase box with its label, refusing fewer characters than main accepts before any call is made. `choosing`:
 * the broker sets a new one (a password manager may offer to make and keep it), else types the one they set.
 */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  choosing,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  choosing: boolean;
}) {
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
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
