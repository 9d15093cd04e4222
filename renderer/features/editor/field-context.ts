import type { DeclarationDoc, ElementDef } from '../../../shared/catalog';
import { labelOf, parseFieldPath, readField } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { elementOf, fieldDomId } from './form-layout';

export interface FieldError {
  message: string;
  /** An empty required field: marked as still to fill (not red), the message kept for screen readers and the panel. */
  quiet: boolean;
}

/** What every field of the editor needs, passed down once. */
export interface FieldContext {
  doc: DeclarationDoc;
  errors: ReadonlyMap<string, FieldError>;
  locale: Locale;
  ieFlag: 'I' | 'E';
  editable: boolean;
  /** Fields read-only even where the form is editable (the 修改申请 copy's: the hub refuses a change there). */
  locked?(path: string): boolean;
  /**
   * The 修改申请 copy's goods lines are the ones declared: a request changes their values, never their number or order,
   * so the grid offers no line to add or remove.
   */
  fixedRows?: boolean;
  setField(path: string, value: string): void;
  commit(path: string): void;
  /** A coded field's lookup list opened or closed: the checks wait while its text is not yet a code (use-findings). */
  onLookup?(path: string, open: boolean): void;
  codeName(table: string, code: string): string;
  /**
   * The head as it is now, for a click that reads fields of other boxes (同上): a box renders only when its own fields
   * change, so the head it was rendered with may be older. Without it, the head of `doc`.
   */
  headNow?(): DeclarationDoc['head'];
}

const statics = new Map<string, { id: string; def: ElementDef; label: string } | null>();

/** What a field's props need from the catalog, worked out once per path, language and direction. */
function fieldStatics(path: string, locale: Locale, ieFlag: 'I' | 'E') {
  const key = `${path}|${locale}|${ieFlag}`;
  let found = statics.get(key);
  if (found === undefined) {
    const parsed = parseFieldPath(path);
    const def = parsed ? elementOf(parsed) : undefined;
    found = def ? { id: fieldDomId(path), def, label: labelOf(def, locale, ieFlag) } : null;
    statics.set(key, found);
  }
  return found;
}

/** The props of the FieldInput for a path and its value; null when the catalog has no such field. */
export function fieldPropsFor(path: string, value: string, ctx: Omit<FieldContext, 'doc'>, variant: 'form' | 'cell') {
  const known = fieldStatics(path, ctx.locale, ctx.ieFlag);
  if (!known) return null;
  const { def } = known;
  const error = ctx.errors.get(path);
  const locked = ctx.locked?.(path) ?? false;
  return {
    id: known.id,
    path,
    def,
    label: known.label,
    value,
    locale: ctx.locale,
    variant,
    readOnly: !ctx.editable || locked,
    locked,
    error: error?.message,
    quiet: error?.quiet ?? false,
    codeName: def.codeTable && value ? ctx.codeName(def.codeTable, value) : undefined,
    onChange: ctx.setField,
    onCommit: ctx.commit,
    onLookup: ctx.onLookup,
  };
}

/** The props of the FieldInput for a path of the declaration. */
export function fieldProps(path: string, ctx: FieldContext, variant: 'form' | 'cell') {
  const parsed = parseFieldPath(path);
  return parsed ? fieldPropsFor(path, readField(ctx.doc, parsed), ctx, variant) : null;
}
