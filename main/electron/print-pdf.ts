import type { BrowserWindow } from 'electron';

/**
 * print.pdf in the Electron shell: the window's page as printed (its print style sheet leaves
 * only the form the renderer put up), A4 with the page's own size and no margins of Electron's.
 */
export function createPdfPrinter(window: () => BrowserWindow | undefined): () => Promise<Uint8Array> {
  return async () => {
    const target = window();
    if (!target) throw new Error('There is no window to print');
    return target.webContents.printToPDF({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  };
}
