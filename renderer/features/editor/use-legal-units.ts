import { useCallback, useEffect, useRef } from 'react';
import type { PatchOp } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { tariffLine } from '../../api/code-tables';
import { legalUnitWrites, UNIT_KEYS, type TypedUnit } from './legal-units';
import { remapComputed } from './line-amounts';
import type { DocEditor } from './use-doc-editor';
import { useMemoryPerDeclaration } from './use-line-amounts';

const LINE_FIELD = /^lines\[(\d+)\]\.(\w+)$/;
const HS_CODE = /^\d{10}$/;

/**
 * The editor's setField and structural for goods lines whose 商品编号 sets their legal units: whenever a line's CodeTS
 * becomes a code the tariff knows — keyed, picked, taken from the product library, or pasted (a pasted line comes as a
 * whole row) — 法定第一/第二计量单位 are set from its tariff line (legal-units.ts), as edits through `editor` (so the
 * legal quantities follow, in use-line-amounts). The units the broker sets by hand are remembered per declaration,
 * with the code the line held, and follow their lines when lines are added, removed or moved.
 */
export function useLegalUnits(
  editor: Pick<DocEditor, 'setField' | 'structural' | 'docRef'>,
  declarationId: string,
): Pick<DocEditor, 'setField' | 'structural'> {
  const typedFor = useMemoryPerDeclaration<TypedUnit>();
  const current = useRef(declarationId);
  useEffect(() => {
    current.current = declarationId;
  }, [declarationId]);
  const { setField: set, structural: apply, docRef } = editor;

  const fill = useCallback(
    async (index: number, code: string) => {
      // The tariff answers after the broker may have moved on: the line is judged as it is then.
      const info = await tariffLine(code).catch(() => undefined);
      const line = docRef.current.lines[index];
      if (!info || !line || current.current !== declarationId) return;
      for (const [path, value] of legalUnitWrites(line, index, info, typedFor(declarationId))) set(path, value);
    },
    [set, docRef, typedFor, declarationId],
  );

  /** What an edit of a goods-line field means here: a code to look up, or a unit set by hand. */
  const noted = useCallback(
    (path: string, value: string) => {
      const match = LINE_FIELD.exec(path);
      if (!match) return;
      const index = Number(match[1]);
      const key = match[2] ?? '';
      if (key === 'CodeTS' && HS_CODE.test(value)) void fill(index, value);
      // An emptied unit is nothing to keep: a product from the library writes its empty units after its code.
      else if (UNIT_KEYS.includes(key) && value === '') typedFor(declarationId).delete(path);
      else if (UNIT_KEYS.includes(key))
        typedFor(declarationId).set(path, { value, code: docRef.current.lines[index]?.CodeTS ?? '' });
    },
    [fill, typedFor, declarationId, docRef],
  );

  const setField = useCallback(
    (path: string, value: string) => {
      set(path, value);
      noted(path, value);
    },
    [set, noted],
  );
  /**
   * A goods line added whole (appended, copied, or pasted over a line: removed, then put back rewritten at its
   * place): a code it brings is looked up, and the units it brings count as typed for that code, except those the line
   * it replaced already held (left from the previous code).
   */
  const inserted = useCallback(
    (index: number, row: Row, was: Row | undefined) => {
      const code = row.CodeTS ?? '';
      if (!HS_CODE.test(code) || was?.CodeTS === code) return;
      for (const key of UNIT_KEYS) {
        const value = row[key] ?? '';
        if (value !== '' && value !== (was?.[key] ?? ''))
          typedFor(declarationId).set(`lines[${index}].${key}`, { value, code });
      }
      void fill(index, code);
    },
    [fill, typedFor, declarationId],
  );
  const removed = useRef<{ index: number; line: Row } | null>(null);
  const structural = useCallback(
    (op: PatchOp) => {
      const before = op.op === 'removeRow' && op.table === 'lines' ? docRef.current.lines[op.index] : undefined;
      apply(op);
      const replaced = removed.current;
      removed.current = op.op === 'removeRow' && before ? { index: op.index, line: before } : null;
      if (op.op === 'set') {
        noted(op.path, op.value);
        return;
      }
      remapComputed(typedFor(declarationId), op);
      if (op.op !== 'insertRow' || op.table !== 'lines' || !op.row) return;
      const index = op.index ?? docRef.current.lines.length - 1;
      inserted(index, op.row, replaced?.index === index ? replaced.line : undefined);
    },
    [apply, noted, inserted, typedFor, declarationId, docRef],
  );
  return { setField, structural };
}
