import { useCallback, useState } from 'react';
import type { PatchOp } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { lineAmountOps, remapComputed } from './line-amounts';
import type { DocEditor } from './use-doc-editor';

const INPUTS = new Set(['GQty', 'DeclPrice', 'DeclTotal', 'GUnit', 'FirstUnit', 'SecondUnit']);

/**
 * A memory of goods-line fields by path, one per declaration opened in this editor (a declaration switched to starts
 * with an empty one).
 */
export function useMemoryPerDeclaration<T>(): (declarationId: string) => Map<string, T> {
  const [memories] = useState(() => new Map<string, Map<string, T>>());
  return useCallback(
    (id: string) => {
      let memory = memories.get(id);
      if (!memory) memories.set(id, (memory = new Map()));
      return memory;
    },
    [memories],
  );
}

/**
 * The editor's setField and structural for goods lines that compute their amounts as the broker keys (Settings → 常规,
 * on by default): after a 数量, 单价, 总价 or unit is set, the computed fields are set too, as edits of their own (saved
 * and journalled like the broker's). What the desk computed is remembered per declaration while it is open, and
 * follows its line when lines are added, removed or moved; a value the broker typed is never overwritten.
 */
export function useLineAmounts(
  editor: Pick<DocEditor, 'setField' | 'structural' | 'docRef'>,
  declarationId: string,
): Pick<DocEditor, 'setField' | 'structural'> {
  const enabled = useUi((s) => s.prefs.computeLines);
  const computedFor = useMemoryPerDeclaration<string>();
  const { setField: set, structural: apply, docRef } = editor;

  const setField = useCallback(
    (path: string, value: string) => {
      set(path, value);
      const match = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
      const key = match?.[2] ?? '';
      if (!enabled || !match || !INPUTS.has(key)) return;
      const index = Number(match[1]);
      const line = docRef.current.lines[index];
      if (!line) return;
      for (const op of lineAmountOps(line, index, key, computedFor(declarationId)))
        if (op.op === 'set') set(op.path, op.value);
    },
    [set, enabled, docRef, computedFor, declarationId],
  );
  const structural = useCallback(
    (op: PatchOp) => {
      apply(op);
      remapComputed(computedFor(declarationId), op);
    },
    [apply, computedFor, declarationId],
  );
  return { setField, structural };
}
