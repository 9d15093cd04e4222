import { useRef } from 'react';
import { api, failureLine } from '../../api/client';
import { issueText } from '../../i18n/reasons';
import { queryClient } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useExtract } from '../extract/extract-store';
import { extractMessages } from '../extract/messages';
import { toQuery, useListState } from '../declaration-list/list-store';
import { chooseFile, fileToBase64, saveFile } from './files';
import { useInterchange } from './interchange-store';
import { interchangeMessages, useInterchangeT } from './messages';

/** Imports a DecMessage file as a new draft and opens it. */
export async function importXmlFile(file: File): Promise<void> {
  const ui = useUi.getState();
  try {
    const result = await api.invoke('interchange.importXml', {
      fileName: file.name.slice(0, 255),
      contentBase64: await fileToBase64(file),
    });
    await queryClient.invalidateQueries({ queryKey: ['declarations'] });
    ui.notify({
      kind: 'info',
      message: (l) =>
        interchangeMessages[l].imported(
          file.name,
          result.clientSeqNo,
          result.warnings.map((w) => issueText(l, w)),
        ),
      declarationId: result.id,
    });
    ui.select(result.id);
  } catch (e) {
    // A refusal of the message names each problem (its element, its line): the notice says them after the reason.
    ui.notify({ kind: 'error', message: failureLine(e, { prefix: file.name }) });
  }
}

/**
 * 导入/导出: DecMessage files in and out, goods lines from spreadsheets, the declaration and the
 * list to Excel, the printed form, and the e-port client settings. What concerns one declaration
 * acts on the one open in the editor.
 */
export function InterchangeMenu() {
  const t = useInterchangeT();
  const menu = useRef<HTMLDetailsElement>(null);
  const { view, selectedId, notify, locale } = useUi();
  const open = useInterchange((s) => s.open);
  const current = view === 'editor' ? selectedId : null;

  async function run(action: () => Promise<void>): Promise<void> {
    if (menu.current) menu.current.open = false;
    try {
      await action();
    } catch (e) {
      // A refusal that names its problems (a declaration that cannot be written as a DecMessage) says each of them.
      notify({ kind: 'error', message: failureLine(e) });
    }
  }

  const exportXml = (id: string, operType: 'G' | 'C') =>
    run(async () => {
      const out = await api.invoke('interchange.exportXml', { id, operType });
      saveFile({ fileName: out.fileName, mimeType: 'application/xml', text: out.text });
      notify({ kind: 'info', message: (l) => interchangeMessages[l].exported(out.fileName) });
    });

  const exportList = (format: 'xlsx' | 'csv') =>
    run(async () => {
      const list = useListState.getState();
      const { limit: _limit, offset: _offset, ...query } = toQuery(list);
      const out = await api.invoke('interchange.exportList', {
        query,
        format,
        locale,
        ...(list.columns.length > 0 ? { columns: list.columns } : {}),
      });
      saveFile(out);
    });

  return (
    <details className="dropdown interchange-menu" ref={menu}>
      <summary>{t.menu}</summary>
      <ul>
        <li>
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                const file = await chooseFile('.xml,application/xml,text/xml');
                if (file) await importXmlFile(file);
              })
            }
          >
            {t.importXml}
          </button>
        </li>
        {current ? (
          <>
            <li>
              <button type="button" onClick={() => void run(async () => open('lines', current))}>
                {t.importLines}
              </button>
            </li>
            <li>
              <button
                type="button"
                aria-keyshortcuts="Alt+I"
                onClick={() => void run(async () => useExtract.getState().open(current))}
              >
                {extractMessages[locale].menu}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void exportXml(current, 'G')}>
                {t.exportXml}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void exportXml(current, 'C')}>
                {t.exportXmlDeclare}
              </button>
            </li>
            <li>
              <button
                type="button"
                onClick={() =>
                  void run(async () =>
                    saveFile(
                      await api.invoke('interchange.exportDeclaration', { id: current, format: 'xlsx', locale }),
                    ),
                  )
                }
              >
                {t.exportDeclaration}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void run(async () => open('print', current))}>
                {t.print}
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <button type="button" onClick={() => void exportList('xlsx')}>
                {t.exportList}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void exportList('csv')}>
                {t.exportListCsv}
              </button>
            </li>
          </>
        )}
        <li>
          <button type="button" onClick={() => void run(async () => open('bridge'))}>
            {t.bridge}
          </button>
        </li>
      </ul>
    </details>
  );
}
