import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createPdfPrinter } from './print-pdf';

describe('print.pdf in the Electron shell', () => {
  it('prints the window to an A4 PDF with the page’s own size and no margins', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
    const window = { webContents: { printToPDF } } as unknown as BrowserWindow;
    const pdf = await createPdfPrinter(() => window)();
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
    expect(printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });

  it('refuses when there is no window', async () => {
    await expect(createPdfPrinter(() => undefined)()).rejects.toThrow(/no window/);
  });
});
