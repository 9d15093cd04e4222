import type { KeyboardEvent } from 'react';

/** The fields Enter walks through, in screen order: inputs marked data-enter-nav that can take focus. */
export function navigableFields(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-enter-nav]')).filter(
    (el) => !el.hasAttribute('disabled') && !el.closest('[inert], [hidden], fieldset:disabled'),
  );
}

/**
 * Enter moves to the next field and Shift+Enter back, as brokers are used to in the single
 * window's forms; Tab keeps working as usual. A code picker handles Enter first (it picks the
 * highlighted code), then this moves on. Committing happens on blur.
 */
export function onEnterNavigate(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (!target.matches('[data-enter-nav]')) return;
  const fields = navigableFields(event.currentTarget);
  const index = fields.indexOf(target);
  const next = fields[index + (event.shiftKey ? -1 : 1)];
  event.preventDefault();
  if (!next) return;
  target.blur();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}
