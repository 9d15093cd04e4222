import { useEffect, useRef } from 'react';
import { api, errorNotice } from '../../api/client';
import { useUi } from '../../state/ui-store';
import { saveFile } from '../interchange/files';

/**
 * What every printable sheet over the app shares (the 报关单's preview, the 税费预估单): it takes the focus on its
 * 打印 button and closes like a dialog on Esc (the keys go to the sheet, not the editor beneath); 保存 PDF asks the
 * Electron shell for printToPDF, and in the browser host — where there is none — opens the browser's print dialog,
 * which saves PDFs too.
 */
export function usePrintOverlay(onClose: () => void) {
  const notify = useUi((s) => s.notify);
  const printButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    printButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  async function savePdf(fileName: string): Promise<void> {
    try {
      const result = await api.invoke('print.pdf', { fileName });
      if (result.file) saveFile(result.file);
      else window.print();
    } catch (e) {
      notify({ kind: 'error', message: errorNotice(e) });
    }
  }

  return { printButton, savePdf };
}
