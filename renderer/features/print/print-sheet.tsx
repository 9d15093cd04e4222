import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useInterchangeT } from '../interchange/messages';
import { usePrintOverlay } from './print-overlay';
import './print.css';

/**
 * A printable sheet over the app with the printed forms' toolbar — 打印 (focused), 保存 PDF as `fileName`, 关闭 (Esc)
 * — as the 税费预估单 and the 修改/撤销表 open; `children` is the sheet's page.
 */
export function PrintSheet({
  title,
  fileName,
  onClose,
  children,
}: {
  title: string;
  fileName: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const it = useInterchangeT();
  const { printButton, savePdf } = usePrintOverlay(onClose);
  return createPortal(
    <div className="print-root" role="dialog" aria-label={title}>
      <div className="print-toolbar">
        <strong>{title}</strong>
        <button type="button" className="primary" ref={printButton} onClick={() => window.print()}>
          {it.printNow}
        </button>
        <button type="button" onClick={() => void savePdf(fileName)}>
          {it.savePdf}
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={onClose}>
          {it.close}
        </button>
      </div>
      <div className="print-doc">{children}</div>
    </div>,
    document.body,
  );
}
