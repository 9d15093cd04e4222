import type { PatchOp } from '../../../shared/api';

/**
 * A synchronous local copy of the edits not yet acknowledged by main, so a crash of the app or
 * of the host loses nothing typed: written to localStorage on every keystroke (a few hundred
 * bytes, microseconds), cleared when main has saved them, replayed when the declaration is
 * opened again. `baseRevision` is the revision the edits apply to; `inflight` is the save that
 * was on its way to main. A save that changes something makes exactly one revision, so on
 * reopening: at `baseRevision` nothing arrived (replay all); one past it, the save in flight was
 * committed and only its answer was lost (replay the rest); further on, the declaration changed
 * in other ways and the journal is dropped.
 */
export interface JournalEntry {
  baseRevision: number;
  inflight: PatchOp[];
  queued: PatchOp[];
}

const PREFIX = 'swdesk.journal.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeJournal(id: string, entry: JournalEntry): void {
  const store = storage();
  if (!store) return;
  try {
    if (entry.inflight.length === 0 && entry.queued.length === 0) store.removeItem(PREFIX + id);
    else store.setItem(PREFIX + id, JSON.stringify(entry));
  } catch {
    // A full or unavailable storage must never stop typing; main still gets the edits.
  }
}

export function readJournal(id: string): JournalEntry | null {
  const raw = storage()?.getItem(PREFIX + id);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<JournalEntry>;
    if (typeof parsed.baseRevision !== 'number' || !Array.isArray(parsed.inflight) || !Array.isArray(parsed.queued))
      return null;
    return { baseRevision: parsed.baseRevision, inflight: parsed.inflight, queued: parsed.queued };
  } catch {
    return null;
  }
}

export function clearJournal(id: string): void {
  try {
    storage()?.removeItem(PREFIX + id);
  } catch {
    // nothing to clear
  }
}

/** The edits to replay on opening a declaration at `revision`: the journal's, if they were never saved. */
export function pendingEdits(id: string, revision: number): PatchOp[] {
  const entry = readJournal(id);
  if (!entry) return [];
  if (revision === entry.baseRevision) return [...entry.inflight, ...entry.queued];
  if (revision === entry.baseRevision + 1 && entry.inflight.length > 0) return entry.queued;
  clearJournal(id);
  return [];
}
