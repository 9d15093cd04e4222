import type { DeclarationDoc } from '../../shared/catalog';
import type { FieldContext } from '../../renderer/features/editor/field-context';

const noErrors = new Map();
const nothing = () => undefined;
const noName = () => '';

/**
 * What the editor hands its fields, for tests: `doc` editable, an import in zh-CN with no errors, no code names and
 * nothing done on a commit or a change, with what a test sets over it. Its callbacks are the same from call to call,
 * as the editor keeps them, so a test of what re-renders sees only what it changes.
 */
export function testFieldContext(doc: DeclarationDoc, overrides: Partial<FieldContext> = {}): FieldContext {
  return {
    doc,
    errors: noErrors,
    locale: 'zh-CN',
    ieFlag: 'I',
    editable: true,
    setField: nothing,
    commit: nothing,
    codeName: noName,
    ...overrides,
  };
}
