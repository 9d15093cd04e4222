import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeclarationRecord, PatchOp } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { applyPatch, goodsDeclaration } from '../../../shared/catalog';
import { api, ApiCallError } from '../../api/client';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

const TYPING_DEBOUNCE_MS = 400;

/**
 * The editor's working copy of a declaration with autosave: every change is
 * applied locally at once and queued as a patch; typing is saved after a short
 * pause, a committed field (blur, Enter) at once, and saves run strictly in
 * order so revisions never cross.
 */
export function useDocEditor(record: DeclarationRecord) {
  const [doc, setDoc] = useState<DeclarationDoc>(record.doc);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const revision = useRef(record.revision);
  const currentId = useRef(record.id);
  const queue = useRef<PatchOp[]>([]);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busy = useRef(false);

  // Take the stored copy when another declaration is opened, or when main has a
  // newer revision (a receipt, another window) and nothing of ours is unsaved.
  useEffect(() => {
    const switched = record.id !== currentId.current;
    if (switched || (record.revision > revision.current && queue.current.length === 0 && !busy.current)) {
      currentId.current = record.id;
      revision.current = record.revision;
      setDoc(record.doc);
      setSaveState('saved');
      setError(null);
    }
  }, [record]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    chain.current = chain.current.then(async () => {
      const ops = queue.current;
      if (ops.length === 0) return;
      queue.current = [];
      busy.current = true;
      setSaveState('saving');
      try {
        const result = await api.invoke('declarations.update', { id: currentId.current, baseRevision: revision.current, ops });
        revision.current = result.revision;
        setError(null);
        setSaveState(queue.current.length > 0 ? 'dirty' : 'saved');
      } catch (e) {
        // Keep the edits: they go first in the next attempt.
        queue.current = [...ops, ...queue.current];
        setSaveState('error');
        setError(e instanceof ApiCallError ? e.message : String(e));
      } finally {
        busy.current = false;
      }
    });
    return chain.current;
  }, []);

  const enqueue = useCallback(
    (op: PatchOp, immediate: boolean) => {
      setDoc((current) => applyPatch(goodsDeclaration, current, [op]).doc);
      const last = queue.current[queue.current.length - 1];
      // Typing in one field replaces its queued value instead of piling up operations.
      if (op.op === 'set' && last?.op === 'set' && last.path === op.path) queue.current[queue.current.length - 1] = op;
      else queue.current.push(op);
      setSaveState('dirty');
      if (immediate) void flush();
      else {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), TYPING_DEBOUNCE_MS);
      }
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return {
    doc,
    saveState,
    error,
    setField: (path: string, value: string) => enqueue({ op: 'set', path, value }, false),
    commit: () => void flush(),
    structural: (op: PatchOp) => enqueue(op, true),
    flush,
  };
}
