import { FailureLine, SaidDetail, useFailureState } from '../../components/failure-line';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ColumnHeads } from '../../components/column-heads';
import { useUi } from '../../state/ui-store';
import { localSecond } from '../../i18n/local-time';
import { syncMessages, useSyncT } from './messages';
import { useMessageText } from '../../i18n/use-message-text';
import { useT } from '../../i18n/use-t';

const outboxKey = ['outbox'] as const;

/**
 * The outbox: every signed submission with its state, attempts, next try and last error; a queued one can be withdrawn.
 */
export function OutboxDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const m = useSyncT();
  const t = useT();
  const said = useMessageText();
  const { select, notify } = useUi();
  const [error, setError] = useFailureState();
  // Read afresh each time the dialog opens (staleTime 0): while it is closed nothing follows sync,
  // and a list fetched a few seconds earlier would still count as fresh and miss what was sent since.
  const list = useQuery({
    queryKey: outboxKey,
    queryFn: () => api.invoke('outbox.list', { limit: 200 }),
    enabled: open,
    staleTime: 0,
  });

  // Sync changes the outbox on its own: follow its status while the dialog is open.
  useEffect(() => {
    if (!open) return;
    const offs = [
      api.on('sync.status', () => void queryClient.invalidateQueries({ queryKey: outboxKey })),
      api.on('declarations.changed', () => void queryClient.invalidateQueries({ queryKey: outboxKey })),
    ];
    return () => offs.forEach((off) => off());
  }, [open]);

  async function withdraw(declarationId: string, clientSeqNo: string): Promise<void> {
    setError(null);
    try {
      await api.invoke('outbox.withdraw', { declarationId });
      notify({ kind: 'info', message: (l) => syncMessages[l].withdrawn(clientSeqNo), declarationId });
      await queryClient.invalidateQueries({ queryKey: outboxKey });
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  const rows = list.data ?? [];
  return (
    <Dialog title={m.outboxTitle} open={open} onClose={onClose}>
      <FailureLine error={error} />
      {rows.length === 0 ? (
        <p className="muted">{m.empty}</p>
      ) : (
        <table className="outbox-table">
          <ColumnHeads
            labels={[m.clientSeqNo, m.state, m.attempts, m.nextTry, m.lastError, m.createdAt, t.actionsColumn]}
          />
          <tbody>
            {rows.map((item) => (
              <tr key={item.submissionId} aria-label={item.clientSeqNo}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      select(item.declarationId);
                      onClose();
                    }}
                    aria-label={`${m.open} ${item.clientSeqNo}`}
                  >
                    {item.clientSeqNo}
                  </button>
                </td>
                <td data-testid="outbox-state">{m.states[item.state]}</td>
                <td>{item.attempts}</td>
                <td>{localSecond(item.nextAttemptAt)}</td>
                <td className="error-text">
                  {said(item.lastError)}
                  <SaidDetail said={item.lastError} />
                </td>
                <td>{localSecond(item.createdAt)}</td>
                <td>
                  {item.state === 'queued' ? (
                    <button type="button" onClick={() => void withdraw(item.declarationId, item.clientSeqNo)}>
                      {m.withdraw}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {m.close}
        </button>
      </div>
    </Dialog>
  );
}
