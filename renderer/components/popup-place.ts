import type { CSSProperties } from 'react';

/** The gap between a field and the list under (or over) it, and the list's margin from the window's edges. */
const GAP = 2;
const MARGIN = 4;
/** The tallest a list grows before it scrolls (about ten options). */
export const LIST_MAX_HEIGHT = 260;
export const LIST_MIN_WIDTH = 260;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

/**
 * Where a field's list goes, in window coordinates (position: fixed, the list a child of the page, so no
 * container's clip or containment can hide it): under the field when it fits there or there is more room below,
 * otherwise above it; as tall as its options up to LIST_MAX_HEIGHT and never past the window; moved left as far
 * as needed to stay inside the window's right edge.
 */
export function placeList(
  anchor: Box,
  list: { width: number; height: number },
  viewport: { width: number; height: number },
): CSSProperties {
  const wanted = Math.min(LIST_MAX_HEIGHT, list.height);
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const minWidth = Math.min(Math.max(LIST_MIN_WIDTH, anchor.width), viewport.width - 2 * MARGIN);
  const width = Math.max(minWidth, Math.min(list.width, viewport.width - 2 * MARGIN));
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - MARGIN - width));
  const common: CSSProperties = { position: 'fixed', left, minWidth, maxWidth: viewport.width - 2 * MARGIN };
  if (below >= wanted || below >= above)
    return { ...common, top: anchor.bottom + GAP, maxHeight: Math.max(0, Math.min(LIST_MAX_HEIGHT, below)) };
  return {
    ...common,
    bottom: viewport.height - anchor.top + GAP,
    maxHeight: Math.max(0, Math.min(LIST_MAX_HEIGHT, above)),
  };
}

/** Where a list that floats over the page is rendered: inside an open modal dialog (the top layer) or the body. */
export function popupHost(anchor: Element | null): Element {
  return anchor?.closest('dialog') ?? document.body;
}
