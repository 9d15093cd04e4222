import { navigableFields } from '../../components/enter-navigation';
import { useEditorUi } from './editor-store';

/**
 * The field Enter would reach after the last of `paths` on screen (a box just filled whole), as a path; null when
 * none of them is on screen or nothing follows.
 */
export function fieldAfter(paths: ReadonlySet<string>, root: ParentNode = document): string | null {
  const fields = navigableFields(root.querySelector('.editor') ?? root);
  let last = -1;
  fields.forEach((el, i) => {
    if (paths.has(el.dataset.path ?? '')) last = i;
  });
  return last >= 0 ? (fields[last + 1]?.dataset.path ?? null) : null;
}

/** After a box was filled at one go (F3, 同上) the cursor goes on to the field that follows the box. */
export function focusAfter(paths: ReadonlySet<string>, ieFlag: 'I' | 'E', fallback: string | null): void {
  const next = fieldAfter(paths) ?? fallback;
  if (next) useEditorUi.getState().requestFocus(next, ieFlag);
}
