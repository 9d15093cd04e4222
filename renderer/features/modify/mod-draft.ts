import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { DeclarationDoc } from '../../../shared/catalog';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { modifyMessages } from './modify-messages';
import { useModifyUi } from './modify-store';

/** Typing is saved after this pause (as the editor saves a declaration); leaving the copy saves at once. */
const DRAFT_PAUSE_MS = 400;

export const modDraftKey = (id: string) => ['declaration', id, 'mod-draft'] as const;

const fetchDraft = (id: string) => api.invoke('declarations.modDraft', { id });

/** The unsent modification of a declaration customs holds (null: none being prepared). */
export function useModDraft(id: string, enabled: boolean) {
  return useQuery({ queryKey: modDraftKey(id), queryFn: () => fetchDraft(id), enabled });
}

/** The copy's edits not yet saved, by declaration: one timer each, so the last edit is the one kept. */
const pending = new Map<string, { doc: DeclarationDoc; timer: ReturnType<typeof setTimeout> }>();

/** Saves the copy's edits still waiting for their pause now; a refusal is told in the UI language. */
export async function flushDraft(id: string): Promise<void> {
  const waiting = pending.get(id);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  pending.delete(id);
  try {
    await api.invoke('declarations.saveModDraft', { id, doc: waiting.doc });
  } catch (e) {
    useUi
      .getState()
      .notify({ kind: 'error', message: errorNotice(e, modifyMessages[useUi.getState().locale].draftNotSaved) });
  }
}

/** The copy is done with (queued or discarded): what was waiting to be saved is dropped, and the draft is gone. */
export function draftDone(id: string): void {
  const waiting = pending.get(id);
  if (waiting) clearTimeout(waiting.timer);
  pending.delete(id);
  queryClient.setQueryData(modDraftKey(id), null);
}

/**
 * 修改申请's copy kept as a draft while it is edited: each change saved after a pause, and at once when the broker
 * leaves the copy (the editor closed, the window hidden), so that closing the editor or the app loses nothing.
 */
export function useKeepModDraft(id: string, doc: DeclarationDoc, active: boolean): void {
  const opened = useRef(doc);
  useEffect(() => {
    if (!active || doc === opened.current) return;
    const waiting = pending.get(id);
    if (waiting) clearTimeout(waiting.timer);
    pending.set(id, { doc, timer: setTimeout(() => void flushDraft(id), DRAFT_PAUSE_MS) });
  }, [active, id, doc]);
  useEffect(() => {
    if (!active) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushDraft(id);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      // The offer to continue shows the copy as it was left.
      void flushDraft(id).then(() => queryClient.invalidateQueries({ queryKey: modDraftKey(id) }));
    };
  }, [active, id]);
}

/** 继续修改申请 (or Alt+M with a draft kept): the copy opens as the broker left it. */
export async function resumeCopy(id: string): Promise<void> {
  await flushDraft(id);
  try {
    const draft = await queryClient.fetchQuery({
      queryKey: modDraftKey(id),
      queryFn: () => fetchDraft(id),
      staleTime: 0,
    });
    useModifyUi.getState().startCopy(id, draft?.doc ?? null);
  } catch (e) {
    // Not opened from the declaration instead: its first save would replace the draft that could not be read.
    useUi.getState().notify({ kind: 'error', message: errorNotice(e) });
  }
}

// Leaving the declaration whose copy is open (another one opened, or the list: Alt+L keeps it selected) ends the copy,
// its draft kept: opening it again offers to continue.
useUi.subscribe((now) => {
  const { copyOf, endCopy } = useModifyUi.getState();
  if (copyOf !== null && (now.view !== 'editor' || now.selectedId !== copyOf)) endCopy();
});
