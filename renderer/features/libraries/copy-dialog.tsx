import { useFailureState } from '../../components/failure-line';
import { useState } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import { api, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { Dialog } from '../../components/dialog';
import { useLibraryUi } from './library-store';
import { libraryMessages, useLibraryT } from './messages';
import { FormFooter } from '../../components/form-footer';

/**
 * Alt+Shift+C or 复制: the declaration open in the editor, whatever its status, copied to a new
 * draft without our and customs' numbers, with or without its goods lines; the copy opens.
 */
export function CopyDialog({
  record,
  beforeCopy,
}: {
  record: Pick<DeclarationRecord, 'id' | 'clientSeqNo'>;
  beforeCopy(): Promise<void>;
}) {
  const t = useLibraryT();
  const open = useLibraryUi((s) => s.copyOpen);
  const setOpen = useLibraryUi((s) => s.setCopyOpen);
  const { select, notify } = useUi();
  const [keepLines, setKeepLines] = useState(true);
  const [error, setError] = useFailureState();
  if (!open) return null;

  async function copy(): Promise<void> {
    try {
      await beforeCopy();
      const created = await api.invoke('declarations.copy', { id: record.id, keepLines });
      queryClient.setQueryData(['declaration', created.id], created);
      await queryClient.invalidateQueries({ queryKey: ['declarations'] });
      setOpen(false);
      notify({
        kind: 'info',
        message: (l) => libraryMessages[l].copied(created.clientSeqNo),
        declarationId: created.id,
      });
      select(created.id);
    } catch (e) {
      setError(errorNotice(e));
    }
  }

  return (
    <Dialog title={t.copyTitle} open onClose={() => setOpen(false)}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void copy();
        }}
      >
        <p>{record.clientSeqNo}</p>
        <label className="inline">
          <input type="checkbox" checked={keepLines} autoFocus onChange={(e) => setKeepLines(e.target.checked)} />{' '}
          {t.keepLines}
        </label>
        <FormFooter error={error} onCancel={() => setOpen(false)} submitLabel={t.copyDo} />
      </form>
    </Dialog>
  );
}
