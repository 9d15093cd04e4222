import type { ProfileField, ProfileInput } from '../../../shared/profiles/profile-check';
import { useAdminT } from '../../i18n/use-admin-t';

export type FieldErrors = Partial<Record<ProfileField, string>>;

interface FieldDef {
  field: ProfileField;
  label: (t: ReturnType<typeof useAdminT>) => string;
  autoComplete?: string;
}

const companyFields: FieldDef[] = [
  { field: 'company.name', label: (t) => t.companyName, autoComplete: 'organization' },
  { field: 'company.customsCode', label: (t) => t.customsCode },
  { field: 'company.uscc', label: (t) => t.uscc },
];
const operatorFields: FieldDef[] = [
  { field: 'operator.name', label: (t) => t.operatorName, autoComplete: 'name' },
  { field: 'operator.icCard', label: (t) => t.icCard },
];

function read(value: ProfileInput, field: ProfileField): string {
  const [part, key] = field.split('.') as ['company' | 'operator', string];
  return (value[part] as Record<string, string>)[key] ?? '';
}

function write(value: ProfileInput, field: ProfileField, text: string): ProfileInput {
  const [part, key] = field.split('.') as ['company' | 'operator', string];
  return { ...value, [part]: { ...value[part], [key]: text } };
}

/** The company or operator fields of a profile, each with its label and its problem (if any) announced. */
export function ProfileFields({
  part,
  value,
  errors,
  onChange,
  idPrefix = 'profile',
}: {
  part: 'company' | 'operator' | 'both';
  value: ProfileInput;
  errors: FieldErrors;
  onChange(next: ProfileInput): void;
  idPrefix?: string;
}) {
  const t = useAdminT();
  const defs =
    part === 'company' ? companyFields : part === 'operator' ? operatorFields : [...companyFields, ...operatorFields];
  return (
    <div className="admin-fields">
      {defs.map((def) => {
        const id = `${idPrefix}-${def.field.replace('.', '-')}`;
        const error = errors[def.field];
        return (
          <div className="field" key={def.field}>
            <label htmlFor={id}>{def.label(t)}</label>
            <input
              id={id}
              value={read(value, def.field)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoComplete={def.autoComplete ?? 'off'}
              onChange={(e) => onChange(write(value, def.field, e.target.value))}
            />
            {error ? (
              <span id={`${id}-error`} className="error-text">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
