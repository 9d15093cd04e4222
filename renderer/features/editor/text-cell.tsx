import { memo } from 'react';
import { focusField } from '../../components/enter-navigation';
import { fitCellText } from './cell-fit';
import { useEditorUi } from './editor-store';

/** The text cell focused before it turned into an input: its input takes the focus once rendered. */
let handedFocus: string | null = null;

/**
 * A cell the cursor is not in: its value as text, named and reached like the input it stands for
 * (same id, label, Enter and Tab order). Focusing it makes it the current cell, which is an input
 * (or a code picker), and the input takes the focus with its text selected, in the same task, before
 * the next key. Why: every input on screen costs the browser's compositor on every frame (each is a
 * scroller), and turning a whole line of 21 cells into inputs and back cost a keystroke's frame
 * whenever the cursor changed line; text costs neither.
 */
export const TextCell = memo(function TextCell({
  id,
  path,
  label,
  value,
  codeName,
  error,
  quiet,
  width,
}: {
  id: string;
  path: string;
  label: string;
  value: string;
  /** The column's width (px): the text is cut to it, with "…" (see cell-fit.ts). */
  width: number;
  codeName: string | undefined;
  error: string | undefined;
  quiet: boolean;
}) {
  const fit = fitCellText(value, width);
  return (
    <span
      id={id}
      className="cell-text"
      role="textbox"
      tabIndex={0}
      aria-label={label}
      aria-invalid={error && !quiet ? true : undefined}
      aria-required={quiet ? true : undefined}
      title={[fit.cut ? value : '', codeName, error].filter(Boolean).join(' — ') || undefined}
      data-path={path}
      data-value={fit.cut ? value : undefined}
      data-enter-nav=""
      onFocus={() => {
        handedFocus = path;
        useEditorUi.getState().setCurrent(path);
      }}
    >
      {fit.cut ? (
        <>
          <span aria-hidden="true">{fit.text}</span>
          <span className="sr-only">{value}</span>
        </>
      ) : (
        value
      )}
    </span>
  );
});

/**
 * Called once the input for `path` is rendered: when its text cell was the one focused, the input takes the focus,
 * its text selected (as Enter into an input selects it).
 */
export function focusHandedTo(path: string): void {
  if (handedFocus !== path) return;
  handedFocus = null;
  const input = document.querySelector<HTMLInputElement>(`input[data-path="${path}"]`);
  if (input) focusField(input);
}

/**
 * Moves the cursor to a field Enter reached: a text cell is not focused on the way to its input (the focus, its event
 * and a render in between cost a forced style and layout of the page each); the cell becomes the current cell and its
 * input takes the focus once rendered. Any other field is focused as usual.
 */
export function moveToField(next: HTMLElement): void {
  const path = next.dataset.path;
  if (next.classList.contains('cell-text') && path) {
    handedFocus = path;
    useEditorUi.getState().setCurrent(path);
  } else focusField(next);
}
