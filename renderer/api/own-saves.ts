/**
 * The saves this window made. Main announces every save (declarations.changed, with the
 * revision for a plain edit); the editor that made it already holds that revision, so fetching
 * the whole declaration back after every Enter would only cost the next keystroke its frame.
 * The announcement can arrive before the save's own answer, so a save in flight is waited for.
 */
const RECENT_PER_DECLARATION = 8;

const inflight = new Map<string, Promise<void>>();
const saved = new Map<string, number[]>();

/** Registers a save of `id`; resolves to the save's own result. */
export function trackOwnSave<T extends { revision: number }>(id: string, save: Promise<T>): Promise<T> {
  const settled = save.then(
    (result) => {
      const revisions = [...(saved.get(id) ?? []), result.revision].slice(-RECENT_PER_DECLARATION);
      saved.set(id, revisions);
    },
    () => undefined,
  );
  inflight.set(id, settled);
  void settled.then(() => {
    if (inflight.get(id) === settled) inflight.delete(id);
  });
  return save;
}

/** Whether `revision` of `id` is one this window saved (waiting for a save of it still under way). */
export async function isOwnSave(id: string, revision: number): Promise<boolean> {
  const pending = inflight.get(id);
  if (pending) await pending;
  return saved.get(id)?.includes(revision) ?? false;
}

/** For tests: forget every save. */
export function resetOwnSaves(): void {
  inflight.clear();
  saved.clear();
}
