import { useState } from 'react';
import { api, errorNotice } from '../../api/client';
import { queryClient, useDeclaration } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useExtract } from './extract-store';
import { extractMessages, useXt } from './messages';

/** After 接受: what was written from the documents, and 撤销, which takes the whole write back. */
export function ExtractUndoBar() {
  const t = useXt();
  const applied = useExtract((s) => s.applied);
  const { view, selectedId, notify } = useUi();
  const record = useDeclaration(
    applied && view === 'editor' && selectedId === applied.declarationId ? selectedId : null,
  );
  const [busy, setBusy] = useState(false);
  if (!applied || view !== 'editor' || selectedId !== applied.declarationId) return null;

  async function undo(declarationId: string, revision: number) {
    setBusy(true);
    try {
      await api.invoke('extract.undo', { id: declarationId, revision });
      await queryClient.invalidateQueries({ queryKey: ['declaration', declarationId] });
      useExtract.getState().setApplied(null);
      notify({ kind: 'info', message: (l) => extractMessages[l].undone });
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="extract-undo-bar" role="status">
      <span>{applied.lines > 0 ? t.written(applied.lines, record.data?.clientSeqNo ?? '') : t.writtenHead}</span>{' '}
      <button type="button" disabled={busy} onClick={() => void undo(applied.declarationId, applied.revision)}>
        {t.undo}
      </button>
      <button type="button" className="link" aria-label="×" onClick={() => useExtract.getState().setApplied(null)}>
        ×
      </button>
    </div>
  );
}
