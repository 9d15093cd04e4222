import type { BrowserWindow, Dialog } from 'electron';
import type { FilePurpose } from '../desk/open-desk';

const archiveFilter = { name: 'SW Desk archive (*.swdx)', extensions: ['swdx'] };

/**
 * Native dialogs for the paths the renderer asks for (files.pick): where to save an export,
 * which archive to import, which folder to keep the data in. A cancelled dialog gives null.
 */
export function createFilePicker(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  window: () => BrowserWindow | undefined,
) {
  return async (purpose: FilePurpose, suggested: string): Promise<string | null> => {
    const parent = window();
    if (purpose === 'archive-export') {
      const options = {
        title: '导出全部数据 / Export everything',
        defaultPath: suggested,
        filters: [archiveFilter],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    }
    const options =
      purpose === 'archive-import'
        ? {
            title: '导入归档 / Import archive',
            defaultPath: suggested,
            filters: [archiveFilter],
            properties: ['openFile' as const],
          }
        : {
            title: '数据文件夹 / Data folder',
            defaultPath: suggested,
            properties: ['openDirectory' as const, 'createDirectory' as const],
          };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
