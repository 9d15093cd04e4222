import { useCallback, useEffect, useRef } from 'react';
import { partySlotOf } from '../../../shared/libraries';
import { api } from '../../api/client';
import { useEditorUi } from './editor-store';
import { keyedCodeOf, planFill } from './keyed-party';
import type { DocEditor } from './use-doc-editor';

/**
 * The editor's setField for party boxes that learn from what is keyed: a customs code (10 characters) or USCC (18)
 * keyed in full in 境内收发货人, 消费使用单位 / 生产销售单位 or 申报单位 is looked up (parties.keyed: the party library,
 * then the newest declaration here holding it), and the party found fills the box's other fields (keyed-party.ts
 * says which), as edits saved like the broker's. The box shows a note naming what was filled, with 撤销 putting
 * back exactly what the fields held; the note goes once the broker edits the box again (its undo would then be
 * ambiguous) or another fill replaces it. A lookup that fails or finds nothing changes nothing.
 */
export function useKeyedParty(
  editor: Pick<DocEditor, 'docRef' | 'commit'> & { setField(path: string, value: string): void },
  declarationId: string,
  ieFlag: 'I' | 'E',
): (path: string, value: string) => void {
  const { setField: set, docRef, commit } = editor;
  const current = useRef(declarationId);
  useEffect(() => {
    current.current = declarationId;
  }, [declarationId]);

  const lookUp = useCallback(
    async (path: string, value: string) => {
      const keyed = keyedCodeOf(path, value, ieFlag);
      if (!keyed) return;
      const atKeying = docRef.current.head;
      const found = await api
        .invoke('parties.keyed', { kind: keyed.kind, value: keyed.value, exceptId: declarationId })
        .catch(() => null);
      if (!found || current.current !== declarationId) return;
      const fill = planFill(keyed, found, atKeying, docRef.current.head, ieFlag);
      if (!fill) return;
      for (const [p, v] of Object.entries(fill.writes)) set(p, v);
      commit();
      const undo = () => {
        if (current.current !== declarationId) return;
        for (const [p, v] of Object.entries(fill.previous)) set(p, v);
        commit();
        useEditorUi.getState().setPartyFill(null);
      };
      useEditorUi.getState().setPartyFill({ fill, undo });
    },
    [set, commit, docRef, declarationId, ieFlag],
  );

  return useCallback(
    (path: string, value: string) => {
      set(path, value);
      const shown = useEditorUi.getState().partyFill;
      if (shown && partySlotOf(path, ieFlag) === shown.fill.slot) useEditorUi.getState().setPartyFill(null);
      void lookUp(path, value);
    },
    [set, lookUp, ieFlag],
  );
}
