import { describe, expect, it, vi } from 'vitest';
import { createFilePicker } from './file-dialogs';

describe('native file dialogs (a fake dialog: Electron cannot run here)', () => {
  function fakeDialog(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
    return {
      showSaveDialog: vi.fn(async () => ({ canceled: answer.canceled, filePath: answer.filePath ?? '' })),
      showOpenDialog: vi.fn(async () => ({ canceled: answer.canceled, filePaths: answer.filePaths ?? [] })),
    };
  }

  it('asks where to save an export, suggesting a name, with the archive filter and overwrite confirmation', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/home/me/all.swdx' });
    const pick = createFilePicker(dialog as never, () => undefined);
    expect(await pick('archive-export', '/data/exports/swdesk-2026-11-22.swdx')).toBe('/home/me/all.swdx');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: '/data/exports/swdesk-2026-11-22.swdx',
        filters: [expect.objectContaining({ extensions: ['swdx'] })],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
  });

  it('opens an archive or a folder, and gives null when cancelled', async () => {
    const open = fakeDialog({ canceled: false, filePaths: ['/media/usb/all.swdx'] });
    expect(await createFilePicker(open as never, () => undefined)('archive-import', '/data')).toBe(
      '/media/usb/all.swdx',
    );
    expect(open.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
    await createFilePicker(open as never, () => undefined)('data-folder', '/data');
    expect(open.showOpenDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }),
    );
    expect(
      await createFilePicker(fakeDialog({ canceled: true }) as never, () => undefined)('data-folder', '/data'),
    ).toBeNull();
    expect(
      await createFilePicker(fakeDialog({ canceled: true }) as never, () => undefined)(
        'archive-export',
        '/data/x.swdx',
      ),
    ).toBeNull();
  });
});
