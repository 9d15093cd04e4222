import type { FormEvent, ReactNode } from 'react';

const stay = (event: FormEvent) => event.preventDefault();
/** No box of its own: what it holds is laid out as without it. */
const asIfAbsent = { display: 'contents' } as const;

/**
 * A few fields of the declaration (a box of the form, the goods grid, a sub-table) as a form of their own, drawn as
 * if it were not there (display: contents). Why: Chromium's autofill, on every change of a field that belongs to no
 * form, reads every such field in the page — on the editor some 300 style checks per keystroke, 14–20 ms on these
 * machines before the frame can be drawn; a field in a form makes it read that form only. Nothing is submitted:
 * Enter moves between fields (onEditorEnter), and a submit the browser would make on its own is stopped.
 */
export function FieldScope({ children }: { children: ReactNode }) {
  return (
    <form className="field-scope" style={asIfAbsent} noValidate onSubmit={stay}>
      {children}
    </form>
  );
}
