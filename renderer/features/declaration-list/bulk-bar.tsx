import type { DeclarationSummary } from '../../../shared/api';
import { api, ApiCallError, failureText } from '../../api/client';
import { refusalNotice, useBusy } from '../../components/busy-call';
import { messages } from '../../i18n/messages';
import { queryClient } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import type { ListColumn } from './list-columns';
import { csvFileName, toCsv } from './list-columns';
import { useListState } from './list-store';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Actions on the selected declarations: declare them, delete the drafts among them, export them (or the page) as CSV.
 */
export function BulkBar({ items, columns }: { items: readonly DeclarationSummary[]; columns: readonly ListColumn[] }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const notify = useUi((s) => s.notify);
  const setPassphraseOpen = useUi((s) => s.setPassphraseOpen);
  const selected = useListState((s) => s.selected);
  const clearSelection = useListState((s) => s.clearSelection);
  const { busy, run } = useBusy();
  const chosen = [...selected.values()];
  const drafts = chosen.filter((d) => d.workflow === 'draft' || d.workflow === 'rejected');

  async function declareAll(): Promise<void> {
    // Each declaration's refusal is counted in the one notice at the end; nothing else here is expected to fail.
    await run(async () => {
      let ok = 0;
      const failed: { seq: string; error: unknown }[] = [];
      for (const item of drafts) {
        try {
          await api.invoke('declarations.declare', { id: item.id });
          ok++;
        } catch (e) {
          if (e instanceof ApiCallError && e.code === 'PASSPHRASE_REQUIRED') {
            setPassphraseOpen(true);
            break;
          }
          failed.push({ seq: item.clientSeqNo, error: e });
        }
      }
      notify({
        kind: failed.length > 0 ? 'error' : 'info',
        message: (l) =>
          [
            messages[l].bulkDeclared(ok, failed.length),
            ...failed.slice(0, 3).map((f) => `${f.seq}: ${failureText(f.error, l)}`),
          ].join('\n'),
      });
      clearSelection();
    }, refusalNotice);
    await queryClient.invalidateQueries({ queryKey: ['declarations'] });
  }

  async function deleteDrafts(): Promise<void> {
    const ids = chosen.filter((d) => d.workflow === 'draft').map((d) => d.id);
    if (ids.length === 0 || !window.confirm(t.confirmDelete(ids.length))) return;
    await run(async () => {
      const result = await api.invoke('declarations.delete', { ids });
      const skipped = chosen.length - ids.length;
      notify({
        kind: 'info',
        message: (l) =>
          `${messages[l].bulkDeleted(result.deleted)}${skipped > 0 ? `${l === 'en' ? '; ' : '；'}${messages[l].onlyDrafts(skipped)}` : ''}`,
      });
      clearSelection();
    }, refusalNotice);
    await queryClient.invalidateQueries({ queryKey: ['declarations'] });
  }

  function exportCsv(): void {
    const rows = chosen.length > 0 ? chosen : items;
    download(csvFileName(new Date()), toCsv(rows, columns, t, locale));
  }

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t.selectedCount(chosen.length)}>
      <span aria-live="polite">{t.selectedCount(chosen.length)}</span>
      <button type="button" disabled={busy || drafts.length === 0} onClick={() => void declareAll()}>
        {t.declareSelected}
      </button>
      <button
        type="button"
        disabled={busy || !chosen.some((d) => d.workflow === 'draft')}
        onClick={() => void deleteDrafts()}
      >
        {t.deleteDrafts}
      </button>
      <button type="button" disabled={busy || (chosen.length === 0 && items.length === 0)} onClick={exportCsv}>
        {chosen.length > 0 ? t.exportSelected : t.exportPage}
      </button>
    </div>
  );
}
