import { useCallback } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import { api } from '../../api/client';
import { refusalNotice, useBusy } from '../../components/busy-call';
import { keys, queryClient } from '../../api/queries';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';

export interface CompleteDeclaration {
  /** Whether this declaration is a released 概要 whose 完整申报 may be opened now. */
  available: boolean;
  busy: boolean;
  /** Opens the 完整申报 (main's declarations.complete); a refusal is a notice in the UI language. */
  open(): Promise<void>;
}

/**
 * 两步申报's second step: a 概要 customs released (概要已放行 · 完整申报待办) opens again as the draft of its 完整申报 —
 * the same declaration under the same 海关编号, with the rest to fill and then declared (F9).
 */
export function useCompleteDeclaration(record: DeclarationRecord): CompleteDeclaration {
  const { busy, run } = useBusy();
  const available = record.status === 'summary-released';
  const { id } = record;
  const open = useCallback(async () => {
    if (!available) return;
    await run(async () => {
      await api.invoke('declarations.complete', { id });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.declaration(id) }),
        queryClient.invalidateQueries({ queryKey: ['declarations'] }),
        // The 概要's 税费单 is not the 完整's (main answers none until one answers the 完整): not kept from before.
        queryClient.invalidateQueries({ queryKey: keys.receipts(id) }),
      ]);
      useUi.getState().notify({ kind: 'info', message: (l) => messages[l].completeOpened, declarationId: id });
    }, refusalNotice);
  }, [available, id, run]);
  return { available, busy, open };
}

/** The 完整申报 button beside the status of a released 概要 (nothing on any other declaration). */
export function CompleteButton({ state }: { state: CompleteDeclaration }) {
  const t = useT();
  if (!state.available) return null;
  return (
    <button
      type="button"
      className="primary"
      aria-keyshortcuts="Alt+Shift+W"
      title={t.openCompleteHint}
      disabled={state.busy}
      onClick={() => void state.open()}
    >
      {t.openComplete}
    </button>
  );
}
