import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { useEditorUi } from './editor-store';
import { fieldDomId, placeOf } from './form-layout';
import { rememberPlace } from './place-memory';
import { moveToField } from './text-cell';

/** The element to focus for a finding that names a whole section rather than a field. */
function fallbackFor(path: string): HTMLElement | null {
  const section = /^([a-z][A-Za-z]*)/.exec(path)?.[1];
  if (section === 'lines') return document.getElementById('add-line');
  return section ? document.getElementById(`tab-${section}`) : null;
}

/**
 * Focuses a requested field once it is on screen: panels open, tabs switch and the grid scrolls
 * first (editor-store.requestFocus), so the field may appear a frame or two later.
 */
export function usePendingFocus(ieFlag: 'I' | 'E'): void {
  const pending = useEditorUi((s) => s.pendingFocus);
  useEffect(() => {
    if (!pending) return;
    const { scrollToLine, focusDone } = useEditorUi.getState();
    const place = placeOf(pending, ieFlag);
    if ((place.area === 'grid' || place.area === 'line-detail') && scrollToLine) scrollToLine(place.line);
    let frames = 0;
    let raf = 0;
    const attempt = () => {
      const target = document.getElementById(fieldDomId(pending)) ?? (frames > 3 ? fallbackFor(pending) : null);
      if (target) {
        // A grid's text cell becomes the current cell and hands the focus to its input; other fields are focused and
        // scrolled to in the next frame (no forced layout here).
        moveToField(target);
        focusDone();
      } else if (++frames < 30) raf = requestAnimationFrame(attempt);
      else focusDone();
    };
    attempt();
    return () => cancelAnimationFrame(raf);
  }, [pending, ieFlag]);
}

/**
 * Remembers the declaration and the field the user is in (in main, ui.setState), so reopening
 * after a closed window or a crash returns there.
 */
export function useRememberPlace(declarationId: string, initialField: string | null): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    void api.invoke('ui.setState', { declarationId, field: initialField, view: 'editor' }).catch(() => undefined);
    rememberPlace({ declarationId, field: initialField });
    const unsubscribe = useEditorUi.subscribe((state, previous) => {
      if (state.currentPath === previous.currentPath || !state.currentPath) return;
      const field = state.currentPath;
      rememberPlace({ declarationId, field });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(
        () => void api.invoke('ui.setState', { declarationId, field, view: 'editor' }).catch(() => undefined),
        250,
      );
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
    // Once per opened declaration; the field that opened it is only its starting point.
  }, [declarationId]); // eslint-disable-line react-hooks/exhaustive-deps
}
