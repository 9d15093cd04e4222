import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import { useDeclaration } from '../../api/queries';
import { useCheckLookup } from '../../api/code-tables';
import { useInterchange } from '../interchange/interchange-store';
import { useInterchangeT } from '../interchange/messages';
import { PrintForm } from './print-form';
import { paginate } from './print-layout';
import { usePrintOverlay } from './print-overlay';
import './print.css';

/**
 * 打印预览: the declaration on the official form, over the app. 打印 prints it (the print
 * style sheet leaves only the form); 保存 PDF asks the Electron shell for printToPDF, and in the
 * browser host — where there is none — opens the browser's print dialog, which saves PDFs too.
 */
export function PrintView({ id }: { id: string }) {
  const t = useInterchangeT();
  const close = useInterchange((s) => s.close);
  const record = useDeclaration(id).data;
  const emptyDoc = { head: {}, lines: [], tables: {} };
  const { name, ready } = useCheckLookup(record?.doc ?? emptyDoc);
  // The form waits for the code tables: printed before they are read, its boxes would carry codes without names.
  const shown = record && ready ? record : null;
  const names = (table: string, code: string) => name(table, code, 'zh-CN');
  const closePrint = useCallback(() => close('print'), [close]);
  const { printButton, savePdf } = usePrintOverlay(closePrint);

  return createPortal(
    <div className="print-root" role="dialog" aria-label={t.printTitle}>
      <div className="print-toolbar">
        <strong>{t.printTitle}</strong>
        {shown ? <span className="muted">{t.pages(paginate(shown.doc.lines).length)}</span> : null}
        <button type="button" className="primary" disabled={!shown} ref={printButton} onClick={() => window.print()}>
          {t.printNow}
        </button>
        <button type="button" disabled={!shown} onClick={() => void (record && savePdf(`${record.clientSeqNo}.pdf`))}>
          {t.savePdf}
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={closePrint}>
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
