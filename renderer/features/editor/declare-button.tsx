import { useCallback, useState } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import { api, ApiCallError } from '../../api/client';
import { keys, queryClient } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../app/ui-store';

/**
 * 申报: saves what is pending, then signs and queues; a locked key asks for the passphrase. Shared by the button and F9.
 */
export function useDeclare(record: DeclarationRecord, beforeDeclare: () => Promise<void>) {
  const t = useT();
  const notify = useUi((s) => s.notify);
  const setPassphraseOpen = useUi((s) => s.setPassphraseOpen);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const declare = useCallback(async (): Promise<void> => {
    setBusy(true);
    setProblems([]);
    try {
      await beforeDeclare();
      await api.invoke('declarations.declare', { id: record.id });
      notify({ kind: 'info', message: `${record.clientSeqNo} ${t.declared}` });
      await queryClient.invalidateQueries({ queryKey: keys.declaration(record.id) });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'PASSPHRASE_REQUIRED') setPassphraseOpen(true);
      else if (error instanceof ApiCallError)
        setProblems([error.message, ...(error.issues ?? []).map((i) => i.message)]);
      else setProblems([String(error)]);
    } finally {
      setBusy(false);
    }
  }, [beforeDeclare, notify, record.clientSeqNo, record.id, setPassphraseOpen, t]);

  return { declare, busy, problems };
}

export function DeclareButton({ state, disabled }: { state: ReturnType<typeof useDeclare>; disabled: boolean }) {
  const t = useT();
  return (
    <div className="declare">
      <button
        type="button"
        className="primary"
        disabled={disabled || state.busy}
        onClick={() => void state.declare()}
        aria-keyshortcuts="F9"
      >
        {t.declare}
      </button>
      {state.problems.length > 0 ? (
        <ul className="declare-problems" role="alert">
          {state.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
