import type { ReactNode } from 'react';
import { Dialog } from './dialog';

/**
 * A dialog that is one form: Enter or its submit button runs `onSubmit` in place of the browser's page submit (the
 * action shows its own failure), and Escape closes the dialog.
 */
export function FormDialog({
  title,
  className,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  className: string;
  onSubmit(): void | Promise<void>;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} open onClose={onClose}>
      <form
        noValidate
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
