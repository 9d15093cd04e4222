import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The installers associate SW Desk's own archives (.swdx) with it — and nothing else: DecMessage XML
// files belong to whatever the broker reads them with, and come in through 导入 (Import). An archive
// opened from the file manager (the command line of the first or a second launch, or macOS's
// open-file event) is offered for import in Settings → Data, where the broker sees what it is and
// confirms; it is never merged without being asked.

/**
 * The .swdx files among a launch's arguments (Electron's own flags and the app path are skipped). A Linux
 * file manager may pass a file:// URL (the .desktop entry's %U).
 */
export function archiveFilesIn(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && /\.swdx$/i.test(arg))
    .flatMap((arg) => {
      if (!arg.startsWith('file:')) return [path.resolve(arg)];
      try {
        return [fileURLToPath(arg)];
      } catch {
        return [];
      }
    });
}
