import { useFailureState } from '../../components/failure-line';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createStore } from 'zustand/vanilla';
import type { DeclarationRecord, PatchOp } from '../../../shared/api';
import type { DeclarationDoc, Row } from '../../../shared/catalog';
import { applyPatch, findElement, goodsDeclaration, parseFieldPath } from '../../../shared/catalog';
import { api, ApiCallError, errorNotice } from '../../api/client';
import { trackOwnSave } from '../../api/own-saves';
import { keys, queryClient } from '../../api/queries';
import { isEditable } from '../../../shared/status';
import { clearJournal, pendingEdits, writeJournal } from './edit-journal';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

const TYPING_DEBOUNCE_MS = 400;

function withValue(row: Row, key: string, value: string): Row {
  if (value !== '') return { ...row, [key]: value };
  const { [key]: _removed, ...rest } = row;
  return rest;
}

/**
 * Applies one edit to the working copy, sharing every row it does not touch, so a keystroke
 * re-renders one field and one grid row, not the declaration. Structural edits (rows added,
 * removed, moved) go through the catalog's applyPatch, which also refuses what it must.
 */
export function applyLocal(doc: DeclarationDoc, op: PatchOp): DeclarationDoc {
  const path = op.op === 'set' ? parseFieldPath(op.path) : null;
  // Unknown fields take the catalog's path below, which refuses them (main would refuse the whole save).
  if (
    op.op === 'set' &&
    path &&
    findElement(goodsDeclaration, path.kind === 'head' ? 'head' : path.table, path.element)
  ) {
    if (path?.kind === 'head') return { ...doc, head: withValue(doc.head, path.element, op.value) };
    if (path?.kind === 'row' && path.table === 'lines' && doc.lines[path.index]) {
      const lines = doc.lines.slice();
      lines[path.index] = withValue(doc.lines[path.index] ?? {}, path.element, op.value);
      return { ...doc, lines };
    }
    if (path?.kind === 'row' && doc.tables[path.table]?.[path.index]) {
      const rows = (doc.tables[path.table] ?? []).slice();
      rows[path.index] = withValue(rows[path.index] ?? {}, path.element, op.value);
      return { ...doc, tables: { ...doc.tables, [path.table]: rows } };
    }
  }
  return applyPatch(goodsDeclaration, doc, [op]).doc;
}

/** The index of a queued set of `path` among the queue's trailing run of sets; -1 when there is none. */
function sameFieldQueued(queue: readonly PatchOp[], path: string): number {
  for (let i = queue.length - 1; i >= 0; i--) {
    const op = queue[i];
    if (op?.op !== 'set') return -1;
    if (op.path === path) return i;
  }
  return -1;
}

function replay(doc: DeclarationDoc, ops: readonly PatchOp[]): DeclarationDoc | null {
  try {
    return ops.reduce(applyLocal, doc);
  } catch {
    return null;
  }
}

/**
 * The editor's working copy of a declaration with autosave: every change is applied locally at
 * once, journalled synchronously (edit-journal.ts) and queued as a patch; typing is saved after
 * a short pause, a committed field (blur, Enter) at once, and saves run strictly in order so
 * revisions never cross. Edits journalled but never saved (a crash) are replayed on opening.
 */
export function useDocEditor(
  record: DeclarationRecord,
  mode: 'save' | 'copy' = 'save',
  copyFrom?: DeclarationDoc | null,
) {
  // 'copy': the 修改申请's editable copy of a declaration customs holds — never saved over the declaration (its edits
  // become the request's DecModList), so nothing is journalled or sent to main here; it starts from `copyFrom`, the
  // draft kept of it, when there is one (the modify feature keeps that draft).
  const copy = mode === 'copy';
  const [initial] = useState(() => {
    if (copy) return { doc: copyFrom ?? record.doc, ops: [] as PatchOp[] };
    // A declaration declared since (by F9 after the edits were saved, or elsewhere) takes no edits.
    if (!isEditable(record.workflow, record.channel)) {
      clearJournal(record.id);
      return { doc: record.doc, ops: [] as PatchOp[] };
    }
    const ops = pendingEdits(record.id, record.revision);
    const doc = ops.length > 0 ? replay(record.doc, ops) : null;
    return doc ? { doc, ops } : { doc: record.doc, ops: [] as PatchOp[] };
  });
  const [doc, setDoc] = useState<DeclarationDoc>(initial.doc);
  // The save state lives in a store of its own: it changes on every keystroke and save, and only
  // the indicator shows it — the editor around it need not render again for it.
  const [saveStore] = useState(() =>
    createStore<{ state: SaveState }>(() => ({ state: initial.ops.length > 0 ? 'dirty' : 'saved' })),
  );
  const setSaveState = useCallback((state: SaveState) => saveStore.setState({ state }), [saveStore]);
  const [error, setError] = useFailureState();
  const [restored] = useState(initial.ops.length);
  const docRef = useRef(initial.doc);
  const revision = useRef(record.revision);
  const currentId = useRef(record.id);
  const queue = useRef<PatchOp[]>(initial.ops);
  const inflight = useRef<PatchOp[]>([]);
  /**
   * A save whose answer never came (the connection broke): main may have applied it. It is sent again as it
   * was — the same operations on the same revision with the same request id — so main answers as it did
   * and never applies it twice; merged with later edits it would be a new call applied a second time.
   */
  const unanswered = useRef<{ id: string; base: number; count: number; requestId: string } | null>(null);
  const flushAgain = useRef<() => Promise<void>>(() => Promise.resolve());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  /** What this editor saved since the cached record was last brought up to date, and on what revision. */
  const saved = useRef<{ id: string; base: number; revision: number; updatedAt: string; doc: DeclarationDoc } | null>(
    null,
  );

  // The cached record is not fetched back after our own saves (queries.ts). Once the editor is
  // closed it is brought to the revision saved, so reopening shows the declaration as saved, not an
  // older copy. Not while open: a new record would render the whole editor again on every save.
  const syncCachedRecord = useCallback(() => {
    const last = saved.current;
    if (!last) return;
    saved.current = null;
    queryClient.setQueryData<DeclarationRecord>(keys.declaration(last.id), (old) =>
      old && old.revision === last.base
        ? { ...old, doc: last.doc, revision: last.revision, updatedAt: last.updatedAt }
        : old,
    );
  }, []);
  useEffect(
    () => () => {
      mounted.current = false;
      syncCachedRecord();
    },
    [syncCachedRecord],
  );

  const journal = useCallback(
    () =>
      !copy &&
      writeJournal(currentId.current, {
        baseRevision: revision.current,
        inflight: inflight.current,
        queued: queue.current,
      }),
    [copy],
  );

  // Take the stored copy when another declaration is opened, or when main has a newer revision
  // (a receipt, a declare) and nothing of ours is unsaved.
  useEffect(() => {
    const switched = record.id !== currentId.current;
    // Not the copy's: it stays as the broker edited it (its draft would otherwise be saved as the declaration).
    if (
      switched ||
      (!copy && record.revision > revision.current && queue.current.length === 0 && inflight.current.length === 0)
    ) {
      currentId.current = record.id;
      revision.current = record.revision;
      docRef.current = record.doc;
      setDoc(record.doc);
      setSaveState('saved');
      setError(null);
    }
  }, [record, copy, setError, setSaveState]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // The copy's edits stay queued (so a receipt's new revision does not replace them) and are never saved.
    if (copy) return chain.current;
    chain.current = chain.current.then(async () => {
      const id = currentId.current;
      const again = unanswered.current?.id === id ? unanswered.current : null;
      unanswered.current = null;
      const ops = again ? queue.current.slice(0, again.count) : queue.current;
      if (ops.length === 0) return;
      queue.current = queue.current.slice(ops.length);
      inflight.current = ops;
      journal();
      setSaveState('saving');
      // The document these operations make (with what is still queued, when an unanswered save goes again).
      const savedDoc = docRef.current;
      const base = again ? again.base : revision.current;
      const requestId = again ? again.requestId : crypto.randomUUID();
      try {
        const result = await trackOwnSave(
          id,
          api.invoke('declarations.update', { id, baseRevision: base, ops, requestId }),
        );
        revision.current = result.revision;
        saved.current = {
          id,
          base: saved.current?.id === id ? saved.current.base : base,
          revision: result.revision,
          updatedAt: result.updatedAt,
          doc: savedDoc,
        };
        if (!mounted.current) syncCachedRecord();
        setError(null);
        setSaveState(queue.current.length > 0 ? 'dirty' : 'saved');
        // The edits made while the unanswered save was out go next, in a call of their own.
        if (again && queue.current.length > 0) void Promise.resolve().then(() => flushAgain.current());
      } catch (e) {
        // Keep the edits: they go first in the next attempt.
        queue.current = [...ops, ...queue.current];
        if (!(e instanceof ApiCallError)) unanswered.current = { id, base, count: ops.length, requestId };
        if (e instanceof ApiCallError && e.code === 'CONFLICT') {
          // Changed elsewhere (a receipt returned it for correction): our edits are field sets
          // and row operations, so they are re-applied on the stored copy and saved on it.
          try {
            const latest = await api.invoke('declarations.get', { id: currentId.current });
            const rebased = replay(latest.doc, queue.current);
            if (rebased) {
              revision.current = latest.revision;
              docRef.current = rebased;
              setDoc(rebased);
            }
          } catch {
            // Reported below; the next save tries again.
          }
        }
        setSaveState('error');
        setError(errorNotice(e));
      } finally {
        inflight.current = [];
        journal();
      }
    });
    return chain.current;
  }, [copy, journal, setError, setSaveState, syncCachedRecord]);

  const enqueue = useCallback(
    (op: PatchOp, immediate: boolean) => {
      const next = applyLocal(docRef.current, op);
      docRef.current = next;
      setDoc(next);
      // Typing in one field replaces its queued value instead of piling up operations — also while the fields a goods
      // line computes are set between keystrokes (only among the queue's trailing field sets: a row operation in
      // between changes what a path means), and never one of an unanswered save, which must go again as it was.
      const queued = op.op === 'set' ? sameFieldQueued(queue.current, op.path) : -1;
      if (queued >= 0 && queued >= (unanswered.current?.count ?? 0)) queue.current[queued] = op;
      else queue.current.push(op);
      journal();
      setSaveState('dirty');
      if (immediate) void flush();
      else {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), TYPING_DEBOUNCE_MS);
      }
    },
    [flush, journal, setSaveState],
  );

  useEffect(() => {
    flushAgain.current = flush;
  }, [flush]);

  useEffect(() => {
    // Replayed edits are saved at once.
    if (queue.current.length > 0) void flush();
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

  const setField = useCallback((path: string, value: string) => enqueue({ op: 'set', path, value }, false), [enqueue]);
  const commit = useCallback(() => void flush(), [flush]);
  const structural = useCallback(
    (op: PatchOp) => {
      try {
        enqueue(op, true);
      } catch (e) {
        setError(errorNotice(e));
      }
    },
    [enqueue, setError],
  );

  return {
    doc,
    docRef,
    saveStore,
    /** The save state now (the indicator subscribes to saveStore). */
    get saveState(): SaveState {
      return saveStore.getState().state;
    },
    error,
    restored,
    setField,
    commit,
    structural,
    flush,
  };
}

export type DocEditor = ReturnType<typeof useDocEditor>;
