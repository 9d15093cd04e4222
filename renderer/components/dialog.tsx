import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Where the keyboard goes when a dialog has gone: back to what it was on before, unless the closer has put it somewhere
 * on purpose (the next field, a new declaration's first box) or that element has gone too.
 */
function giveFocusBack(opener: Element | null): void {
  const now = document.activeElement;
  if (now && now !== document.body && now.isConnected) return;
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
}

/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, and the focus comes back. */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // What had the focus as it opened, taken while rendering: a box inside with autoFocus takes the focus before any
  // effect of the dialog runs.
  const [opener] = useState(() => (open ? document.activeElement : null));
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  // Most dialogs render nothing once closed, so the <dialog> is removed while open; the browser gives the focus back
  // when a modal dialog is closed but not when it is removed, and the keyboard was left on the page's body (after
  // 另存为模板, after 申报's confirmation): a broker keying by keyboard had to reach for the mouse.
  useEffect(() => () => giveFocusBack(opener), [opener]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      // Escape on the dialog itself. A file input's "cancel" (its picker closed without a new file: cancelled, or
      // the same file chosen again) bubbles up to here too and must not close the dialog around it.
      onCancel={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onClose={onClose}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
