import type { KeyboardEvent } from 'react';

/** The fields Enter walks through, in screen order: inputs marked data-enter-nav that can take focus. */
export function navigableFields(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-enter-nav]')).filter(
    (el) => !el.hasAttribute('disabled') && !el.closest('[inert], [hidden], fieldset:disabled'),
  );
}

/**
 * Focuses a field as Enter reaches it, its text selected, without making the browser lay the page out there and then:
 * focus() scrolls the field into view, which needs the layout up to date (a whole-page layout after the DOM changed,
 * as when a goods line's cell turned into an input), and select() focuses again with the same scroll. The scroll is
 * done in the next animation frame instead, where the frame lays the page out anyway, and only moves what needs to.
 */
export function focusField(el: HTMLElement): void {
  el.focus({ preventScroll: true });
  if (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio')
    el.setSelectionRange(0, el.value.length);
  requestAnimationFrame(() => {
    if (document.activeElement === el) el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });
}

/**
 * Enter moves to the next field and Shift+Enter back, as brokers are used to in the single
 * window's forms; Tab keeps working as usual. A code picker handles Enter first (it picks the
 * highlighted code), then this moves on. Committing happens on blur. `moveTo` takes the field
 * reached (a grid's text cell hands its focus to the input it becomes; see text-cell.tsx).
 */
export function onEnterNavigate(
  event: KeyboardEvent<HTMLElement>,
  moveTo: (next: HTMLElement) => void = focusField,
): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (!target.matches('[data-enter-nav]')) return;
  const fields = navigableFields(event.currentTarget);
  const index = fields.indexOf(target);
  const next = fields[index + (event.shiftKey ? -1 : 1)];
  event.preventDefault();
  if (!next) return;
  target.blur();
  moveTo(next);
}
