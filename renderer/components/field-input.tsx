import { memo } from 'react';
import type { ElementDef } from '../../shared/catalog';
import type { Locale } from '../../shared/i18n/locale';
import { declaredByteLength } from '../../shared/validation/bytes';
import { messages } from '../i18n/messages';
import { CodePicker } from './code-picker';

/** Text elements at least this long get a byte counter (the single window counts a Chinese character as 2). */
const COUNTER_FROM = 50;

interface Props {
  id: string;
  path: string;
  def: ElementDef;
  label: string;
  value: string;
  /** Passed down rather than subscribed to: a form has hundreds of fields. */
  locale: Locale;
  /** How the field shows: a labelled form field, or a grid cell named by aria-label. */
  variant: 'form' | 'cell';
  readOnly: boolean;
  /** Read-only because a modification request may not change it: marked so (its label, a cell's title). */
  locked?: boolean;
  error: string | undefined;
  /**
   * An empty required field: marked as still to fill, not as an error (a new declaration would open with some 25 red
   * fields); its message is kept for screen readers and the error panel.
   */
  quiet?: boolean;
  /** The code's name, shown beside a coded field. */
  codeName?: string;
  onChange(path: string, value: string): void;
  onCommit(path: string): void;
  /** A coded field's lookup list opened or closed (CodePicker). */
  onLookup?(path: string, open: boolean): void;
}

/**
 * One catalog element as an input whose accessible name is the element's label in the current
 * language; coded elements are code pickers, long text shows its byte count against the limit,
 * and a finding shows as the field's description.
 */
export const FieldInput = memo(function FieldInput({
  id,
  path,
  def,
  label,
  value,
  locale,
  variant,
  readOnly,
  locked,
  error,
  quiet,
  codeName,
  onChange,
  onCommit,
  onLookup,
}: Props) {
  const t = messages[locale];
  const numeric = def.type === 'decimal' || def.type === 'integer';
  const counter = def.type === 'string' && def.length >= COUNTER_FROM;
  const used = counter ? declaredByteLength(value) : 0;
  const cell = variant === 'cell';
  // A grid cell is only its input (a goods grid holds hundreds): the cell's description is its
  // title, and the byte count and message show in the grid's status line (CellStatus).
  const messageId = error && !cell ? `${id}-msg` : undefined;
  const title = cell
    ? [locked ? t.lockedField : '', codeName, error].filter(Boolean).join(' — ') || undefined
    : locked
      ? t.lockedField
      : undefined;
  const control = def.codeTable ? (
    <CodePicker
      id={id}
      path={path}
      table={def.codeTable}
      value={value}
      locale={locale}
      ariaLabel={cell ? label : undefined}
      describedBy={messageId}
      invalid={!!error && !quiet}
      readOnly={readOnly}
      title={title}
      onChange={(v) => onChange(path, v)}
      onCommit={() => onCommit(path)}
      onLookup={onLookup}
    />
  ) : (
    <input
      id={id}
      value={value}
      readOnly={readOnly}
      inputMode={numeric ? 'decimal' : undefined}
      aria-label={cell ? label : undefined}
      aria-invalid={error && !quiet ? true : undefined}
      aria-required={quiet ? true : undefined}
      aria-describedby={messageId}
      autoComplete="off"
      spellCheck={false}
      title={title}
      data-path={path}
      data-enter-nav=""
      onChange={(e) => onChange(path, e.target.value)}
      onBlur={() => onCommit(path)}
    />
  );
  if (cell) return control;
  return (
    <div
      className={`field field-form${!error ? '' : quiet ? ' field-required' : ' field-error'}${locked ? ' field-locked' : ''}`}
    >
      <label htmlFor={id}>
        {label}
        {locked ? (
          <span className="locked-mark" title={t.lockedField} aria-label={t.lockedField}>
            🔒
          </span>
        ) : null}
      </label>
      {/* What is under the label, one part: a box's grid lines up the inputs of a row below its longest label. */}
      <div className="field-body">
        {control}
        {codeName ? <span className="code-name">{codeName}</span> : null}
        {counter ? (
          <span className={`bytes${used > def.length ? ' over' : ''}`}>{t.bytes(used, def.length)}</span>
        ) : null}
        {error ? (
          <span id={messageId} className={quiet ? 'field-message sr-only' : 'field-message'}>
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
});
