import type { KeyboardEvent } from 'react';

/**
 * Enter moves to the next field and Shift+Enter back, as brokers are used to
 * in the single window's forms; Tab keeps working as usual.
 */
export function onEnterNavigate(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (!target.matches('[data-enter-nav]')) return;
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-enter-nav]')).filter((el) => !el.hasAttribute('disabled'));
  const index = fields.indexOf(target);
  const next = fields[index + (event.shiftKey ? -1 : 1)];
  event.preventDefault();
  target.blur();
  next?.focus();
}
