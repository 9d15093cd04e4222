import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { refusalNotice, useBusy } from '../../components/busy-call';
import { api } from '../../api/client';
import { queryClient, useDeclaration } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { extractMessages, useExtractT } from './messages';

/** The open declaration's last write from documents that 撤销 may take back (main keeps it across restarts). */
export const lastWriteKey = (id: string) => ['declaration', id, 'extract-last-write'] as const;

/**
 * Over the editor of a declaration that lines accepted from documents were written to: what was written, and 撤销,
 * which takes the whole write back. Offered in every window and after a restart, until undone or dismissed; once
 * something else changed the declaration main refuses the undo, saying why, and stops offering it.
 */
export function ExtractUndoBar() {
  const t = useExtractT();
  const { view, selectedId, notify } = useUi();
  const id = view === 'editor' ? selectedId : null;
  const record = useDeclaration(id);
  const last = useQuery({
    queryKey: lastWriteKey(id ?? ''),
    queryFn: () => api.invoke('extract.lastWrite', { id: id ?? '' }),
    enabled: id !== null,
  });
  const { busy, run } = useBusy();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const write = last.data;
  if (!id || !write || dismissed === `${id}@${write.revision}`) return null;

  const undo = (declarationId: string, revision: number) =>
    run(async () => {
      try {
        await api.invoke('extract.undo', { id: declarationId, revision });
        notify({ kind: 'info', message: (l) => extractMessages[l].undone });
      } finally {
        // Undone, or refused (then no longer offered): the record and the offer are read again either way, before
        // the button is offered again.
        await queryClient.invalidateQueries({ queryKey: ['declaration', declarationId] });
      }
    }, refusalNotice);

  const seqNo = record.data?.clientSeqNo ?? '';
  return (
    <div className="extract-undo-bar" role="status">
      <span title={write.fileNames}>{write.lines > 0 ? t.written(write.lines, seqNo) : t.writtenHead}</span>{' '}
      <button type="button" disabled={busy} onClick={() => void undo(id, write.revision)}>
        {t.undo}
      </button>
      <button
        type="button"
        className="link"
        aria-label={t.dismiss}
        onClick={() => setDismissed(`${id}@${write.revision}`)}
      >
        ×
      </button>
    </div>
  );
}
