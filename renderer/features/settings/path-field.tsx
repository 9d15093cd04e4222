import { useRef } from 'react';
import type { MethodInput } from '../../../shared/api';
import { api } from '../../api/client';
import { useAdminT } from '../../i18n/use-admin-t';

type Purpose = MethodInput<'files.pick'>['purpose'];

/**
 * A path: typed, or chosen with the shell's native dialog where it has one (Electron). The browser
 * host has none, so "Choose…" fills in the suggested path to edit. `onPicked` says whether a
 * native dialog chose it (a save dialog has already asked before overwriting).
 */
export function PathField({
  id,
  label,
  purpose,
  value,
  onChange,
  onPicked,
}: {
  id: string;
  label: string;
  purpose: Purpose;
  value: string;
  onChange(path: string): void;
  onPicked?(native: boolean): void;
}) {
  const t = useAdminT();
  const input = useRef<HTMLInputElement>(null);
  async function choose(): Promise<void> {
    const picked = await api.invoke('files.pick', { purpose });
    if (picked.supported) {
      if (picked.path) {
        onChange(picked.path);
        onPicked?.(true);
      }
      return;
    }
    if (!value) onChange(picked.suggested);
    onPicked?.(false);
    input.current?.focus();
  }
  return (
    <div className="field path-field">
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input
          ref={input}
          id={id}
          value={value}
          spellCheck={false}
          onChange={(e) => {
            onChange(e.target.value);
            onPicked?.(false);
          }}
        />
        <button type="button" onClick={() => void choose()}>
          {t.choose}
        </button>
      </div>
    </div>
  );
}
