import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createPdfPrinter } from './print-pdf';

describe('print.pdf in the Electron shell', () => {
  // Electron cannot run on these machines: webContents is a stand-in that records what it is asked for.
  // What this checks is our part (the options, and the bytes handed on untouched), not Electron's PDF.
  it('asks the window (a stand-in for Electron) for an A4 PDF at the page’s own size, backgrounds, no margins, and hands its bytes on', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3]);
    const printToPDF = vi.fn(async () => Buffer.from(bytes));
    const window = { webContents: { printToPDF } } as unknown as BrowserWindow;
    const pdf = await createPdfPrinter(() => window)();
    expect(printToPDF).toHaveBeenCalledTimes(1);
    expect(printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect([...pdf]).toEqual([...bytes]);
  });

  it('refuses when there is no window', async () => {
    await expect(createPdfPrinter(() => undefined)()).rejects.toThrow(/no window/);
  });
});
