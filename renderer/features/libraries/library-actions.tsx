import type { LibraryKind } from '../../../shared/libraries';
import { api } from '../../api/client';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { saveFile } from '../interchange/files';
import { useLibraryUi } from './library-store';
import { libraryMessages, useLibraryT } from './messages';

/**
 * The party and product libraries' own toolbar buttons: add a record, import a sheet of them, export the library as
 * Excel or CSV. Both libraries import and export through the same calls, named by their kind.
 */
export function LibraryFileButtons({ kind, onAdd }: { kind: LibraryKind; onAdd(): void }) {
  const t = useLibraryT();
  const openImport = useLibraryUi((s) => s.openImport);
  async function exportAs(format: 'xlsx' | 'csv'): Promise<void> {
    saveFile(await api.invoke('libraries.export', { kind, format }));
  }
  return (
    <>
      <button type="button" onClick={onAdd}>
        {t.add}
      </button>
      <button type="button" onClick={() => openImport(kind)}>
        {t.importFile}
      </button>
      <button type="button" onClick={() => void exportAs('xlsx')}>
        {t.exportXlsx}
      </button>
      <button type="button" onClick={() => void exportAs('csv')}>
        {t.exportCsv}
      </button>
    </>
  );
}

/**
 * A library row's 编辑 and 删除, each named with the record (a screen reader reads which one). 删除 asks first, then
 * deletes the record, says how many went and refreshes every list of that library.
 */
export function RecordActions({
  kind,
  id,
  name,
  onEdit,
}: {
  kind: LibraryKind;
  id: string;
  name: string;
  onEdit(): void;
}) {
  const t = useLibraryT();
  const notify = useUi((s) => s.notify);
  async function remove(): Promise<void> {
    if (!window.confirm(t.confirmRemove(name))) return;
    const { deleted } = await api.invoke(kind === 'parties' ? 'parties.delete' : 'products.delete', { ids: [id] });
    notify({ kind: 'info', message: (l) => libraryMessages[l].removed(deleted) });
    await queryClient.invalidateQueries({ queryKey: [kind] });
  }
  return (
    <>
      <button type="button" className="link" aria-label={`${t.edit} ${name}`} onClick={onEdit}>
        {t.edit}
      </button>{' '}
      <button type="button" className="link" aria-label={`${t.remove} ${name}`} onClick={() => void remove()}>
        {t.remove}
      </button>
    </>
  );
}
