/**
 * The declaration and field the user is in, written synchronously on every focus change. Main
 * keeps the same (ui.setState, debounced); this copy survives a crash that comes before the
 * debounce, so reopening returns to the very field being typed.
 */
const KEY = 'swdesk.place';

export interface Place {
  declarationId: string;
  field: string | null;
}

export function rememberPlace(place: Place | null): void {
  try {
    if (place) localStorage.setItem(KEY, JSON.stringify(place));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: main's copy still answers.
  }
}

export function recallPlace(): Place | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Place>;
    return typeof parsed.declarationId === 'string'
      ? { declarationId: parsed.declarationId, field: typeof parsed.field === 'string' ? parsed.field : null }
      : null;
  } catch {
    return null;
  }
}
