import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { api, ApiCallError } from '../../api/client';
import { useDeclaration } from '../../api/queries';
import { useUi } from '../../state/ui-store';
import { useCheckLookup } from '../../api/code-tables';
import { saveFile } from '../interchange/files';
import { useInterchange } from '../interchange/interchange-store';
import { useIt } from '../interchange/messages';
import { PrintForm } from './print-form';
import { paginate } from './print-layout';
import './print.css';

/**
 * 打印预览: the declaration on the official form, over the app. 打印 prints it (the print
 * style sheet leaves only the form); 保存 PDF asks the Electron shell for printToPDF, and in the
 * browser host — where there is none — opens the browser's print dialog, which saves PDFs too.
 */
export function PrintView({ id }: { id: string }) {
  const t = useIt();
  const close = useInterchange((s) => s.close);
  const notify = useUi((s) => s.notify);
  const record = useDeclaration(id).data;
  const emptyDoc = { head: {}, lines: [], tables: {} };
  const { name, ready } = useCheckLookup(record?.doc ?? emptyDoc);
  // The form waits for the code tables: printed before they are read, its boxes would carry codes without names.
  const shown = record && ready ? record : null;
  const names = (table: string, code: string) => name(table, code, 'zh-CN');
  const printButton = useRef<HTMLButtonElement>(null);

  // Over the app like a dialog, so it closes like one: Esc (the keys go to the preview, which takes the focus).
  useEffect(() => {
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      close('print');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close]);

  async function savePdf(): Promise<void> {
    if (!record) return;
    try {
      const result = await api.invoke('print.pdf', { fileName: `${record.clientSeqNo}.pdf` });
      if (result.file) saveFile(result.file);
      else window.print();
    } catch (e) {
      notify({ kind: 'error', message: e instanceof ApiCallError ? e.message : String(e) });
    }
  }

  return createPortal(
    <div className="print-root" role="dialog" aria-label={t.printTitle}>
      <div className="print-toolbar">
        <strong>{t.printTitle}</strong>
        {shown ? <span className="muted">{t.pages(paginate(shown.doc.lines).length)}</span> : null}
        <button type="button" className="primary" disabled={!shown} ref={printButton} onClick={() => window.print()}>
          {t.printNow}
        </button>
        <button type="button" disabled={!shown} onClick={() => void savePdf()}>
          {t.savePdf}
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={() => close('print')}>
          {t.close}
        </button>
      </div>
      {shown ? (
        <PrintForm
          doc={{ ...shown.doc, head: { ...shown.doc.head, IEFlag: shown.ieFlag } }}
          entryId={shown.entryId}
          names={names}
        />
      ) : null}
    </div>,
    document.body,
  );
}
