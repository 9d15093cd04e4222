import type { ElementDef } from '../../shared/catalog';

interface Props {
  id: string;
  def: ElementDef;
  label: string;
  value: string;
  readOnly: boolean;
  error: string | undefined;
  onChange(value: string): void;
  onCommit(): void;
}

/** One catalog element as a labelled input; its accessible name is the element's label in the current language. */
export function FieldInput({ id, def, label, value, readOnly, error, onChange, onCommit }: Props) {
  const numeric = def.type === 'decimal' || def.type === 'integer';
  return (
    <div className={`field${error ? ' field-error' : ''}`} data-field={def.xml}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        readOnly={readOnly}
        inputMode={numeric ? 'decimal' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onCommit}
        data-enter-nav=""
      />
      {error ? (
        <div id={`${id}-error`} className="field-message" role="note">
          {error}
        </div>
      ) : null}
    </div>
  );
}
